import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import type { WriteWatch } from './read-cache';

const logger = new Logger('WriteBroadcast');

/**
 * With Redis, instances tell each other that they wrote, so that every instance's read caches are
 * dropped within milliseconds of a change, wherever it was made: a person whose next request lands on
 * another instance still sees their change. Writes close together are announced once. If Redis is
 * away, nothing fails: the caches' time to live still bounds what is shown.
 */
export class WriteBroadcast {
  private readonly instance = randomUUID();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private pending = false;

  constructor(
    redisUrl: string,
    private readonly channel: string,
    private readonly writes: WriteWatch,
  ) {
    this.publisher = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    this.subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
    for (const connection of [this.publisher, this.subscriber]) connection.on('error', (error: Error) => logger.debug(`Redis: ${error.message}`));
    this.subscriber.on('message', (_channel: string, from: string) => {
      if (from !== this.instance) this.writes.writtenElsewhere();
    });
    writes.onWritten(() => this.announce());
  }

  /** Resolves once this instance hears others (tests wait for it; requests never do). */
  async listen(): Promise<void> {
    await this.subscriber.subscribe(this.channel);
  }

  private announce(): void {
    if (this.pending) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      this.publisher.publish(this.channel, this.instance).catch((error: Error) => logger.debug(`Could not announce a write: ${error.message}`));
    });
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
    await this.publisher.quit().catch(() => this.publisher.disconnect());
  }
}
