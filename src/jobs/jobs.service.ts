import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import type { Job, Queue } from 'bull';
import type Redis from 'ioredis';
import { outsideRequest } from '../common/request-context';
import { withTimeout } from '../common/timeout';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { batching } from './batching';
import { BATCH_JOBS, BATCH_SIZE, BATCHES_AT_ONCE, ENQUEUE_TIMEOUT_MS, JOB_CONCURRENCY, JOB_OPTIONS, JOB_ROWS, QUEUE_CONNECTIONS, QUEUES, RUN_JOB, SHUTDOWN_GRACE_MS, WakeUp, WORK_KINDS, WorkKind, WorkSource } from './jobs.constants';
import { jobData, readJobData, WakeUpJob, wakeUpJobs } from './wake-up-jobs';

/** Jobs per addBulk (one MULTI), or read or promoted in one go. */
const BULK_SIZE = 1000;

/** What a kind of work is called in the log. */
const WORK_LABELS: Record<WorkKind, string> = { action: '计划动作', delivery: '投递', render: 'PDF 生成' };

export interface ReconcileReport {
  /** Pending rows looked at. */
  checked: number;
  /** Pending rows that no job in Redis woke, now woken by jobs added. */
  added: number;
  /** Jobs already due that were still waiting out a delay, and were made ready. */
  promoted: number;
}

/**
 * Runs durable work. SQL holds what must happen; with Redis, Bull delivers a delayed job per row and a
 * reconciler restores whatever Redis lost; without Redis, an in-process loop runs what is due.
 *
 * It stops first at shutdown (onModuleDestroy, before every onApplicationShutdown): no new work is
 * taken and the work in hand finishes. What that work uses (the database, the PDF browser, the mail
 * transport) must therefore close in onApplicationShutdown, never in onModuleDestroy.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly sources = new Map<WorkKind, WorkSource>();
  private readonly tickTasks: (() => Promise<unknown>)[] = [];
  private readonly queues = new Map<WorkKind, Queue>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  /** Ticks under way (a reconcile or a run of due rows, then the upkeep tasks). */
  private readonly ticks = new Set<Promise<unknown>>();
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    @Inject(QUEUE_CONNECTIONS) private readonly connections: Redis[],
    // Present only with REDIS_URL.
    @Optional() @InjectQueue(QUEUES.action) actionQueue?: Queue,
    @Optional() @InjectQueue(QUEUES.delivery) deliveryQueue?: Queue,
    @Optional() @InjectQueue(QUEUES.render) renderQueue?: Queue,
  ) {
    for (const [kind, queue] of [['action', actionQueue], ['delivery', deliveryQueue], ['render', renderQueue]] as const) {
      if (!queue) continue;
      // An unheard 'error' event would end the process; outages are logged and waited out.
      queue.on('error', (error) => this.logger.warn(`队列 ${queue.name}：${error.message}`));
      this.queues.set(kind, queue);
    }
  }

  get mode(): 'bull' | 'embedded' {
    return this.config.redisUrl ? 'bull' : 'embedded';
  }

  register(kind: WorkKind, source: WorkSource): void {
    this.sources.set(kind, source);
  }

  /**
   * Periodic upkeep run by worker instances with each reconcile or poll (checking the listing rules).
   * It must be idempotent: every worker runs it.
   */
  onTick(task: () => Promise<unknown>): void {
    this.tickTasks.push(task);
  }

  onApplicationBootstrap(): void {
    // Sources register in onModuleInit: by now a kind without one would only fail when its work falls due.
    const unhandled = WORK_KINDS.filter((kind) => !this.sources.has(kind));
    if (unhandled.length > 0) throw new Error(`任务调度拒绝启动：${unhandled.map((kind) => `${WORK_LABELS[kind]}没有登记处理程序（work kind without a handler: ${kind}）`).join('；')}`);
    if (this.config.appRole === 'api') return;
    if (this.mode === 'bull') {
      for (const [kind, queue] of this.queues) {
        const source = this.source(kind);
        // The jobs this worker holds at once are run in batches of rows, when the source can.
        const run = source.runBatch ? batching((ids) => source.runBatch!(ids), BATCH_SIZE, BATCHES_AT_ONCE) : (id: number) => source.run(id);
        void queue.process(RUN_JOB, source.runBatch ? BATCH_JOBS : JOB_CONCURRENCY, (job: Job<unknown>) => this.runJob(kind, job, run));
      }
    }
    const every = (this.mode === 'bull' ? this.config.jobs.reconcileSeconds : this.config.jobs.pollSeconds) * 1000;
    this.timer = setInterval(() => this.tick(), every);
    this.tick();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const inHand = (async () => {
      await this.idle();
      // Bull stops taking jobs and waits for those it runs.
      await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    })();
    if (!(await settlesWithin(inHand, SHUTDOWN_GRACE_MS))) {
      this.logger.warn(`关闭时仍有任务在 ${SHUTDOWN_GRACE_MS / 1000} 秒内未完成；未完成的将在下次启动后重新执行`);
    }
    for (const connection of this.connections) connection.disconnect();
  }

  /** Resolves once the tick under way (a reconcile or an in-process run, then the upkeep) has ended. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.ticks, this.running]);
  }

  /**
   * Tells the runner that rows were written or rescheduled. Called after their transaction commits; if
   * Redis does not answer in time the request goes on and the reconciler enqueues them later.
   */
  async wake(kind: WorkKind, items: WakeUp[]): Promise<void> {
    if (items.length === 0) return;
    const queue = this.queues.get(kind);
    if (!queue) {
      // In-process: work due now (a notice's PDF, a retry) need not wait for the next poll.
      if (this.timer && items.some((item) => item.runAt <= this.clock.now())) setImmediate(() => this.tick());
      return;
    }
    try {
      await withTimeout(this.enqueue(queue, kind, items), ENQUEUE_TIMEOUT_MS, `Redis 在 ${ENQUEUE_TIMEOUT_MS} 毫秒内未响应`);
    } catch (error) {
      this.logger.warn(`未能把 ${items.length} 项${WORK_LABELS[kind]}放入队列（${error instanceof Error ? error.message : String(error)}）；对账时将补上`);
    }
  }

  /** Bull mode: makes Redis hold a job for every pending row; embedded: runs what is due. */
  async reconcile(): Promise<ReconcileReport> {
    if (this.mode === 'embedded') {
      const ran = await this.runDue();
      return { checked: ran, added: 0, promoted: 0 };
    }
    const report: ReconcileReport = { checked: 0, added: 0, promoted: 0 };
    for (const [kind, queue] of this.queues) {
      const items = await this.source(kind).pending();
      report.checked += items.length;
      const held = await jobsHeld(queue);
      const woken = new Set(held.flatMap((job) => job.ids.map((id) => wakeUpKey(id, job.runAt))));
      const missing = items.filter((item) => !woken.has(wakeUpKey(item.id, item.runAt)));
      await this.enqueue(queue, kind, missing);
      report.added += missing.length;
      // Jobs still delayed although due (Redis restarted with old delays, or the clock was moved).
      const now = this.clock.now();
      report.promoted += await promote(
        queue,
        held.filter((job) => job.delayed && job.runAt <= now).map((job) => job.id),
      );
    }
    return report;
  }

  /** Embedded mode: runs every due row, and what running them made due, until nothing is left. */
  runDue(): Promise<number> {
    const run = async () => {
      let total = 0;
      for (;;) {
        let ran = 0;
        for (const kind of WORK_KINDS) {
          const source = this.source(kind);
          const ids = (await source.due(this.clock.now(), 100)).map((item) => item.id);
          // All due rows at once when the source runs rows together, else one by one.
          const batches = source.runBatch ? (ids.length > 0 ? [ids] : []) : ids.map((id) => [id]);
          for (const batch of batches) {
            // Shutting down: what is not started stays pending for the next start.
            if (this.stopping) return total + ran;
            try {
              await (source.runBatch ? source.runBatch(batch) : source.run(batch[0]));
              ran += batch.length;
            } catch (error) {
              // Left pending for the next pass; not counted, so a failing row cannot keep this loop going.
              this.logger.error(`${kind} #${batch.join('、#')} 执行失败：${error instanceof Error ? error.message : String(error)}`);
            }
          }
        }
        total += ran;
        if (ran === 0) return total;
      }
    };
    // One loop at a time per instance; a second caller waits for it, then looks again.
    const next = (this.running ?? Promise.resolve()).catch(() => undefined).then(run);
    this.running = next;
    return next;
  }

  private tick(): void {
    if (this.stopping) return;
    // A request may wake the runner; the work is the system's, neither bounded nor cancelled with that request.
    const work = outsideRequest(() =>
      (this.mode === 'bull' ? this.reconcile() : this.runDue())
        .then(() => Promise.all(this.tickTasks.map((task) => task())))
        .catch((error: unknown) => this.logger.error(`定时任务执行失败：${error instanceof Error ? error.message : String(error)}`, error instanceof Error ? error.stack : undefined)),
    );
    // Kept until it ends, so that shutdown waits for it.
    this.ticks.add(work);
    void work.finally(() => this.ticks.delete(work));
  }

  private async runJob(kind: WorkKind, job: Job<unknown>, run: (id: number) => Promise<void>): Promise<void> {
    const data = readJobData(job.data);
    if (!data) {
      // It can never succeed: drop it instead of retrying (its rows, if pending, are enqueued again by the reconciler).
      await job.discard();
      throw new Error(`malformed ${kind} job ${job.id}`);
    }
    await Promise.all(data.ids.map((id) => run(id)));
  }

  private async enqueue(queue: Queue, kind: WorkKind, items: WakeUp[]): Promise<void> {
    const now = this.clock.now().getTime();
    const jobs = wakeUpJobs(kind, items, this.source(kind).runBatch ? JOB_ROWS : 1);
    for (const chunk of chunked(jobs, BULK_SIZE)) {
      await queue.addBulk(chunk.map((job) => ({ name: RUN_JOB, data: jobData(job), opts: { ...JOB_OPTIONS, jobId: job.id, delay: Math.max(0, job.runAt.getTime() - now) } })));
    }
  }

  private source(kind: WorkKind): WorkSource {
    const source = this.sources.get(kind);
    if (!source) throw new Error(`No work source registered for ${kind}`);
    return source;
  }
}

/** A row due at a time, as a string. */
const wakeUpKey = (id: number, runAt: Date): string => `${id}@${runAt.getTime()}`;

/**
 * The jobs a queue holds (waiting out a delay, waiting, or running), with the rows each wakes: their
 * ids read in one MULTI (one snapshot), then their data. A job that finishes in between no longer
 * counts: its rows, if they were read as pending, are woken again, and that run finds them done.
 */
async function jobsHeld(queue: Queue): Promise<(WakeUpJob & { delayed: boolean })[]> {
  const replies = await queue.client.multi().zrange(queue.toKey('delayed'), 0, -1).lrange(queue.toKey('wait'), 0, -1).lrange(queue.toKey('paused'), 0, -1).lrange(queue.toKey('active'), 0, -1).exec();
  const [delayed, ...others] = (replies ?? []).map(([error, ids]) => {
    if (error) throw error;
    return ids as string[];
  });
  const delayedIds = new Set(delayed);
  const held: (WakeUpJob & { delayed: boolean })[] = [];
  for (const chunk of chunked([...new Set([...delayed, ...others.flat()])], BULK_SIZE)) {
    const data = await queue.client.pipeline(chunk.map((id) => ['hget', queue.toKey(id), 'data'])).exec();
    for (const [j, id] of chunk.entries()) {
      const [error, raw] = data?.[j] ?? [];
      // Gone meanwhile, or not a job of ours (an older format): it wakes nothing.
      const read = !error && typeof raw === 'string' ? readJobData(parsed(raw)) : null;
      if (read) held.push({ id, ...read, delayed: delayedIds.has(id) });
    }
  }
  return held;
}

function parsed(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/** Moves delayed jobs to the waiting list, concurrently a chunk at a time; returns how many were moved. */
async function promote(queue: Queue, ids: string[]): Promise<number> {
  let promoted = 0;
  for (const chunk of chunked(ids, BULK_SIZE)) {
    await Promise.all(
      chunk.map(async (id) => {
        // It may have been moved or run meanwhile: then there is nothing to promote.
        const job = await queue.getJob(id);
        if (await (job?.promote().then(() => true, () => false) ?? false)) promoted += 1;
      }),
    );
  }
  return promoted;
}

function chunked<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** Whether `work` settles within `ms`. */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([work.then(() => true), timeout]).finally(() => clearTimeout(timer));
}
