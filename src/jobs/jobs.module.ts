import { DynamicModule, Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bull';
import type Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { QUEUE_CONNECTIONS, QUEUES } from './jobs.constants';
import { JobsService } from './jobs.service';
import { UnitOfWork } from './unit-of-work';
import { queueRedis } from './redis-connection';

@Global()
@Module({})
export class JobsModule {
  static forRoot(config: AppConfig): DynamicModule {
    const redisUrl = config.redisUrl;
    // Bull leaves connections it did not make open; JobsService closes these at shutdown.
    const connections: Redis[] = [];
    const bull = redisUrl
      ? [
          BullModule.forRootAsync({
            useFactory: () => {
              const lock = config.jobs.lockSeconds * 1000;
              return {
                prefix: config.jobs.queuePrefix,
                createClient: (type: 'client' | 'subscriber' | 'bclient') => {
                  const connection = queueRedis(redisUrl, type);
                  connections.push(connection);
                  return connection;
                },
                settings: { lockDuration: lock, lockRenewTime: lock / 2, stalledInterval: lock, maxStalledCount: 2 },
              };
            },
          }),
          BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name }))),
        ]
      : [];
    return { module: JobsModule, imports: bull, providers: [JobsService, UnitOfWork, { provide: QUEUE_CONNECTIONS, useValue: connections }], exports: [JobsService, UnitOfWork] };
  }
}
