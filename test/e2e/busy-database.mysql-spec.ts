import { Connection, createConnection } from 'mysql2/promise';
import { TOKEN_COOKIE } from '../../src/auth/auth.constants';
import { JobsService } from '../../src/jobs/jobs.service';
import { as, login, seedOrganisation } from '../support/fixtures';
import { MYSQL, startTestApp, TestApp } from '../support/test-app';

/**
 * What a busy or stuck database does to requests. A request is made slow for real: the test locks the
 * table its list reads (LOCK TABLES … WRITE on its own connection), so the statement waits in MariaDB
 * and shows in the process list until it ends.
 */
describe('requests on a busy database (MariaDB)', () => {
  let admin: Connection;

  beforeAll(async () => {
    admin = await createConnection(MYSQL);
  });
  afterAll(async () => {
    await admin.end();
  });

  /** The statements of `app`'s database whose text contains `fragment`, as MariaDB runs them now. */
  async function running(app: TestApp, fragment: string): Promise<{ id: number; info: string }[]> {
    const [rows] = await admin.query('SELECT ID AS id, INFO AS info FROM information_schema.PROCESSLIST WHERE DB = ? AND LOCATE(?, INFO) > 0 AND ID <> CONNECTION_ID()', [databaseOf(app), fragment]);
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

  async function lockUnits(app: TestApp): Promise<void> {
    await admin.query(`LOCK TABLES \`${databaseOf(app)}\`.units WRITE`);
  }

  const databaseOf = (app: TestApp) => (app.config.database.type === 'mysql' ? app.config.database.database : '');
  const UNITS_LIST = 'FROM `units`';

  describe('with the statement timeout and read deadline far away', () => {
    let app: TestApp;
    let office: ReturnType<typeof as>;

    beforeAll(async () => {
      app = await startTestApp({ DB_STATEMENT_TIMEOUT_MS: '60000', DB_READ_TIMEOUT_MS: '0' });
      await seedOrganisation(app.dataSource);
      office = as(app, await login(app, 'office'));
      // The runner's start-up tick is done: the pool is the test's to fill.
      await app.app.get(JobsService).idle();
    });
    afterAll(async () => {
      await admin.query('UNLOCK TABLES');
      await app.close();
    });

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
        await until(`${poolSize} sleeping statements`, async () => (await running(app, 'SLEEP(60)')).length === poolSize, 10_000);
        const res = await app.http().get('/health').expect(200);
        expect(res.body).toEqual({ status: 'ok', checks: { database: { status: 'up' }, pdf: { status: 'up', waiting: 0, failing: 0, nextRetryAt: null } } });
        // Answered while the pool was still full: before, the check waited in it and said 503 after 3 s.
        expect(settled).toBe(0);
      } finally {
        // Killed sleeps free their connections for the queued ones, which are killed in turn.
        while (settled < sleeps.length) {
          for (const { id } of await running(app, 'SLEEP(60)')) await admin.query('KILL QUERY ?', [id]);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        await Promise.all(sleeps);
      }
    });

    it('stops the statement of a read whose client went away, and the pool goes on serving', async () => {
      await lockUnits(app);
      const request = office.get('/api/units');
      const answered = request.then(
        () => 'answered',
        () => 'aborted',
      );
      await until('the list waiting on the locked table', async () => (await running(app, UNITS_LIST)).length === 1, 10_000);
      const [statement] = await running(app, UNITS_LIST);
      // Marked with the request it runs for, so that it is the one cancelled (and an operator can tell whose it is).
      expect(statement.info).toMatch(/^\/\* request [0-9a-f-]{36} #\d+ \*\/ SET STATEMENT max_statement_time=60\.000 FOR SELECT/);

      request.abort();
      expect(await answered).toBe('aborted');
      // Without the cancellation it would wait for the lock (or 60 s).
      await until('the abandoned statement gone', async () => (await running(app, UNITS_LIST)).length === 0, 5000);

      await admin.query('UNLOCK TABLES');
      const list = await office.get('/api/units').expect(200);
      expect(list.body.items.map((u: { shortName: string }) => u.shortName)).toEqual(expect.arrayContaining(['反诈办', '公安局', '东湖街道']));
    });
  });

  describe('with a short statement timeout', () => {
    let app: TestApp;
    let token: string;

    beforeAll(async () => {
      app = await startTestApp({ DB_STATEMENT_TIMEOUT_MS: '500', DB_READ_TIMEOUT_MS: '0' });
      await seedOrganisation(app.dataSource);
      token = await login(app, 'office');
    });
    afterAll(async () => {
      await admin.query('UNLOCK TABLES');
      await app.close();
    });

    it('cuts a request’s query off at the timeout and answers a clear 503, without SQL', async () => {
      await lockUnits(app);
      try {
        const res = await as(app, token).get('/api/units').expect(503);
        expect(res.body).toEqual({ statusCode: 503, code: 'QUERY_TIMEOUT', message: expect.stringContaining('查询用时超过了允许的上限'), correlationId: res.headers['x-request-id'] });
        expect(res.text).not.toMatch(/SELECT|units|max_statement_time/i);
        // A page says the same, as a page.
        const page = await app.http().get('/units').set('Cookie', `${TOKEN_COOKIE}=${token}`).expect(503);
        expect(page.text).toContain('系统繁忙');
        expect(page.text).toContain('查询用时超过了允许的上限');
        expect(page.text).not.toMatch(/max_statement_time/i);
      } finally {
        await admin.query('UNLOCK TABLES');
      }
    });

    it('leaves statements outside requests (jobs, migrations, start-up) unbounded', async () => {
      expect(await app.dataSource.query('SELECT SLEEP(1) AS slept')).toEqual([{ slept: 0 }]);
    });
  });
});
