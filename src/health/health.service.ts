import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export interface ComponentHealth {
  status: 'up' | 'down';
}

export interface HealthReport {
  status: 'ok' | 'error';
  checks: Record<string, ComponentHealth>;
}

const CHECK_TIMEOUT_MS = 3000;

@Injectable()
export class HealthService implements OnModuleDestroy {
  private readonly redis: Redis | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.redis = config.redisUrl
      ? new Redis(config.redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 })
      : null;
    // Reconnection errors are reported by the check; they must not crash the process.
    this.redis?.on('error', () => undefined);
  }

  async check(): Promise<HealthReport> {
    const checks: Record<string, ComponentHealth> = { database: await probe('database', () => this.dataSource.query('SELECT 1')) };
    if (this.redis) {
      const redis = this.redis;
      checks.redis = await probe('redis', async () => {
        if (redis.status === 'wait' || redis.status === 'end') await redis.connect();
        await redis.ping();
      });
    }
    return { status: Object.values(checks).every((c) => c.status === 'up') ? 'ok' : 'error', checks };
  }

  async onModuleDestroy(): Promise<void> {
    this.redis?.disconnect();
  }
}

const logger = new Logger('Health');

async function probe(name: string, check: () => Promise<unknown>): Promise<ComponentHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return { status: 'up' };
  } catch (error) {
    // The driver's message may name hosts and accounts: it goes to the log, not to the public answer.
    logger.warn(`${name} is down: ${error instanceof Error ? error.message : String(error)}`);
    return { status: 'down' };
  } finally {
    clearTimeout(timer);
  }
}
