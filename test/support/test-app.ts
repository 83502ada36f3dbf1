import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createConnection } from 'mysql2/promise';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { AppConfig, loadConfig } from '../../src/config/app-config';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
export const MYSQL = { host: '127.0.0.1', port: 3306, user: 'root', password: '' };

export type TestDb = 'sqlite' | 'mysql';
export const testDb = (): TestDb => (process.env.TEST_DB === 'mysql' ? 'mysql' : 'sqlite');

/** A fresh, empty database of the suite's kind: a temp SQLite file or a new MariaDB schema. */
export async function createTestDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (testDb() === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'dbs-test-'));
    return { env: { DB_TYPE: 'sqlite', DB_PATH: join(dir, 'test.sqlite') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `dbs_test_${randomBytes(6).toString('hex')}`;
  const admin = await createConnection(MYSQL);
  await admin.query(`CREATE DATABASE \`${name}\``);
  await admin.end();
  return {
    env: { DB_TYPE: 'mysql', DB_HOST: MYSQL.host, DB_PORT: String(MYSQL.port), DB_USER: MYSQL.user, DB_PASSWORD: MYSQL.password, DB_NAME: name },
    drop: async () => {
      const conn = await createConnection(MYSQL);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  dataSource: DataSource;
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

/** The real application on the given database, started as `npm start` would; no demo data by default. */
export async function startAppOn(databaseEnv: Record<string, string>, overrides: Record<string, string> = {}): Promise<Omit<TestApp, 'close'>> {
  const config = loadConfig({
    JWT_SECRET: TEST_JWT_SECRET,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'error',
    LOGIN_RATE_LIMIT: '1000',
    UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'dbs-uploads-')),
    ...databaseEnv,
    ...overrides,
  });
  const app = await createApp(config);
  return { app, config, dataSource: app.get(DataSource), http: () => request(app.getHttpServer()) };
}

/** The real application on a fresh database of its own, migrations run as at start-up. */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const started = await startAppOn(database.env, overrides);
  return {
    ...started,
    close: async () => {
      await started.app.close();
      await database.drop();
    },
  };
}
