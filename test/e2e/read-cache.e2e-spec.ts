import { setTimeout as sleep } from 'node:timers/promises';
import { as, login, PASSWORD, seedOrganisation } from '../support/fixtures';
import { PrivateRedis } from '../support/redis-server';
import { createTestDatabase, startAppOn, TestApp } from '../support/test-app';

/** Two instances on one fresh database, as behind a load balancer, with the organisation seeded. */
async function twoInstances(env: Record<string, string>) {
  const database = await createTestDatabase();
  const started = [await startAppOn(database.env, env), await startAppOn(database.env, env)];
  const [here, there] = started.map((app): TestApp => ({ ...app, close: () => app.app.close() }));
  const org = await seedOrganisation(here.dataSource);
  const directive = (title: string) => ({ title, requirement: '按要求办理。', category: '综合', priority: 'normal', deadline: '2026-12-18', leadUnitId: org.police.id });
  return { here, there, directive, close: async () => Promise.all([here.close(), there.close()]).then(() => database.drop()) };
}

/**
 * Two instances on one database, as behind a load balancer. Each answers a list's count and a token's
 * check from memory for READ_CACHE_SECONDS: a change made through an instance shows there at once, and
 * on the other within that time.
 */
describe(`counts and sign-in checks read from memory (${process.env.TEST_DB})`, () => {
  let instances: Awaited<ReturnType<typeof twoInstances>>;
  let here: TestApp;
  let there: TestApp;
  const directive = (title: string) => instances.directive(title);

  // Three seconds: long enough that the reads between a change and the check fit inside it on a loaded CI
  // machine (one second did not, once), short enough to wait out.
  const CACHE_SECONDS = 3;
  const outlast = () => sleep(CACHE_SECONDS * 1000 + 100);

  beforeAll(async () => {
    instances = await twoInstances({ READ_CACHE_SECONDS: String(CACHE_SECONDS), JOBS_POLL_SECONDS: '3600' });
    ({ here, there } = instances);
  });
  afterAll(() => instances?.close());

  it('shows a change at once where it was made, and elsewhere within READ_CACHE_SECONDS', async () => {
    const token = await login(here, 'office');
    const [office, elsewhere] = [as(here, token), as(there, token)];
    await office.post('/api/directives').send(directive('涉诈账户清理')).expect(201);
    expect((await office.get('/api/directives').expect(200)).body.total).toBe(1);
    expect((await elsewhere.get('/api/directives').expect(200)).body.total).toBe(1);

    await office.post('/api/directives').send(directive('反诈宣传进社区')).expect(201);
    expect((await office.get('/api/directives').expect(200)).body.total).toBe(2);
    // The other instance lists both rows at once (rows are always read), but its count is the one it read.
    const remembered = (await elsewhere.get('/api/directives').expect(200)).body;
    expect(remembered.items).toHaveLength(2);
    expect(remembered.total).toBe(1);
    await outlast();
    expect((await elsewhere.get('/api/directives').expect(200)).body.total).toBe(2);
  });

  it('refuses a revoked token at once where it was revoked, and elsewhere within READ_CACHE_SECONDS', async () => {
    const token = await login(here, 'unit-police');
    const [contact, elsewhere] = [as(here, token), as(there, token)];
    await contact.get('/api/assignments').expect(200);
    await elsewhere.get('/api/assignments').expect(200);
    // A new password revokes every token issued before it.
    await contact.post('/api/auth/password').send({ currentPassword: PASSWORD, newPassword: 'another-long-passphrase-2026' }).expect(200);
    await contact.get('/api/assignments').expect(401);
    await outlast();
    await elsewhere.get('/api/assignments').expect(401);
  });
});

/** With Redis, instances announce their writes: a change shows everywhere at once, long before the caches expire. */
describe(`counts read from memory, instances sharing Redis (${process.env.TEST_DB})`, () => {
  let redis: PrivateRedis;
  let instances: Awaited<ReturnType<typeof twoInstances>>;
  let here: TestApp;
  let there: TestApp;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    instances = await twoInstances({ REDIS_URL: redis.url, READ_CACHE_SECONDS: '60', JOBS_POLL_SECONDS: '3600' });
    ({ here, there } = instances);
  });
  afterAll(async () => {
    await instances?.close();
    await redis?.stop();
  });

  /** The other instance's count, asked until it is `expected` or a second has passed. */
  async function countThere(client: ReturnType<typeof as>, expected: number): Promise<number> {
    const until = Date.now() + 1000;
    for (;;) {
      const total = (await client.get('/api/directives').expect(200)).body.total as number;
      if (total === expected || Date.now() > until) return total;
      await sleep(20);
    }
  }

  it('shows a change made through one instance on the other within a second, its cache lasting a minute', async () => {
    const token = await login(here, 'office');
    const [office, elsewhere] = [as(here, token), as(there, token)];
    const { directive } = instances;
    await office.post('/api/directives').send(directive('涉诈账户清理')).expect(201);
    expect(await countThere(elsewhere, 1)).toBe(1);
    await office.post('/api/directives').send(directive('反诈宣传进社区')).expect(201);
    expect(await countThere(elsewhere, 2)).toBe(2);
  });
});
