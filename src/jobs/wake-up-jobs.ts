import { createHash } from 'node:crypto';
import type { WakeUp, WorkKind } from './jobs.constants';

/** A job: it wakes rows of one kind that are due at one time. */
export interface WakeUpJob {
  /** Deterministic: the same rows due at the same time are one job, however often they are enqueued. */
  id: string;
  /** Ascending, without repeats. */
  ids: number[];
  runAt: Date;
}

/** What a job carries in Redis, as JSON. */
interface StoredJobData {
  ids: number[];
  runAt: number;
}

/**
 * The jobs that wake these rows: rows due at the same time go together, ascending, at most `size` to a
 * job (one to a job with `size` 1).
 */
export function wakeUpJobs(kind: WorkKind, items: readonly WakeUp[], size: number): WakeUpJob[] {
  const byTime = new Map<number, Set<number>>();
  for (const item of items) byTime.set(item.runAt.getTime(), (byTime.get(item.runAt.getTime()) ?? new Set()).add(item.id));
  const jobs: WakeUpJob[] = [];
  for (const [time, idSet] of byTime) {
    const ids = [...idSet].sort((a, b) => a - b);
    for (let i = 0; i < ids.length; i += size) jobs.push(wakeUpJob(kind, new Date(time), ids.slice(i, i + size)));
  }
  return jobs;
}

function wakeUpJob(kind: WorkKind, runAt: Date, ids: number[]): WakeUpJob {
  // A job of many rows is named by a digest of its ids: a job id is also a Redis key.
  const rows = ids.length === 1 ? String(ids[0]) : `${ids.length}x${createHash('sha1').update(ids.join(',')).digest('hex').slice(0, 16)}`;
  return { id: `${kind}-${runAt.getTime()}-${rows}`, ids, runAt };
}

export function jobData(job: WakeUpJob): StoredJobData {
  return { ids: job.ids, runAt: job.runAt.getTime() };
}

/** The rows and run time a job's data names, or null when it is not a job of ours (malformed, or of an older format). */
export function readJobData(data: unknown): { ids: number[]; runAt: Date } | null {
  const { ids, runAt } = (data ?? {}) as Partial<StoredJobData>;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => Number.isInteger(id) && id > 0) || !Number.isInteger(runAt)) return null;
  return { ids, runAt: new Date(runAt as number) };
}
