import type { JobOptions } from 'bull';

/** The kinds of durable work: each is a table whose rows are the record and whose jobs only wake a worker. */
export const WORK_KINDS = ['action', 'delivery', 'render'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export const QUEUES: Record<WorkKind, string> = { action: 'scheduled-actions', delivery: 'deliveries', render: 'notice-renders' };

/** The one job name on every queue: run the rows named in the job's data. */
export const RUN_JOB = 'run';

/** The Redis connections made for the queues. */
export const QUEUE_CONNECTIONS = Symbol('QUEUE_CONNECTIONS');

/** Jobs one worker runs at once per queue, for work done one row at a time (sending, rendering). */
export const JOB_CONCURRENCY = 4;

/**
 * Work whose source runs rows together: rows due at the same time are woken by one job of at most
 * JOB_ROWS rows, and the rows of the jobs a worker holds are run in batches (one transaction each) of
 * at most BATCH_SIZE rows, BATCHES_AT_ONCE at a time. A worker holds BATCH_JOBS jobs at once: enough
 * small ones to fill the next batches while these run, few enough large ones that a day's due jobs
 * are shared between the instances.
 */
export const JOB_ROWS = 100;
export const BATCH_SIZE = 200;
export const BATCHES_AT_ONCE = 3;
export const BATCH_JOBS = 32;

/**
 * Jobs retry on infrastructure errors and are then dropped, never kept: the rows stay pending in SQL and
 * the reconciler wakes them again. Completed jobs are dropped too; a repeated wake-up finds the rows done.
 */
export const JOB_OPTIONS: JobOptions = { attempts: 5, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: true, removeOnFail: true };

/** How long a request waits for Redis before leaving the wake-up to the reconciler. */
export const ENQUEUE_TIMEOUT_MS = 2000;

/**
 * How long shutdown waits for the work in hand: within the 30 s an orchestrator usually allows between
 * SIGTERM and SIGKILL, leaving time to close the rest. Work still running then is let go: its
 * transaction is rolled back with the connection, or its lease runs out, and it runs again later.
 */
export const SHUTDOWN_GRACE_MS = 25_000;

export interface WakeUp {
  id: number;
  runAt: Date;
}

/** A table of durable work, as the job runner sees it. */
export interface WorkSource {
  /** Every pending row with its run time: what Redis should hold a job for. */
  pending(): Promise<WakeUp[]>;
  /** Rows due by `now`, oldest first. */
  due(now: Date, limit: number): Promise<WakeUp[]>;
  /** Does the row's work if it is still pending and due; safe to call twice, or at once from two workers. */
  run(id: number): Promise<void>;
  /**
   * `run` for several rows in one go (one transaction, reads and writes shared), with the same
   * guarantees for each row. A source that has it is given the rows due together.
   */
  runBatch?(ids: number[]): Promise<void>;
}
