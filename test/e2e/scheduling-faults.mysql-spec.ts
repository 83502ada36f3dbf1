import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import Queue from 'bull';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { In } from 'typeorm';
import { JobsService } from '../../src/jobs/jobs.service';
import { QUEUES } from '../../src/jobs/jobs.constants';
import { Notification } from '../../src/notifications/notification.entity';
import { ScheduledAction } from '../../src/reminders/scheduled-action.entity';
import { as, login, Organisation, seedOrganisation, tableCounts } from '../support/fixtures';
import { freePort, PrivateRedis } from '../support/redis-server';
import { chinaTime, controlClock, drain } from '../support/scheduling';
import { createTestDatabase, MYSQL, startAppOn, startTestApp, TEST_JWT_SECRET, TestApp } from '../support/test-app';

type Client = ReturnType<typeof as>;

const directive = (org: Organisation, title: string, deadline: string) => ({ title, requirement: '按要求办理。', category: '综合', priority: 'normal', deadline, leadUnitId: org.police.id, cooperatingUnitIds: [org.town.id] });
const remindersOf = (app: TestApp, userId: number, title: string) =>
  app.dataSource.getRepository(Notification).createQueryBuilder('n').where('n.user_id = :userId AND n.kind = :kind AND n.title LIKE :title', { userId, kind: 'reminder', title: `%${title}%` }).getCount();

describe('the schedule survives Redis faults (MariaDB, Bull)', () => {
  let redis: PrivateRedis;
  let app: TestApp;
  let org: Organisation;
  let office: Client;
  let clock: ReturnType<typeof controlClock>;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    app = await startTestApp({ REDIS_URL: redis.url });
    clock = controlClock([app], chinaTime('2026-09-21', '10:00'));
    org = await seedOrganisation(app.dataSource);
    office = as(app, await login(app, 'office'));
  });
  afterAll(async () => {
    await app.close();
    await redis.stop();
  });

  it('restores every pending action after Redis is flushed, and each fires once', async () => {
    for (const n of [1, 2, 3]) await office.post('/api/directives').send(directive(org, `清空恢复事项${n}`, '2026-10-12')).expect(201);
    const pending = await app.dataSource.getRepository(ScheduledAction).countBy({ status: 'pending' });
    expect(pending).toBe(3 * 2 * 8);
    const jobs = app.app.get(JobsService);
    expect((await jobs.reconcile()).added).toBe(0);

    await redis.flush();
    expect(await jobs.reconcile()).toMatchObject({ checked: pending, added: pending });
    expect((await jobs.reconcile()).added).toBe(0);

    clock.set(chinaTime('2026-09-29'));
    await drain([app]);
    await redis.flush();
    await drain([app]);
    for (const n of [1, 2, 3]) {
      expect(await remindersOf(app, org.users.police.id, `清空恢复事项${n}`)).toBe(1);
      expect(await remindersOf(app, org.users.town.id, `清空恢复事项${n}`)).toBe(1);
    }
  });

  it('creates an assignment while Redis is down without waiting on it or half-writing, and delivers once Redis is back', async () => {
    await redis.stop();
    const before = await tableCounts(app.dataSource, ['directives', 'assignments', 'scheduled_actions']);
    const started = Date.now();
    await office.post('/api/directives').send(directive(org, 'Redis停机期间下达', '2026-11-20')).expect(201);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await tableCounts(app.dataSource, ['directives', 'assignments', 'scheduled_actions'])).toEqual({
      directives: before.directives + 1,
      assignments: before.assignments + 2,
      scheduled_actions: before.scheduled_actions + 2 * 8,
    });

    await redis.start();
    clock.set(chinaTime('2026-11-13'));
    await drain([app]);
    expect(await remindersOf(app, org.users.police.id, 'Redis停机期间下达')).toBe(1);
    expect(await remindersOf(app, org.users.town.id, 'Redis停机期间下达')).toBe(1);
  });

  it('does each action once when several jobs wake it', async () => {
    for (const n of [1, 2]) await office.post('/api/directives').send(directive(org, `多次唤醒事项${n}`, '2026-12-18')).expect(201);
    const actions = app.dataSource.getRepository(ScheduledAction);
    const first = (await actions.find({ where: { status: 'pending', kind: 'reminder' }, order: { dueAt: 'ASC', id: 'ASC' } })).filter((a) => a.periodKey === '2026-12-18:5');
    expect(first).toHaveLength(4);
    clock.set(first[0].dueAt.toISOString());
    // Woken again in other groupings: three more jobs, each waking some of the four.
    const jobs = app.app.get(JobsService);
    const [a, b, c, d] = first.map((action) => ({ id: action.id, runAt: action.runAt }));
    await jobs.wake('action', [a, b]);
    await jobs.wake('action', [b, c, d]);
    await jobs.wake('action', [a, b, c, d]);
    await drain([app]);

    const done = await actions.findBy({ id: In(first.map((action) => action.id)) });
    expect(done.map((action) => [action.status, action.attempts])).toEqual(first.map(() => ['done', 1]));
    for (const n of [1, 2]) {
      expect(await remindersOf(app, org.users.police.id, `多次唤醒事项${n}`)).toBe(1);
      expect(await remindersOf(app, org.users.town.id, `多次唤醒事项${n}`)).toBe(1);
    }
  });
});

describe('a Redis that queues cannot use', () => {
  it('refuses to start, naming REDIS_URL, when Redis does not answer', async () => {
    const database = await createTestDatabase();
    try {
      const port = await freePort();
      await expect(startAppOn(database.env, { REDIS_URL: `redis://127.0.0.1:${port}` })).rejects.toThrow(/配置错误：环境变量 REDIS_URL=.*无法连接 Redis/);
    } finally {
      await database.drop();
    }
  });

  it('refuses to start when Redis would evict queued jobs under memory pressure', async () => {
    const redis = await PrivateRedis.start();
    const database = await createTestDatabase();
    try {
      const client = new Redis(redis.url);
      await client.config('SET', 'maxmemory-policy', 'allkeys-lru');
      client.disconnect();
      await expect(startAppOn(database.env, { REDIS_URL: redis.url })).rejects.toThrow(/maxmemory-policy 为 allkeys-lru，任务队列要求 noeviction/);
    } finally {
      await database.drop();
      await redis.stop();
    }
  });
});

describe('a worker killed in the middle of a job (MariaDB, Bull, separate processes)', () => {
  let redis: PrivateRedis;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let api: Omit<TestApp, 'close'>;
  let worker: Omit<TestApp, 'close'> | null = null;
  const children: ChildProcess[] = [];

  const env = () => ({ REDIS_URL: redis.url, JOB_LOCK_SECONDS: '1', QUEUE_PREFIX: 'kill' });
  const spawnWorker = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = spawn(process.execPath, ['-r', join(__dirname, '../../scripts/ts-register.js'), join(__dirname, '../support/worker-process.ts')], {
        env: { ...process.env, ...database.env, ...env(), APP_ROLE: 'worker', JWT_SECRET: TEST_JWT_SECRET, SEED_DEMO: 'false', LOG_LEVEL: 'error' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
      child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    database = await createTestDatabase();
    api = await startAppOn(database.env, { ...env(), APP_ROLE: 'api' });
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await worker?.app.close();
    await api.app.close();
    await database.drop();
    await redis.stop();
  });

  it('runs the job again elsewhere, and its effect happens once', async () => {
    const org = await seedOrganisation(api.dataSource);
    const office = as({ ...api, close: async () => undefined }, await login({ ...api, close: async () => undefined }, 'office'));
    await office.post('/api/directives').send(directive(org, '进程被杀的提醒', '2026-12-31')).expect(201);
    // Its time has come (the children keep real time).
    const actions = api.dataSource.getRepository(ScheduledAction);
    const reminder = (await actions.findBy({ kind: 'reminder' })).find((a) => a.periodKey === '2026-12-31:5')!;
    const past = new Date(Date.now() - 60_000);
    await actions.update({ id: reminder.id }, { dueAt: past, runAt: past });

    // Hold the row, so the first worker's claim waits inside its transaction.
    const lock = await createConnection({ ...MYSQL, database: database.env.DB_NAME });
    await lock.query('START TRANSACTION');
    await lock.query('SELECT id FROM scheduled_actions WHERE id = ? FOR UPDATE', [reminder.id]);

    const queue = new Queue(QUEUES.action, redis.url, { prefix: 'kill' });
    const first = await spawnWorker();
    for (let i = 0; (await queue.getActiveCount()) === 0; i++) {
      if (i > 200) throw new Error('the worker never took the job');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    first.removeAllListeners('exit');
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    await lock.query('ROLLBACK');
    await lock.end();

    worker = await startAppOn(database.env, { ...env(), APP_ROLE: 'worker' });
    for (let i = 0; (await actions.findOneByOrFail({ id: reminder.id })).status === 'pending'; i++) {
      if (i > 300) throw new Error('the job was not run again');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await queue.close();
    const done = await actions.findOneByOrFail({ id: reminder.id });
    expect(done).toMatchObject({ status: 'done', attempts: 1 });
    expect(await api.dataSource.getRepository(Notification).countBy({ sourceKey: `action:${reminder.id}` })).toBe(1);
  });
});
