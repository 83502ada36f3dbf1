import type { JobOptions } from 'bull';

/** The kinds of durable work: each is a table whose rows are the record and whose jobs only wake a worker. */
export const WORK_KINDS = ['action', 'delivery', 'render'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export const QUEUES: Record<WorkKind, string> = { action: 'scheduled-actions', delivery: 'deliveries', render: 'notice-renders' };

/** The one job name on every queue: run the row named in the job's data. */
export const RUN_JOB = 'run';

/** The Redis connections made for the queues. */
export const QUEUE_CONNECTIONS = Symbol('QUEUE_CONNECTIONS');

export const JOB_CONCURRENCY = 4;

/**
 * Jobs retry on infrastructure errors and are then dropped, never kept: the row stays pending in SQL and
 * the reconciler wakes it again. Completed jobs are dropped too; a repeated wake-up finds the row done.
 */
export const JOB_OPTIONS: JobOptions = { attempts: 5, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: true, removeOnFail: true };

/** Deterministic: the same row due at the same time is one job, however often it is enqueued. */
export const jobIdOf = (kind: WorkKind, id: number, runAt: Date): string => `${kind}-${id}-${runAt.getTime()}`;

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
}
