import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PASSWORD_ADVICE, passwordWeakness, passwordWeaknessMessage } from '../auth/password-policy';
import { DEMO_ACCOUNTS } from '../demo/demo-city';

export type DatabaseConfig =
  | { type: 'sqlite'; path: string }
  | { type: 'mysql'; host: string; port: number; username: string; password: string; database: string };

export interface AppConfig {
  port: number;
  database: DatabaseConfig;
  redisUrl: string | null;
  /** null in embedded mode until main() provides a persisted one. */
  jwtSecret: string | null;
  jwtExpiresInSeconds: number;
  cookieSecure: boolean;
  /** Express 'trust proxy': false, a hop count, or the proxies' addresses. */
  trustProxy: false | number | string;
  loginRateLimit: number;
  loginRateWindowSeconds: number;
  seedDemo: boolean;
  demoPassword: string | null;
  initialAdminPassword: string | null;
  logLevel: LogLevelName;
  /** Where uploaded files are kept: outside any folder the web server serves. */
  uploadDir: string;
  uploadMaxBytes: number;
  uploadMaxFiles: number;
  /** api: serves requests only; worker: runs scheduled work only; all: both. */
  appRole: AppRole;
  jobs: JobsConfig;
  delivery: DeliveryConfig;
  pdf: PdfConfig;
  requestQueries: RequestQueryLimits;
  /**
   * How long a list's count and who a token speaks for are answered from memory; any write this
   * instance makes clears them at once, another instance's shows after at most this long. 0: never.
   */
  readCacheMs: number;
}

/**
 * What a request may ask of MySQL/MariaDB (SQLite runs each statement synchronously and has nothing
 * to bound). Jobs and migrations run outside any request and are never bounded.
 */
export interface RequestQueryLimits {
  /** Longest a request's SELECT may run before the server stops it; 0: no limit. */
  statementTimeoutMs: number;
  /** Reads (GET, HEAD): this long after arriving, a request starts no more statements and its running one is stopped; 0: no limit. */
  readTimeoutMs: number;
}

export interface PdfConfig {
  /** Debian's Chromium: the headless shell when installed (much faster), else the full browser. */
  chromiumPath: string;
  /** Pages rendering at once in the one long-lived browser. */
  pages: number;
  timeoutMs: number;
  /** A browser renders at most this many documents, then is replaced. */
  recycleAfter: number;
  /**
   * A browser whose processes' private resident memory (RssAnon: their own allocations, not the binary
   * and fonts they map and share), summed, passes this many MB is replaced.
   */
  browserMaxMb: number;
}

/** Debian's browsers, where its packages put them. */
export const DEBIAN_HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const APP_ROLES = ['all', 'api', 'worker'] as const;
export type AppRole = (typeof APP_ROLES)[number];

export interface JobsConfig {
  /** Minutes after midnight, China time, at which scheduled actions fall due (default 09:00). */
  officeMinute: number;
  /** Embedded mode: how often the in-process runner looks for due work. */
  pollSeconds: number;
  /** Bull mode: how often SQL and Redis are compared. */
  reconcileSeconds: number;
  /** Bull's job lock: a job whose worker stops renewing it for this long is run again elsewhere. */
  lockSeconds: number;
  /** Bull key prefix, so several deployments (or test runs) can share one Redis. */
  queuePrefix: string;
}

export const WEBHOOK_FORMATS = ['json', 'dingtalk', 'wecom'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export interface DeliveryConfig {
  smtpUrl: string | null;
  mailFrom: string;
  webhookUrl: string | null;
  webhookFormat: WebhookFormat;
  /** DingTalk robots with 加签 security sign every call with this secret. */
  webhookSecret: string | null;
  maxAttempts: number;
  /** Where links in e-mails and robot messages point. */
  publicUrl: string;
}

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** Thrown for a bad or missing environment variable; main() prints its one-line message and exits. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    expected: string,
    received?: string,
  ) {
    super(
      received === undefined
        ? `配置错误：缺少环境变量 ${variable}，${expected}`
        : `配置错误：环境变量 ${variable}=${JSON.stringify(received)} 无效，${expected}`,
    );
  }
}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(name, `应为 ${min} 到 ${max} 之间的整数`, raw);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new ConfigError(name, '应为 true 或 false', raw);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `应为 ${allowed.join('、')} 之一`, raw);
  }
  return raw as T;
}

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Parses "8h", "30m", "3600" (seconds) into seconds. */
function duration(env: Env, name: string, fallback: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const match = /^(\d+)([smhd]?)$/.exec(raw);
  const seconds = match ? Number(match[1]) * DURATION_UNITS[match[2] || 's'] : 0;
  if (seconds < 60 || seconds > 30 * 86400) {
    throw new ConfigError(name, '应为 1 分钟到 30 天之间的时长，如 8h、30m、3600', raw);
  }
  return seconds;
}

function secret(env: Env, name: string, minLength: number): string | undefined {
  const raw = read(env, name);
  if (raw !== undefined && raw.length < minLength) {
    throw new ConfigError(name, `应至少 ${minLength} 个字符`, '***');
  }
  return raw;
}

/** The office account created from INITIAL_ADMIN_PASSWORD on an empty database without demo data. */
export const INITIAL_ADMIN_USERNAME = 'admin';

/** A password for the accounts named: refused at start by the same rule as passwords set on the pages. */
function password(env: Env, name: string, usernames: readonly string[]): string | null {
  const raw = read(env, name);
  if (raw === undefined) return null;
  for (const username of usernames) {
    const weakness = passwordWeakness(raw, username);
    if (weakness === 'contains_username') throw new ConfigError(name, `包含了用户名 ${username}：${PASSWORD_ADVICE}`, '***');
    if (weakness) throw new ConfigError(name, passwordWeaknessMessage(weakness), '***');
  }
  return raw;
}

/**
 * Trusting every proxy would let any client choose its own IP through X-Forwarded-For (and so dodge the
 * sign-in limit); only a hop count or the proxies' own addresses are accepted.
 */
function trustProxy(env: Env): false | number | string {
  const raw = read(env, 'TRUST_PROXY');
  if (raw === undefined || /^(false|0|no)$/i.test(raw)) return false;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  if (/^[0-9a-fA-F.:/, ]+$|^(loopback|linklocal|uniquelocal)$/.test(raw)) return raw;
  throw new ConfigError('TRUST_PROXY', '应为反向代理的层数（如 1）或代理地址（如 loopback、10.0.0.5、10.0.0.0/8）', raw);
}

/** "09:00" → minutes after midnight. */
function timeOfDay(env: Env, name: string, fallback: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(raw);
  if (!match) throw new ConfigError(name, '应为 24 小时制的时刻，如 09:00', raw);
  return Number(match[1]) * 60 + Number(match[2]);
}

function pattern(env: Env, name: string, shape: RegExp, fallback: string, expected: string): string {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!shape.test(raw)) throw new ConfigError(name, expected, raw);
  return raw;
}

function url(env: Env, name: string, protocol: RegExp, expected: string): string | null {
  const raw = read(env, name);
  if (raw === undefined) return null;
  let parsed: URL | null = null;
  try {
    parsed = new URL(raw);
  } catch {
    // reported below
  }
  if (!parsed || !protocol.test(parsed.protocol) || !parsed.hostname) throw new ConfigError(name, expected, withoutPassword(raw));
  return raw;
}

/** A URL as it may be printed: without its password. */
function withoutPassword(raw: string): string {
  return raw.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}

function mysqlFromUrl(raw: string): DatabaseConfig {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', '应形如 mysql://用户:密码@主机:3306/库名', withoutPassword(raw));
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!['mysql:', 'mariadb:'].includes(url.protocol) || !url.hostname || !database) {
    throw new ConfigError('DATABASE_URL', '应形如 mysql://用户:密码@主机:3306/库名', withoutPassword(raw));
  }
  return {
    type: 'mysql',
    host: url.hostname,
    port: url.port ? Number(url.port) : 3306,
    username: decodeURIComponent(url.username) || 'root',
    password: decodeURIComponent(url.password),
    database,
  };
}

function databaseConfig(env: Env): DatabaseConfig {
  const type = oneOf(env, 'DB_TYPE', ['sqlite', 'mysql'] as const, 'sqlite');
  if (type === 'sqlite') {
    return { type, path: read(env, 'DB_PATH') ?? join(process.cwd(), 'data', 'directive-supervision.sqlite') };
  }
  const url = read(env, 'DATABASE_URL');
  if (url) return mysqlFromUrl(url);
  const database = read(env, 'DB_NAME');
  if (!database) throw new ConfigError('DB_NAME', 'DB_TYPE=mysql 时需提供 DATABASE_URL 或 DB_NAME');
  return {
    type,
    host: read(env, 'DB_HOST') ?? '127.0.0.1',
    port: integer(env, 'DB_PORT', 3306, 1, 65535),
    username: read(env, 'DB_USER') ?? 'root',
    password: env.DB_PASSWORD ?? '',
    database,
  };
}

/** Reads and validates the whole configuration; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env): AppConfig {
  const database = databaseConfig(env);
  const embedded = database.type === 'sqlite';
  const jwtSecret = secret(env, 'JWT_SECRET', 32) ?? null;
  if (!embedded && !jwtSecret) {
    throw new ConfigError('JWT_SECRET', '使用 MySQL 部署时必须提供至少 32 个字符的随机密钥');
  }
  const redisUrl = read(env, 'REDIS_URL') ?? null;
  if (redisUrl && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) {
    throw new ConfigError('REDIS_URL', '应形如 redis://127.0.0.1:6379', withoutPassword(redisUrl));
  }
  const appRole = oneOf(env, 'APP_ROLE', APP_ROLES, 'all');
  if (appRole !== 'all' && !redisUrl) throw new ConfigError('APP_ROLE', '只有配置了 REDIS_URL 时才能把服务拆分为 api 与 worker；内嵌模式请使用 all', appRole);
  const port = integer(env, 'PORT', 3000, 1, 65535);
  return {
    port,
    database,
    redisUrl,
    jwtSecret,
    jwtExpiresInSeconds: duration(env, 'JWT_EXPIRES_IN', 8 * 3600),
    cookieSecure: boolean(env, 'COOKIE_SECURE', false),
    trustProxy: trustProxy(env),
    loginRateLimit: integer(env, 'LOGIN_RATE_LIMIT', 10, 1, 10000),
    loginRateWindowSeconds: integer(env, 'LOGIN_RATE_WINDOW_SECONDS', 60, 1, 86400),
    seedDemo: boolean(env, 'SEED_DEMO', embedded),
    demoPassword: password(env, 'DEMO_PASSWORD', DEMO_ACCOUNTS.map((a) => a.username)),
    initialAdminPassword: password(env, 'INITIAL_ADMIN_PASSWORD', [INITIAL_ADMIN_USERNAME]),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'log'),
    uploadDir: read(env, 'UPLOAD_DIR') ?? join(process.cwd(), 'data', 'uploads'),
    uploadMaxBytes: integer(env, 'UPLOAD_MAX_MB', 20, 1, 500) * 1024 * 1024,
    uploadMaxFiles: integer(env, 'UPLOAD_MAX_FILES', 10, 1, 50),
    appRole,
    jobs: {
      officeMinute: timeOfDay(env, 'OFFICE_HOUR', 9 * 60),
      pollSeconds: integer(env, 'JOBS_POLL_SECONDS', 15, 1, 3600),
      reconcileSeconds: integer(env, 'RECONCILE_SECONDS', 60, 1, 3600),
      lockSeconds: integer(env, 'JOB_LOCK_SECONDS', 30, 1, 3600),
      queuePrefix: pattern(env, 'QUEUE_PREFIX', /^[A-Za-z0-9_.-]{1,40}$/, 'dbs', '应为 1–40 个字母、数字、点、下划线或短横线'),
    },
    pdf: {
      chromiumPath: read(env, 'CHROMIUM_PATH') ?? (existsSync(DEBIAN_HEADLESS_SHELL) ? DEBIAN_HEADLESS_SHELL : DEBIAN_CHROMIUM),
      pages: integer(env, 'PDF_PAGES', 2, 1, 16),
      timeoutMs: integer(env, 'PDF_TIMEOUT_SECONDS', 30, 1, 600) * 1000,
      recycleAfter: integer(env, 'PDF_RECYCLE_AFTER', 500, 1, 100000),
      browserMaxMb: integer(env, 'PDF_BROWSER_MAX_MB', 512, 64, 65536),
    },
    readCacheMs: integer(env, 'READ_CACHE_SECONDS', 5, 0, 300) * 1000,
    requestQueries: {
      statementTimeoutMs: integer(env, 'DB_STATEMENT_TIMEOUT_MS', 8000, 0, 3_600_000),
      readTimeoutMs: integer(env, 'DB_READ_TIMEOUT_MS', 20000, 0, 3_600_000),
    },
    delivery: {
      smtpUrl: url(env, 'SMTP_URL', /^smtps?:$/, '应形如 smtp://用户:密码@smtp.example.gov.cn:587 或 smtps://…:465'),
      mailFrom: read(env, 'MAIL_FROM') ?? '督查督办系统 <noreply@localhost>',
      webhookUrl: url(env, 'WEBHOOK_URL', /^https?:$/, '应为 http:// 或 https:// 开头的机器人地址'),
      webhookFormat: oneOf(env, 'WEBHOOK_FORMAT', WEBHOOK_FORMATS, 'json'),
      webhookSecret: read(env, 'WEBHOOK_SECRET') ?? null,
      maxAttempts: integer(env, 'DELIVERY_MAX_ATTEMPTS', 5, 1, 20),
      publicUrl: (url(env, 'PUBLIC_URL', /^https?:$/, '应为本服务对外的地址，如 https://dbs.example.gov.cn') ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
