import { DynamicModule, Module, OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import Redis from 'ioredis';
import type { AppConfig } from '../config/app-config';

/** Counts a hit and (once over the limit) blocks, atomically: [hits, ms to window end, ms of block left]. */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local window = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked < 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], 1, 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return { hits, window, blocked }
`;

/**
 * The sign-in limit kept in Redis, so that instances sharing the work also share each client's budget
 * (in memory, N instances would allow N times the attempts).
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2 });
    this.redis.on('error', () => undefined); // outages surface as failed sign-ins, reported by /health
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}:throttle:${throttlerName}:${key}`;
    const [hits, window, blocked] = (await this.redis.eval(INCREMENT, 2, `${base}:hits`, `${base}:blocked`, ttl, limit, blockDuration)) as [number, number, number];
    return { totalHits: hits, timeToExpire: Math.ceil(Math.max(window, 0) / 1000), isBlocked: blocked > 0, timeToBlockExpire: Math.ceil(Math.max(blocked, 0) / 1000) };
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

export const THROTTLER_STORAGE = Symbol('THROTTLER_STORAGE');

/** Redis with REDIS_URL; otherwise the throttler's own in-memory storage (one instance). */
@Module({})
export class ThrottlerStorageModule {
  static forRoot(config: AppConfig): DynamicModule {
    const storage = config.redisUrl ? new RedisThrottlerStorage(config.redisUrl, config.jobs.queuePrefix) : null;
    return { module: ThrottlerStorageModule, providers: [{ provide: THROTTLER_STORAGE, useValue: storage }], exports: [THROTTLER_STORAGE] };
  }
}
