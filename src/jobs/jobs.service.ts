import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import type { Job, Queue } from 'bull';
import type Redis from 'ioredis';
import { outsideRequest } from '../common/request-context';
import { withTimeout } from '../common/timeout';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ENQUEUE_TIMEOUT_MS, JOB_CONCURRENCY, JOB_OPTIONS, jobIdOf, QUEUE_CONNECTIONS, QUEUES, RUN_JOB, SHUTDOWN_GRACE_MS, WakeUp, WORK_KINDS, WorkKind, WorkSource } from './jobs.constants';

const BATCH = 1000;

/** What a kind of work is called in the log. */
const WORK_LABELS: Record<WorkKind, string> = { action: '计划动作', delivery: '投递', render: 'PDF 生成' };

export interface ReconcileReport {
  /** Pending rows looked at. */
  checked: number;
  /** Jobs that were missing from Redis and were added. */
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
        void queue.process(RUN_JOB, JOB_CONCURRENCY, (job: Job<{ id: number }>) => this.runJob(kind, job));
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
      const now = this.clock.now().getTime();
      for (let i = 0; i < items.length; i += BATCH) {
        const batch = items.slice(i, i + BATCH);
        const ids = batch.map((item) => jobIdOf(kind, item.id, item.runAt));
        const exists = await queue.client.pipeline(ids.map((id) => ['exists', queue.toKey(id)])).exec();
        const missing = batch.filter((_, j) => exists?.[j]?.[1] !== 1);
        await this.enqueue(queue, kind, missing);
        report.added += missing.length;
        // A job still delayed although its row is due (Redis restarted with old delays, or the clock was moved).
        const dueIds = ids.filter((id, j) => exists?.[j]?.[1] === 1 && batch[j].runAt.getTime() <= now);
        if (dueIds.length > 0) {
          const scores = await queue.client.pipeline(dueIds.map((id) => ['zscore', queue.toKey('delayed'), id])).exec();
          for (const [j, id] of dueIds.entries()) {
            if (scores?.[j]?.[1] === null) continue;
            await (await queue.getJob(id))?.promote().catch(() => undefined); // it may have just started
            report.promoted += 1;
          }
        }
      }
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
          for (const item of await this.source(kind).due(this.clock.now(), 100)) {
            // Shutting down: what is not started stays pending for the next start.
            if (this.stopping) return total + ran;
            try {
              await this.source(kind).run(item.id);
              ran += 1;
            } catch (error) {
              // Left pending for the next pass; not counted, so a failing row cannot keep this loop going.
              this.logger.error(`${kind} #${item.id} 执行失败：${error instanceof Error ? error.message : String(error)}`);
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

  private async runJob(kind: WorkKind, job: Job<{ id: number }>): Promise<void> {
    const id = Number(job.data?.id);
    if (!Number.isInteger(id) || id < 1) {
      // It can never succeed: drop it instead of retrying.
      await job.discard();
      throw new Error(`malformed ${kind} job ${job.id}`);
    }
    await this.source(kind).run(id);
  }

  private async enqueue(queue: Queue, kind: WorkKind, items: WakeUp[]): Promise<void> {
    const now = this.clock.now().getTime();
    for (let i = 0; i < items.length; i += BATCH) {
      await queue.addBulk(
        items.slice(i, i + BATCH).map((item) => ({
          name: RUN_JOB,
          data: { id: item.id },
          opts: { ...JOB_OPTIONS, jobId: jobIdOf(kind, item.id, item.runAt), delay: Math.max(0, item.runAt.getTime() - now) },
        })),
      );
    }
  }

  private source(kind: WorkKind): WorkSource {
    const source = this.sources.get(kind);
    if (!source) throw new Error(`No work source registered for ${kind}`);
    return source;
  }
}

/** Whether `work` settles within `ms`. */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([work.then(() => true), timeout]).finally(() => clearTimeout(timer));
}
