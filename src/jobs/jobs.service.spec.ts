import { Logger } from '@nestjs/common';
import { deferred } from '../../test/support/deferred';
import { Clock } from '../common/clock';
import { loadConfig } from '../config/app-config';
import { SHUTDOWN_GRACE_MS, WakeUp, WorkSource } from './jobs.constants';
import { JobsService } from './jobs.service';

/** The in-process runner (no Redis) over sources the test controls. */
function embeddedRunner(sources: Partial<Record<'action' | 'delivery' | 'render', WorkSource>>): JobsService {
  const jobs = new JobsService(loadConfig({}), new Clock(), []);
  const idle: WorkSource = { pending: async () => [], due: async () => [], run: async () => undefined };
  for (const kind of ['action', 'delivery', 'render'] as const) jobs.register(kind, sources[kind] ?? idle);
  return jobs;
}

/** Rows 1…n due now; `run` is the test's. */
function dueRows(n: number, run: (id: number) => Promise<void>): WorkSource & { ran: number[] } {
  const ran: number[] = [];
  const rows: WakeUp[] = Array.from({ length: n }, (_, i) => ({ id: i + 1, runAt: new Date(0) }));
  return {
    ran,
    pending: async () => rows.filter((row) => !ran.includes(row.id)),
    due: async () => rows.filter((row) => !ran.includes(row.id)),
    run: async (id) => {
      ran.push(id);
      await run(id);
    },
  };
}

describe('the in-process job runner at shutdown', () => {
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('finishes the row in hand, starts none of the rows still due, and only then reports itself stopped', async () => {
    const events: string[] = [];
    const started = deferred();
    const release = deferred();
    const renders = dueRows(3, async (id) => {
      started.resolve();
      await release.promise;
      events.push(`row ${id} finished`);
    });
    const jobs = embeddedRunner({ render: renders });

    const running = jobs.runDue();
    await started.promise;
    const stopping = jobs.onModuleDestroy().then(() => events.push('stopped'));
    // The stop waits on the row: nothing has ended while the row is held.
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual([]);
    release.resolve();
    await stopping;

    expect(events).toEqual(['row 1 finished', 'stopped']);
    expect(renders.ran).toEqual([1]);
    expect(await running).toBe(1);
    // Stopped for good: a later run (a test's drain, a wake-up) starts nothing.
    expect(await jobs.runDue()).toBe(0);
    expect(renders.ran).toEqual([1]);
  });

  it('lets go of a row that does not finish within the grace period, saying so', async () => {
    jest.useFakeTimers();
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const started = deferred();
    const jobs = embeddedRunner({
      delivery: dueRows(1, () => {
        started.resolve();
        return new Promise<void>(() => undefined); // a send that hangs
      }),
    });
    void jobs.runDue();
    await started.promise;

    let stopped = false;
    const stopping = jobs.onModuleDestroy().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(SHUTDOWN_GRACE_MS - 1);
    expect(stopped).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await stopping;
    expect(stopped).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`${SHUTDOWN_GRACE_MS / 1000} 秒内未完成`));
  });
});

describe('the in-process job runner with a source that runs rows together', () => {
  it('gives it the rows due at once, and looks again until none is left', async () => {
    const batches: number[][] = [];
    let pending = [1, 2, 3];
    const actions: WorkSource = {
      pending: async () => [],
      due: async () => pending.map((id) => ({ id, runAt: new Date(0) })),
      run: async () => {
        throw new Error('run one by one');
      },
      runBatch: async (ids) => {
        batches.push(ids);
        // Running the first rows makes another due (as a report check plans the next period).
        pending = batches.length === 1 ? [4] : [];
      },
    };
    const jobs = embeddedRunner({ action: actions });
    expect(await jobs.runDue()).toBe(4);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });
});

describe('the job runner at start-up', () => {
  it('refuses to start while a kind of work has no handler, naming it in one line', () => {
    const jobs = new JobsService(loadConfig({}), new Clock(), []);
    const idle: WorkSource = { pending: async () => [], due: async () => [], run: async () => undefined };
    jobs.register('action', idle);
    jobs.register('delivery', idle);
    expect(() => jobs.onApplicationBootstrap()).toThrow(/^任务调度拒绝启动：PDF 生成没有登记处理程序（work kind without a handler: render）$/);
  });
});
