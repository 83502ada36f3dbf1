import { ConfigError, loadConfig } from './app-config';

const SECRET = 'x'.repeat(32);

describe('loadConfig', () => {
  it('needs nothing in embedded mode', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toMatchObject({ type: 'sqlite' });
    expect(config.seedDemo).toBe(true);
    expect(config.jwtSecret).toBeNull();
    expect(config.jwtExpiresInSeconds).toBe(8 * 3600);
    expect(config.redisUrl).toBeNull();
  });

  it('reads MySQL from DATABASE_URL, decoding the password, and does not seed by default', () => {
    const config = loadConfig({ DB_TYPE: 'mysql', DATABASE_URL: 'mysql://app:p%40ss@db.local:3307/dbs', JWT_SECRET: SECRET });
    expect(config.database).toEqual({ type: 'mysql', host: 'db.local', port: 3307, username: 'app', password: 'p@ss', database: 'dbs' });
    expect(config.seedDemo).toBe(false);
  });

  it('reads MySQL from the DB_* variables', () => {
    const config = loadConfig({ DB_TYPE: 'mysql', DB_NAME: 'dbs', DB_PORT: '3310', JWT_SECRET: SECRET, SEED_DEMO: 'true' });
    expect(config.database).toMatchObject({ host: '127.0.0.1', port: 3310, username: 'root', database: 'dbs' });
    expect(config.seedDemo).toBe(true);
  });

  it('parses durations', () => {
    expect(loadConfig({ JWT_EXPIRES_IN: '30m' }).jwtExpiresInSeconds).toBe(1800);
    expect(loadConfig({ JWT_EXPIRES_IN: '1d' }).jwtExpiresInSeconds).toBe(86400);
    expect(loadConfig({ JWT_EXPIRES_IN: '7200' }).jwtExpiresInSeconds).toBe(7200);
  });

  it.each([
    [{ DB_TYPE: 'postgres' }, 'DB_TYPE', '应为 sqlite、mysql 之一'],
    [{ PORT: 'eighty' }, 'PORT', '应为 1 到 65535 之间的整数'],
    [{ PORT: '70000' }, 'PORT', '整数'],
    [{ DB_TYPE: 'mysql', JWT_SECRET: SECRET }, 'DB_NAME', '需提供 DATABASE_URL 或 DB_NAME'],
    [{ DB_TYPE: 'mysql', DB_NAME: 'dbs' }, 'JWT_SECRET', '必须提供'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET', '至少 32 个字符'],
    [{ JWT_EXPIRES_IN: 'forever' }, 'JWT_EXPIRES_IN', '时长'],
    [{ JWT_EXPIRES_IN: '5s' }, 'JWT_EXPIRES_IN', '时长'],
    [{ COOKIE_SECURE: 'maybe' }, 'COOKIE_SECURE', 'true 或 false'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL', 'redis://'],
    [{ DB_TYPE: 'mysql', DATABASE_URL: 'postgres://x@y/z', JWT_SECRET: SECRET }, 'DATABASE_URL', 'mysql://'],
    [{ DEMO_PASSWORD: 'abc' }, 'DEMO_PASSWORD', '太短：密码至少 12 个字符'],
    [{ DEMO_PASSWORD: 'demo-2026' }, 'DEMO_PASSWORD', '太短'],
    [{ DEMO_PASSWORD: 'password1234' }, 'DEMO_PASSWORD', '常见密码'],
    [{ DEMO_PASSWORD: 'Unit-Town1-river-lamp' }, 'DEMO_PASSWORD', '包含了用户名 unit-town1'],
    [{ INITIAL_ADMIN_PASSWORD: '12345678' }, 'INITIAL_ADMIN_PASSWORD', '太短'],
    [{ INITIAL_ADMIN_PASSWORD: 'qwertyuiop123' }, 'INITIAL_ADMIN_PASSWORD', '常见密码'],
    [{ INITIAL_ADMIN_PASSWORD: 'first-admin-pass' }, 'INITIAL_ADMIN_PASSWORD', '包含了用户名 admin'],
    [{ LOG_LEVEL: 'chatty' }, 'LOG_LEVEL', 'error、warn'],
    [{ APP_ROLE: 'worker' }, 'APP_ROLE', 'REDIS_URL'],
    [{ APP_ROLE: 'cron', REDIS_URL: 'redis://127.0.0.1:6379' }, 'APP_ROLE', 'all、api、worker'],
    [{ DB_STATEMENT_TIMEOUT_MS: '5s' }, 'DB_STATEMENT_TIMEOUT_MS', '应为 0 到 3600000 之间的整数'],
    [{ DB_READ_TIMEOUT_MS: '-1' }, 'DB_READ_TIMEOUT_MS', '整数'],
    [{ OFFICE_HOUR: '9am' }, 'OFFICE_HOUR', '09:00'],
    [{ OFFICE_HOUR: '24:00' }, 'OFFICE_HOUR', '09:00'],
    [{ SMTP_URL: 'mail.example.org' }, 'SMTP_URL', 'smtp://'],
    [{ WEBHOOK_URL: 'ftp://robot' }, 'WEBHOOK_URL', 'http://'],
    [{ WEBHOOK_FORMAT: 'slack' }, 'WEBHOOK_FORMAT', 'json、dingtalk、wecom'],
    [{ QUEUE_PREFIX: 'a b' }, 'QUEUE_PREFIX', '字母'],
    [{ PDF_RECYCLE_AFTER: '0' }, 'PDF_RECYCLE_AFTER', '应为 1 到 100000 之间的整数'],
    [{ PDF_BROWSER_MAX_MB: '32' }, 'PDF_BROWSER_MAX_MB', '应为 64 到 65536 之间的整数'],
    [{ PDF_BROWSER_MAX_MB: '1.5g' }, 'PDF_BROWSER_MAX_MB', '整数'],
  ])('refuses %j naming %s', (env, variable, expected) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toContain(variable);
    expect((error as ConfigError).message).toContain(expected);
    expect((error as ConfigError).message).not.toContain('\n');
  });

  it('takes start-up passwords that pass the password rule', () => {
    const config = loadConfig({ DEMO_PASSWORD: 'river lamp cloud', INITIAL_ADMIN_PASSWORD: 'harbour-lantern-quietly' });
    expect(config.demoPassword).toBe('river lamp cloud');
    expect(config.initialAdminPassword).toBe('harbour-lantern-quietly');
    expect(loadConfig({}).demoPassword).toBeNull();
  });

  it('never echoes a secret in its message', () => {
    expect(() => loadConfig({ DEMO_PASSWORD: 'password1234' })).toThrow(/DEMO_PASSWORD="\*\*\*"/);
    expect(() => loadConfig({ INITIAL_ADMIN_PASSWORD: 'admin-secret-xyz' })).not.toThrow(/admin-secret-xyz/);
    expect(() => loadConfig({ JWT_SECRET: 'hunter2' })).toThrow(/JWT_SECRET="\*\*\*"/);
    expect(() => loadConfig({ DB_TYPE: 'mysql', DATABASE_URL: 'postgres://app:s3cret@db/x', JWT_SECRET: SECRET })).toThrow(/app:\*\*\*@db/);
    expect(() => loadConfig({ REDIS_URL: 'http://:s3cret@cache:6379' })).not.toThrow(/s3cret/);
  });

  it('reads the scheduling and delivery settings', () => {
    const config = loadConfig({ OFFICE_HOUR: '8:30', REDIS_URL: 'redis://127.0.0.1:6379', APP_ROLE: 'worker', WEBHOOK_URL: 'https://oapi.dingtalk.com/robot/send?access_token=x', WEBHOOK_FORMAT: 'dingtalk', PUBLIC_URL: 'https://dbs.example.gov.cn/' });
    expect(config.jobs.officeMinute).toBe(8 * 60 + 30);
    expect(config.appRole).toBe('worker');
    expect(config.delivery).toMatchObject({ smtpUrl: null, webhookFormat: 'dingtalk', publicUrl: 'https://dbs.example.gov.cn', maxAttempts: 5 });
    expect(loadConfig({}).delivery.publicUrl).toBe('http://localhost:3000');
    expect(() => loadConfig({ SMTP_URL: 'smtp://user:s3cret@' })).toThrow(/user:\*\*\*@/);
  });

  it('bounds what requests ask of the database by default, and lets 0 lift each bound', () => {
    expect(loadConfig({}).requestQueries).toEqual({ statementTimeoutMs: 8000, readTimeoutMs: 20000 });
    expect(loadConfig({ DB_STATEMENT_TIMEOUT_MS: '0', DB_READ_TIMEOUT_MS: '0' }).requestQueries).toEqual({ statementTimeoutMs: 0, readTimeoutMs: 0 });
  });

  it('bounds the PDF renderer by default, and takes other bounds', () => {
    expect(loadConfig({}).pdf).toMatchObject({ pages: 2, recycleAfter: 500, browserMaxMb: 512 });
    expect(loadConfig({ PDF_PAGES: '4', PDF_RECYCLE_AFTER: '3', PDF_BROWSER_MAX_MB: '1024' }).pdf).toMatchObject({ pages: 4, recycleAfter: 3, browserMaxMb: 1024 });
  });

  it('trusts a proxy only by hop count or address, never everyone', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5' }).trustProxy).toBe('10.0.0.0/8, 192.168.1.5');
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY.*层数/);
  });
});
