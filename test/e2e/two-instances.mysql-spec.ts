import { publishedCalendar } from '../../src/calendar/calendar-data';
import { WorkingCalendar } from '../../src/calendar/working-calendar';
import { Notification } from '../../src/notifications/notification.entity';
import { DEFAULT_LADDERS, officeTime, planActions } from '../../src/reminders/escalation-ladder';
import { as, login, seedOrganisation } from '../support/fixtures';
import { startWebhookReceiver } from '../support/receivers';
import { PrivateRedis } from '../support/redis-server';
import { chinaTime, controlClock, drain } from '../support/scheduling';
import { createTestDatabase, startAppOn, TestApp } from '../support/test-app';

describe('two instances sharing MariaDB and Redis for a simulated month (Bull)', () => {
  let redis: PrivateRedis;
  let robot: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let apps: TestApp[];

  beforeAll(async () => {
    [redis, robot, database] = await Promise.all([PrivateRedis.start(), startWebhookReceiver(), createTestDatabase()]);
    const env = { REDIS_URL: redis.url, WEBHOOK_URL: robot.url };
    const started = [await startAppOn(database.env, env), await startAppOn(database.env, env)];
    apps = started.map((app) => ({ ...app, close: () => app.app.close() }));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database.drop();
    await Promise.all([redis.stop(), robot.close()]);
  });

  it('sends every expected reminder, approval request and robot digest exactly once', async () => {
    const start = chinaTime('2026-09-01', '10:00');
    const clock = controlClock(apps, start);
    const org = await seedOrganisation(apps[0].dataSource);
    const calendar = new WorkingCalendar(publishedCalendar());
    const offices = [as(apps[0], await login(apps[0], 'office')), as(apps[1], await login(apps[1], 'office'))];
    const deadlines: string[] = [];
    for (let i = 0; i < 100; i++) {
      const deadline = calendar.addWorkingDays('2026-09-01', 4 + (i % 20));
      deadlines.push(deadline, deadline);
      // Requests alternate between the instances, as behind a load balancer.
      await offices[i % 2]
        .post('/api/directives')
        .send({ title: `并行实例事项${i}`, requirement: '按要求办理。', category: '综合', priority: 'normal', deadline, leadUnitId: org.police.id, cooperatingUnitIds: [org.town.id] })
        .expect(201);
    }

    const end = new Date(chinaTime('2026-10-01', '09:30'));
    // Each new task is told to its unit's contact once (one contact per unit here).
    const expected = { reminder: 0, approval: 0, task: deadlines.length };
    const reminderDays = new Set<string>();
    for (const deadline of deadlines) {
      for (const action of planActions({ open: true, deadline, reportCycle: null, reportDay: null, issuedOn: '2026-09-01' }, DEFAULT_LADDERS.normal, calendar, '2026-09-01')) {
        const at = officeTime(action.dueDate, 9 * 60);
        if (at > end) continue;
        if (action.kind === 'reminder' && at > new Date(start)) {
          expected.reminder += 1;
          reminderDays.add(action.dueDate);
        }
        if (action.kind !== 'reminder') expected.approval += 1;
      }
    }
    expect(expected.reminder).toBeGreaterThan(300);

    for (let day = new Date('2026-09-02T00:00:00Z'); day <= new Date('2026-10-01T00:00:00Z'); day = new Date(day.getTime() + 86_400_000)) {
      const date = day.toISOString().slice(0, 10);
      for (const time of ['09:00', '09:10']) {
        clock.set(chinaTime(date, time));
        await drain(apps);
      }
    }

    const counts = await apps[0].dataSource.getRepository(Notification).createQueryBuilder('n').select('n.kind', 'kind').addSelect('COUNT(*)', 'n').groupBy('n.kind').getRawMany<{ kind: string; n: string }>();
    expect(Object.fromEntries(counts.map((c) => [c.kind, Number(c.n)]))).toEqual(expected);
    const titles = robot.calls.map((call) => (call.body as { title: string }).title);
    const digests = titles.filter((title) => title.startsWith('督办提醒'));
    expect(titles.length - digests.length).toBe(deadlines.length); // the new tasks, each on its own
    expect(digests).toHaveLength(reminderDays.size);
    expect(new Set(digests).size).toBe(digests.length);
  }, 180_000); // a simulated month of 100 directives: about a minute alone, more while the suite runs beside it
});

describe('two instances sharing the sign-in limit through Redis', () => {
  it('counts a client’s attempts on either instance against one budget', async () => {
    const redis = await PrivateRedis.start();
    const database = await createTestDatabase();
    const env = { REDIS_URL: redis.url, LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW_SECONDS: '60' };
    const apps = [await startAppOn(database.env, env), await startAppOn(database.env, env)];
    try {
      await seedOrganisation(apps[0].dataSource);
      for (const attempt of [0, 1, 2]) await apps[attempt % 2].http().post('/api/auth/login').send({ username: 'office', password: 'wrong-password' }).expect(401);
      const refused = await apps[1].http().post('/api/auth/login').send({ username: 'office', password: 'wrong-password' }).expect(429);
      expect(refused.body.code).toBe('RATE_LIMITED');
      await apps[0].http().post('/api/auth/login').send({ username: 'office', password: 'wrong-password' }).expect(429);
    } finally {
      for (const app of apps) await app.app.close();
      await database.drop();
      await redis.stop();
    }
  });
});
