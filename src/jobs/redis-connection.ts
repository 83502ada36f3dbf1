import Redis, { RedisOptions } from 'ioredis';
import { ConfigError } from '../config/app-config';

const PROBE_TIMEOUT_MS = 5000;

/** Bull's blocking and subscriber connections must wait out outages instead of failing commands. */
export function queueRedis(url: string, type: 'client' | 'subscriber' | 'bclient'): Redis {
  const options: RedisOptions = type === 'client' ? { maxRetriesPerRequest: 3 } : { maxRetriesPerRequest: null, enableReadyCheck: false };
  return new Redis(url, options);
}

/**
 * Refuses to start on a Redis that queues cannot trust: unreachable, or evicting keys under memory
 * pressure (Bull's job records would silently vanish).
 */
export async function assertRedisUsable(url: string): Promise<void> {
  const masked = url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: PROBE_TIMEOUT_MS, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    const policy = await redis.config('GET', 'maxmemory-policy').catch(() => null); // managed Redis may forbid CONFIG
    const value = Array.isArray(policy) ? String(policy[1]) : null;
    if (value && value !== 'noeviction') {
      throw new ConfigError('REDIS_URL', `所指 Redis 的 maxmemory-policy 为 ${value}，任务队列要求 noeviction（否则内存紧张时会丢失任务）`, masked);
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError('REDIS_URL', `无法连接 Redis（${error instanceof Error ? error.message : String(error)}）；请确认 Redis 已启动且地址正确`, masked);
  } finally {
    redis.disconnect();
  }
}
