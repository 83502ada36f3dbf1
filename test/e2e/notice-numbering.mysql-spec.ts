import { Notice } from '../../src/notices/notice.entity';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { as, login, seedOrganisation } from '../support/fixtures';
import { PrivateRedis } from '../support/redis-server';
import { chinaTime, controlClock } from '../support/scheduling';
import { createTestDatabase, startAppOn, TestApp } from '../support/test-app';

describe('notice numbers under concurrency: two instances on MariaDB', () => {
  let redis: PrivateRedis;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let apps: TestApp[];

  beforeAll(async () => {
    [redis, database] = await Promise.all([PrivateRedis.start(), createTestDatabase()]);
    // API-only instances: the numbers are what is tested here, not the renders.
    const env = { REDIS_URL: redis.url, APP_ROLE: 'api' };
    apps = (await Promise.all([startAppOn(database.env, env), startAppOn(database.env, env)])).map((app) => ({ ...app, close: () => app.app.close() }));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database.drop();
    await redis.stop();
  });

  it('gives 200 simultaneous issues exactly the numbers 1..200, fills the gap a failure would leave, and starts again at 1 in a new year', async () => {
    const clock = controlClock(apps, chinaTime('2026-12-30', '10:00'));
    await seedOrganisation(apps[0].dataSource);
    const offices = await Promise.all(apps.map(async (app) => as(app, await login(app, 'office'))));
    const drafts: { id: number; version: number }[] = [];
    for (let i = 0; i < 201; i++) drafts.push((await offices[i % 2].post('/api/notices').send({ kind: 'circular' }).expect(201)).body);

    // One issue fails after its number was taken: telling the recipients throws inside the transaction.
    const notify = jest.spyOn(apps[0].app.get(NotificationsService), 'notify').mockRejectedValueOnce(new Error('inbox unavailable'));
    const results = await Promise.all(drafts.map((d, i) => offices[i % 2].post(`/api/notices/${d.id}/issue`).send({ version: d.version })));
    notify.mockRestore();
    expect(results.filter((r) => r.status === 500)).toHaveLength(1);
    const numbers = results.filter((r) => r.status === 200).map((r) => Number(/〕(\d+)号/.exec(r.body.number as string)![1]));
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));

    const failed = drafts[results.findIndex((r) => r.status === 500)];
    expect(await apps[0].dataSource.getRepository(Notice).findOneByOrFail({ id: failed.id })).toMatchObject({ status: 'draft', number: null });

    clock.set(chinaTime('2027-01-04', '10:00'));
    const next = await offices[1].post(`/api/notices/${failed.id}/issue`).send({ version: failed.version }).expect(200);
    expect(next.body.number).toBe('反诈办通〔2027〕1号');
  });
});
