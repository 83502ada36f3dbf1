import { Connection, createConnection } from 'mysql2/promise';
import { JobsService } from '../../src/jobs/jobs.service';
import { MYSQL, startTestApp, TestApp } from '../support/test-app';

/** What a busy database does to requests. */
describe('requests on a busy database (MariaDB)', () => {
  let admin: Connection;
  let app: TestApp;

  beforeAll(async () => {
    admin = await createConnection(MYSQL);
    app = await startTestApp();
    // The runner's start-up tick is done: the pool is the test's to fill.
    await app.app.get(JobsService).idle();
  });
  afterAll(async () => {
    await app.close();
    await admin.end();
  });

  /** The statements of the app's database whose text contains `fragment`, as MariaDB runs them now. */
  async function running(fragment: string): Promise<{ id: number; info: string }[]> {
    const database = app.config.database.type === 'mysql' ? app.config.database.database : '';
    const [rows] = await admin.query('SELECT ID AS id, INFO AS info FROM information_schema.PROCESSLIST WHERE DB = ? AND LOCATE(?, INFO) > 0 AND ID <> CONNECTION_ID()', [database, fragment]);
    return rows as { id: number; info: string }[];
  }

  /** Polls until `condition` holds; fails naming `what` if it still does not after `withinMs`. */
  async function until(what: string, condition: () => Promise<boolean>, withinMs: number): Promise<void> {
    const end = Date.now() + withinMs;
    while (!(await condition())) {
      if (Date.now() > end) throw new Error(`still not so after ${withinMs} ms: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  it('answers /health 200 while every connection of the application’s pool is busy and more wait', async () => {
    const poolSize = Number((app.dataSource.options as { extra: { connectionLimit: number } }).extra.connectionLimit);
    let settled = 0;
    // Each ends killed (below); settled counts the ended ones.
    const sleeps = Array.from({ length: poolSize + 5 }, () =>
      app.dataSource.query('SELECT SLEEP(60)').then(
        () => (settled += 1),
        () => (settled += 1),
      ),
    );
    try {
      await until(`${poolSize} sleeping statements`, async () => (await running('SLEEP(60)')).length === poolSize, 10_000);
      const res = await app.http().get('/health').expect(200);
      expect(res.body).toEqual({ status: 'ok', checks: { database: { status: 'up' }, pdf: { status: 'up', waiting: 0, failing: 0, nextRetryAt: null } } });
      // Answered while the pool was still full: before, the check waited in it and said 503 after 3 s.
      expect(settled).toBe(0);
    } finally {
      // Killed sleeps free their connections for the queued ones, which are killed in turn.
      while (settled < sleeps.length) {
        for (const { id } of await running('SLEEP(60)')) await admin.query('KILL QUERY ?', [id]);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await Promise.all(sleeps);
    }
  });
});
