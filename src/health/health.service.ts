import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { withTimeout } from '../common/timeout';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DatabaseControl } from '../database/database-control';
import { NoticesService } from '../notices/notices.service';

export interface ComponentHealth {
  status: 'up' | 'down';
}

export interface PdfHealth {
  status: 'up' | 'degraded';
  waiting: number;
  failing: number;
  nextRetryAt: Date | null;
}

export interface HealthReport {
  /** error (503): a component is down; degraded (200): it serves, but notice PDFs are failing. */
  status: 'ok' | 'degraded' | 'error';
  checks: { database: ComponentHealth; redis?: ComponentHealth; pdf?: PdfHealth };
}

const CHECK_TIMEOUT_MS = 3000;
const TIMED_OUT = `no answer within ${CHECK_TIMEOUT_MS} ms`;

@Injectable()
export class HealthService implements OnModuleDestroy {
  private readonly redis: Redis | null;

  constructor(
    // Its own connections: a check that waited in the application's pool would report a busy database as down.
    private readonly database: DatabaseControl,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly notices: NoticesService,
  ) {
    this.redis = config.redisUrl
      ? new Redis(config.redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 })
      : null;
    // Reconnection errors are reported by the check; they must not crash the process.
    this.redis?.on('error', () => undefined);
  }

  async check(): Promise<HealthReport> {
    const checks: HealthReport['checks'] = { database: await probe('database', () => this.database.manager.query('SELECT 1')) };
    if (this.redis) {
      const redis = this.redis;
      checks.redis = await probe('redis', async () => {
        if (redis.status === 'wait' || redis.status === 'end') await redis.connect();
        await redis.ping();
      });
    }
    if (checks.database.status === 'up') {
      const pdf = await this.pdf();
      if (pdf) checks.pdf = pdf;
    }
    const down = checks.database.status === 'down' || checks.redis?.status === 'down';
    return { status: down ? 'error' : checks.pdf?.status === 'degraded' ? 'degraded' : 'ok', checks };
  }

  async onModuleDestroy(): Promise<void> {
    this.redis?.disconnect();
  }

  /**
   * The notices waiting for their PDF. Failing renders only degrade the answer: every instance shares
   * them, so a 503 would take them all out of the load balancer. Their reasons are in the log, each
   * logged once per attempt (health is public and polled often).
   */
  private async pdf(): Promise<PdfHealth | null> {
    try {
      const { waiting, failing, nextRetryAt } = await withTimeout(this.notices.renderBacklog(this.database.manager), CHECK_TIMEOUT_MS, TIMED_OUT);
      return { status: failing > 0 ? 'degraded' : 'up', waiting, failing, nextRetryAt };
    } catch (error) {
      logger.warn(`pdf check failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }
}

const logger = new Logger('Health');

async function probe(name: string, check: () => Promise<unknown>): Promise<ComponentHealth> {
  try {
    await withTimeout(check(), CHECK_TIMEOUT_MS, TIMED_OUT);
    return { status: 'up' };
  } catch (error) {
    // The driver's message may name hosts and accounts: it goes to the log, not to the public answer.
    logger.warn(`${name} is down: ${error instanceof Error ? error.message : String(error)}`);
    return { status: 'down' };
  }
}
