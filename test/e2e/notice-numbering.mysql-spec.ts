import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { Notice } from '../../src/notices/notice.entity';
import { AuditService } from '../../src/audit/audit.service';
import { as, login, PASSWORD, seedOrganisation } from '../support/fixtures';
import { freePort, PrivateRedis } from '../support/redis-server';
import { chinaTime, controlClock } from '../support/scheduling';
import { createTestDatabase, startAppOn, TEST_JWT_SECRET, TestApp } from '../support/test-app';

describe('notice numbers under concurrency on MariaDB', () => {
  let redis: PrivateRedis;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const children: ChildProcess[] = [];

  /** The application in a process of its own, serving the API on a free port. */
  const spawnApi = async (): Promise<string> => {
    const port = await freePort();
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['-r', join(__dirname, '../../scripts/ts-register.js'), join(__dirname, '../support/worker-process.ts')], {
        env: { ...process.env, ...database.env, REDIS_URL: redis.url, APP_ROLE: 'api', PORT: String(port), JWT_SECRET: TEST_JWT_SECRET, SEED_DEMO: 'false', LOG_LEVEL: 'error', LOGIN_RATE_LIMIT: '1000' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(`http://127.0.0.1:${port}`));
      child.once('exit', (code) => reject(new Error(`API process exited with ${code}`)));
    });
  };

  beforeAll(async () => {
    [redis, database] = await Promise.all([PrivateRedis.start(), createTestDatabase()]);
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await database.drop();
    await redis.stop();
  });

  it('gives 200 issues from two processes at once exactly the numbers 1..200', async () => {
    const setup = await startAppOn(database.env, { REDIS_URL: redis.url, APP_ROLE: 'api' });
    try {
      await seedOrganisation(setup.dataSource);
    } finally {
      await setup.app.close();
    }
    const servers = await Promise.all([spawnApi(), spawnApi()]);
    const tokens = await Promise.all(servers.map(async (url) => (await request(url).post('/api/auth/login').send({ username: 'office', password: PASSWORD }).expect(200)).body.accessToken as string));
    const call = (i: number) => ({ post: (path: string) => request(servers[i % 2]).post(path).set('Authorization', `Bearer ${tokens[i % 2]}`) });
    const drafts: { id: number; version: number }[] = [];
    for (let i = 0; i < 200; i++) drafts.push((await call(i).post('/api/notices').send({ kind: 'circular' }).expect(201)).body);
    const issued = await Promise.all(drafts.map((d, i) => call(i).post(`/api/notices/${d.id}/issue`).send({ version: d.version })));
    expect(issued.map((r) => r.status)).toEqual(Array(200).fill(200));
    const numbers = issued.map((r) => Number(/〕(\d+)号/.exec(r.body.number as string)![1]));
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });
});

describe('a failed issue and a new year (MariaDB)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let apps: TestApp[];

  beforeAll(async () => {
    database = await createTestDatabase();
    apps = (await Promise.all([startAppOn(database.env), startAppOn(database.env)])).map((app) => ({ ...app, close: () => app.app.close() }));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database.drop();
  });

  it('reuses the number of an issue that failed after taking it, and starts again at 1 in a new year', async () => {
    const clock = controlClock(apps, chinaTime('2026-12-30', '10:00'));
    await seedOrganisation(apps[0].dataSource);
    const offices = await Promise.all(apps.map(async (app) => as(app, await login(app, 'office'))));
    const drafts: { id: number; version: number }[] = [];
    for (let i = 0; i < 21; i++) drafts.push((await offices[i % 2].post('/api/notices').send({ kind: 'circular' }).expect(201)).body);

    // One issue fails after its number was taken: recording it in the audit trail throws inside the transaction.
    const record = jest.spyOn(apps[0].app.get(AuditService), 'record').mockRejectedValueOnce(new Error('audit trail unavailable'));
    const results = await Promise.all(drafts.map((d, i) => offices[i % 2].post(`/api/notices/${d.id}/issue`).send({ version: d.version })));
    record.mockRestore();
    expect(results.filter((r) => r.status === 500)).toHaveLength(1);
    const numbers = results.filter((r) => r.status === 200).map((r) => Number(/〕(\d+)号/.exec(r.body.number as string)![1]));
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    const failed = drafts[results.findIndex((r) => r.status === 500)];
    expect(await apps[0].dataSource.getRepository(Notice).findOneByOrFail({ id: failed.id })).toMatchObject({ status: 'draft', number: null });
    clock.set(chinaTime('2027-01-04', '10:00'));
    const next = await offices[1].post(`/api/notices/${failed.id}/issue`).send({ version: failed.version }).expect(200);
    expect(next.body.number).toBe('反诈办通〔2027〕1号');
  });
});
