import { JobsService } from '../../src/jobs/jobs.service';
import { Notice } from '../../src/notices/notice.entity';
import { TcpProxy } from '../support/tcp-proxy';
import { MYSQL, startTestApp, testDb, TestApp } from '../support/test-app';

describe(`health, headers and API document (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  // On MariaDB the app reaches the server through a proxy the test can cut; SQLite is closed directly.
  const proxy = new TcpProxy(MYSQL.host, MYSQL.port);

  beforeAll(async () => {
    const overrides: Record<string, string> = testDb() === 'mysql' ? { DB_PORT: String(await proxy.start()) } : {};
    app = await startTestApp(overrides);
  });
  afterAll(async () => {
    if (databaseStopped) await startDatabase();
    await app.close();
    await proxy.stop();
  });

  let databaseStopped = false;

  async function stopDatabase(): Promise<void> {
    // The outage is the health check's to see: the job runner's start-up tick must not be caught in it.
    await app.app.get(JobsService).idle();
    databaseStopped = true;
    if (testDb() === 'mysql') await proxy.stop();
    else await app.dataSource.destroy();
  }

  async function startDatabase(): Promise<void> {
    if (testDb() === 'mysql') await proxy.start();
    else await app.dataSource.initialize();
    databaseStopped = false;
  }

  it('reports the database up and no notice waiting for its PDF', async () => {
    const res = await app.http().get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: { status: 'up' }, pdf: { status: 'up', waiting: 0, failing: 0, nextRetryAt: null } } });
  });

  it('stays 200 but degraded while a notice PDF fails to render, with counts and no reason', async () => {
    // An issued notice whose render failed and waits for a retry an hour away (the runner leaves it alone).
    const retryAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3_600_000);
    const notices = app.dataSource.getRepository(Notice);
    const failing = await notices.save(
      notices.create({ kind: 'circular', status: 'issued', title: '通报', addressee: '各成员单位', content: {}, copyTo: [], issuerName: '测试市反诈联席办', issuerCode: '反诈办通', year: 2026, seq: 1, number: '反诈办通〔2026〕1号', assignmentId: null, replacesId: null, issuedOn: '2026-03-09', issuedAt: new Date(), issuedBy: null, pdfFile: null, pdfSha256: null, voidedAt: null, voidReason: null, createdBy: 0, renderFailures: 3, renderError: 'Browser was not found at the configured executablePath (/secret/path)', renderRetryAt: retryAt }),
    );
    try {
      const res = await app.http().get('/health').expect(200);
      expect(res.body).toEqual({ status: 'degraded', checks: { database: { status: 'up' }, pdf: { status: 'degraded', waiting: 1, failing: 1, nextRetryAt: retryAt.toISOString() } } });
      expect(res.text).not.toContain('/secret/path');
    } finally {
      await notices.delete({ id: failing.id });
    }
    expect((await app.http().get('/health').expect(200)).body.status).toBe('ok');
  });

  it('answers 503 naming the database while it is down, and recovers when it is back', async () => {
    await stopDatabase();
    const down = await app.http().get('/health').expect(503);
    expect(down.body).toEqual({ status: 'error', checks: { database: { status: 'down' } } });
    await startDatabase();
    await app.http().get('/health').expect(200);
  });

  it('sends security headers and a correlation id on every response, errors included', async () => {
    for (const res of [await app.http().get('/health'), await app.http().get('/api/units'), await app.http().get('/api/no-such-route')]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
    const missing = await app.http().get('/api/no-such-route').set('Authorization', 'Bearer x');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', correlationId: missing.headers['x-request-id'] });
  });

  it('keeps a well-formed caller correlation id', async () => {
    const res = await app.http().get('/health').set('X-Request-Id', 'caller-trace-0001').expect(200);
    expect(res.headers['x-request-id']).toBe('caller-trace-0001');
  });

  it('serves the OpenAPI document with every route and described DTOs', async () => {
    const res = await app.http().get('/api/docs-json').expect(200);
    const paths = Object.keys(res.body.paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/auth/login', '/api/units', '/api/units/{id}', '/api/users', '/api/users/{id}/password', '/api/audit', '/health']));
    expect(paths.some((p) => !p.startsWith('/api') && p !== '/health')).toBe(false);
    const schemas = res.body.components.schemas;
    for (const dto of ['LoginDto', 'CreateUnitDto', 'ContactDto', 'UpdateUnitDto', 'UnitView', 'CreateUserDto', 'UpdateUserDto', 'UserView', 'AuditEntryView']) {
      expect(Object.keys(schemas[dto]?.properties ?? {}).length).toBeGreaterThan(0);
    }
    expect(schemas.CreateUnitDto.properties.name).toMatchObject({ maxLength: 100, description: expect.any(String) });
    await app.http().get('/api/docs').expect(200);
  });
});
