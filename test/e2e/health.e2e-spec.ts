import { JobsService } from '../../src/jobs/jobs.service';
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

  it('reports the database up', async () => {
    const res = await app.http().get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: { status: 'up' } } });
  });

  it('answers 503 naming the database while it is down, and recovers when it is back', async () => {
    await stopDatabase();
    const down = await app.http().get('/health').expect(503);
    expect(down.body.status).toBe('error');
    expect(down.body.checks.database).toEqual({ status: 'down' });
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
