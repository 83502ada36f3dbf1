import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';

/** Embedded mode needs no configuration: the signing key is generated once and kept beside the database. */
function embeddedJwtSecret(config: AppConfig): string {
  if (config.database.type !== 'sqlite') throw new Error('unreachable: loadConfig requires JWT_SECRET for MySQL');
  const file = join(dirname(config.database.path), '.jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  config.jwtSecret ??= embeddedJwtSecret(config);
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    app = await createApp(config);
  } catch (error) {
    // A service the configuration names but that cannot be used (Redis) is a configuration error too.
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  app.enableShutdownHooks();
  const where = config.database.type === 'sqlite' ? `SQLite ${config.database.path}` : `MySQL ${config.database.host}/${config.database.database}`;
  const jobs = config.redisUrl ? `Bull 队列（${config.appRole === 'api' ? '仅接收请求' : config.appRole === 'worker' ? '仅执行任务' : '接收请求并执行任务'}）` : '进程内执行';
  if (config.appRole === 'worker') {
    new Logger('Main').log(`督查督办任务执行进程已启动（数据库：${where}；${jobs}）`);
    return;
  }
  await app.listen(config.port);
  new Logger('Main').log(`督查督办服务已启动：http://localhost:${config.port}  （数据库：${where}；定时任务：${jobs}；API 文档：/api/docs）`);
}

void main();
