import { randomBytes } from 'node:crypto';
import { IsNull, LessThanOrEqual, Not } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { JobsService } from '../../src/jobs/jobs.service';
import { Notice } from '../../src/notices/notice.entity';
import { Delivery } from '../../src/notifications/notification.entity';
import { ScheduledAction } from '../../src/reminders/scheduled-action.entity';
import { testDb, TestApp } from './test-app';

/**
 * The job runner each suite tests: in-process on SQLite, Bull on the shared Redis with MariaDB (under
 * a prefix of its own, so runs never see each other's jobs).
 */
export function jobsEnv(): Record<string, string> {
  return testDb() === 'mysql' ? { REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}` } : {};
}

/** Time the application sees, moved by the test. */
export function controlClock(apps: TestApp[], start: string): { set: (instant: string) => void; now: () => Date } {
  let now = new Date(start);
  for (const app of apps) jest.spyOn(app.app.get(Clock), 'now').mockImplementation(() => now);
  return { set: (instant) => (now = new Date(instant)), now: () => now };
}

/** China time on a date, as an instant: `chinaTime('2026-09-29', '09:00')`. */
export const chinaTime = (date: string, time = '09:00'): string => `${date}T${time}:00+08:00`;

/**
 * Lets the applications do everything that is due by their clock, and waits until they have: in-process
 * that is one run; with Bull, a reconcile (which also wakes jobs still waiting out a delay) and then
 * waiting until no due row is left pending.
 */
export async function drain(apps: TestApp[], timeoutMs = 30_000): Promise<void> {
  const [first] = apps;
  const jobs = first.app.get(JobsService);
  if (jobs.mode === 'embedded') {
    await jobs.runDue();
    return;
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const app of apps) await app.app.get(JobsService).reconcile();
    const now = first.app.get(Clock).now();
    const [actions, deliveries, renders] = await Promise.all([
      first.dataSource.getRepository(ScheduledAction).countBy({ status: 'pending', runAt: LessThanOrEqual(now) }),
      // A delivery being sent is not due (its lease is), but it is not finished either.
      first.dataSource.getRepository(Delivery).count({ where: [{ status: 'pending', runAt: LessThanOrEqual(now) }, { status: 'sending' }] }),
      // A notice whose render failed is not due before its retry time.
      first.dataSource.getRepository(Notice).count({ where: [{ status: Not('draft'), pdfSha256: IsNull(), renderRetryAt: IsNull() }, { status: Not('draft'), pdfSha256: IsNull(), renderRetryAt: LessThanOrEqual(now) }] }),
    ]);
    if (actions === 0 && deliveries === 0 && renders === 0) return;
    if (Date.now() > deadline) throw new Error(`still due after ${timeoutMs} ms: ${actions} actions, ${deliveries} deliveries, ${renders} notices to render`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
