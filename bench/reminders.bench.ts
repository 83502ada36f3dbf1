/**
 * npm run bench:reminders — 100 000 assignments on MariaDB, their schedules planned, the clock moved
 * across a month and everything delivered through Bull on Redis. Needs the machine's MariaDB and Redis;
 * uses a database and a queue prefix of its own and removes them afterwards.
 *
 *   BENCH_ASSIGNMENTS=20000 npm run bench:reminders   (a smaller run)
 *
 * It exits non-zero when issue 14's goals are missed (at least 1 000 actions delivered a second, the
 * first reconcile under 5 s) or when anything was lost or doubled.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { createApp } from '../src/app.factory';
import { Clock } from '../src/common/clock';
import { loadConfig } from '../src/config/app-config';
import { publishedCalendar } from '../src/calendar/calendar-data';
import { WorkingCalendar } from '../src/calendar/working-calendar';
import { QUEUES } from '../src/jobs/jobs.constants';
import { JobsService } from '../src/jobs/jobs.service';
import { ASSIGNMENT_SUBJECT } from '../src/assignments/assignment-chase';
import { EscalationPolicy } from '../src/reminders/escalation.entity';
import { DEFAULT_LADDERS, Ladder, ladderSettings, officeTime } from '../src/reminders/escalation-ladder';
import { SchedulePlanner } from '../src/reminders/schedule-planner.service';
import { ScheduledAction } from '../src/reminders/scheduled-action.entity';
import { PRIORITY_RANKS } from '../src/directives/directive-order';

const ASSIGNMENTS = Number(process.env.BENCH_ASSIGNMENTS ?? 100_000);
const UNITS = 100;
const PER_DIRECTIVE = 4;
const START = '2026-09-01';
const MYSQL = { host: '127.0.0.1', port: 3306, user: 'root', password: '' };

/** Issue 14's goals for the pipeline at this scale. */
const GOALS = { deliveriesPerSecond: 1000, reconcileEnqueueMs: 5000 };

const seconds = (ms: number) => (ms / 1000).toFixed(1);

async function main(): Promise<void> {
  const name = `dbs_bench_${randomBytes(4).toString('hex')}`;
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const admin = await createConnection(MYSQL);
  await admin.query(`CREATE DATABASE \`${name}\``);
  const config = loadConfig({ DB_TYPE: 'mysql', DB_NAME: name, JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789', REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: prefix, SEED_DEMO: 'false', LOG_LEVEL: 'warn', RECONCILE_SECONDS: '3600' });
  const app = await createApp(config);
  let now = new Date(`${START}T01:00:00Z`);
  app.get(Clock).now = () => now;
  const dataSource = app.get(DataSource);
  try {
    const calendar = new WorkingCalendar(publishedCalendar());
    // One reminder a working day before each deadline: one pending action per assignment.
    const ladder: Ladder = { ...DEFAULT_LADDERS.normal, reminderDays: [1], rungs: DEFAULT_LADDERS.normal.rungs.map((rule) => ({ ...rule, mode: 'off' })) };
    await dataSource.getRepository(EscalationPolicy).insert({ priority: 'normal', ladder: ladderSettings(ladder), updatedBy: 1, updatedAt: now, version: 1 });

    console.log(`准备数据：${UNITS} 个单位、${ASSIGNMENTS} 项任务……`);
    await dataSource.query(`INSERT INTO units (name, short_name, kind, active) VALUES ${Array.from({ length: UNITS }, (_, i) => `('基准单位${i}', '单位${i}', 'department', 1)`).join(',')}`);
    await dataSource.query(`INSERT INTO users (username, display_name, role, unit_id, active, password_hash) SELECT CONCAT('bench', id), CONCAT('联络员', id), 'unit', id, 1, 'x' FROM units`);
    const directives = Math.ceil(ASSIGNMENTS / PER_DIRECTIVE);
    for (let start = 0; start < directives; start += 1000) {
      const rows = Array.from({ length: Math.min(1000, directives - start) }, (_, j) => {
        const seq = start + j + 1;
        const deadline = calendar.addWorkingDays(START, 2 + (seq % 20));
        return `('DB-2026-${seq}', 2026, ${seq}, '基准事项${seq}', '要求', '综合', 'normal', '${deadline}', 1, 1, '${deadline}', ${PRIORITY_RANKS.normal})`;
      });
      await dataSource.query(`INSERT INTO directives (code, year, seq, title, requirement, category, priority, deadline, created_by, version, due_key, priority_rank) VALUES ${rows.join(',')}`);
    }
    await dataSource.query(
      `INSERT INTO assignments (directive_id, unit_id, role, status, deadline, percent_done, version, created_at, sort_key)
       SELECT d.id, u.id, IF(u.id % ${PER_DIRECTIVE} = 0, 'lead', 'cooperating'), 'issued', d.deadline, 0, 1, '${START} 00:00:00', CONCAT('0:', d.due_key, ':', d.priority_rank)
       FROM directives d JOIN units u ON u.id % ${Math.floor(UNITS / PER_DIRECTIVE)} = d.id % ${Math.floor(UNITS / PER_DIRECTIVE)} AND u.id <= ${UNITS}
       LIMIT ${ASSIGNMENTS}`,
    );
    const ids = (await dataSource.query('SELECT id FROM assignments ORDER BY id')).map((r: { id: number }) => Number(r.id));
    console.log(`任务 ${ids.length} 项。`);

    // Planning: what every issue, extension or policy change does, in transactions of 500 assignments.
    const planner = app.get(SchedulePlanner);
    const jobs = app.get(JobsService);
    let t = performance.now();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await dataSource.transaction((manager) => planner.plan(manager, ASSIGNMENT_SUBJECT, chunk));
    }
    const planMs = performance.now() - t;
    const planned = await dataSource.getRepository(ScheduledAction).countBy({ status: 'pending' });
    console.log(`排程：${planned} 个计划动作，用时 ${seconds(planMs)} 秒`);

    // Reconciler: Redis holds nothing yet, so the first pass enqueues every pending action; the second checks them all.
    t = performance.now();
    const first = await jobs.reconcile();
    const reconcileFillMs = performance.now() - t;
    // Restored means every pending action woken by a job in Redis, none by two.
    const held = await app.get<Queue>(getQueueToken(QUEUES.action)).getJobs(['delayed', 'waiting', 'active']);
    const woken = held.flatMap((job) => (job.data as { ids: number[] }).ids);
    const restored = { jobs: held.length, actions: new Set(woken).size, twice: woken.length - new Set(woken).size };
    t = performance.now();
    const second = await jobs.reconcile();
    const reconcileCheckMs = performance.now() - t;
    console.log(`对账：首次补入 ${first.added} 个动作 ${seconds(reconcileFillMs)} 秒（Redis 中 ${restored.jobs} 个任务唤醒 ${restored.actions} 个动作，重复 ${restored.twice}）；再次核对 ${second.checked} 个待执行动作 ${seconds(reconcileCheckMs)} 秒（补入 ${second.added}）`);

    // Deliver: the clock moves day by day through the month; due jobs are promoted and run by the worker.
    t = performance.now();
    const end = calendar.addWorkingDays(START, 25);
    for (let day = START; day <= end; day = calendar.addWorkingDays(day, 1)) {
      now = officeTime(day, 9 * 60);
      await jobs.reconcile();
      while ((await dataSource.getRepository(ScheduledAction).countBy({ status: 'pending', runAt: LessThanOrEqual(now) })) > 0) await new Promise((r) => setTimeout(r, 200));
    }
    const deliverMs = performance.now() - t;
    const [{ n: notifications }] = await dataSource.query('SELECT COUNT(*) AS n FROM notifications');
    const [{ n: duplicates }] = await dataSource.query('SELECT COUNT(*) AS n FROM (SELECT source_key FROM notifications GROUP BY user_id, source_key HAVING COUNT(*) > 1) d');
    const done = await dataSource.getRepository(ScheduledAction).countBy({ status: 'done' });
    // Lost: an action due by the end that was not done, or done without its inbox message (one contact per unit).
    const [{ n: notDone }] = await dataSource.query("SELECT COUNT(*) AS n FROM scheduled_actions WHERE due_at <= ? AND status <> 'done'", [now]);
    // A message exists only for an action done (they commit together), so the done actions without one are the difference.
    const [{ n: announced }] = await dataSource.query("SELECT COUNT(DISTINCT source_key) AS n FROM notifications WHERE source_key LIKE 'action:%'");
    const lost = Number(notDone) + done - Number(announced);
    console.log(`投递：执行 ${done} 个动作，生成 ${notifications} 条站内消息（重复 ${duplicates}，丢失 ${lost}），用时 ${seconds(deliverMs)} 秒`);

    const figures = {
      assignments: ids.length,
      actionsPlanned: planned,
      actionsPlannedPerSecond: Math.round(planned / (planMs / 1000)),
      reconcileEnqueueMs: Math.round(reconcileFillMs),
      reconcileCheckMs: Math.round(reconcileCheckMs),
      pendingChecked: second.checked,
      actionsDelivered: done,
      notifications: Number(notifications),
      deliveriesPerSecond: Math.round(Number(notifications) / (deliverMs / 1000)),
      duplicates: Number(duplicates),
      lost,
    };
    const missed = [
      figures.deliveriesPerSecond < GOALS.deliveriesPerSecond && `投递速度低于每秒 ${GOALS.deliveriesPerSecond} 个`,
      figures.reconcileEnqueueMs >= GOALS.reconcileEnqueueMs && `首次对账超过 ${GOALS.reconcileEnqueueMs / 1000} 秒`,
      (restored.actions !== planned || restored.twice > 0) && `对账后 Redis 中的任务唤醒 ${restored.actions} 个动作（重复 ${restored.twice}），应为 ${planned} 个`,
      figures.lost > 0 && `丢失 ${figures.lost} 个动作`,
      figures.duplicates > 0 && `重复 ${figures.duplicates} 条消息`,
    ].filter((miss): miss is string => typeof miss === 'string');
    if (missed.length > 0) {
      console.error(`未达目标：${missed.join('；')}`);
      process.exitCode = 1;
    }
    console.log(JSON.stringify({ ...figures, restoredJobs: restored.jobs, restoredActions: restored.actions, restoredTwice: restored.twice, goalsMet: missed.length === 0 }));
  } finally {
    await app.close();
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
    const redis = new Redis('redis://127.0.0.1:6379');
    const keys = await redis.keys(`${prefix}:*`);
    for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
    redis.disconnect();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
