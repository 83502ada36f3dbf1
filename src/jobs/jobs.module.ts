import { DynamicModule, Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bull';
import { AppConfig } from '../config/app-config';
import { QUEUES } from './jobs.constants';
import { JobsService } from './jobs.service';
import { assertRedisUsable, queueRedis } from './redis-connection';

@Global()
@Module({})
export class JobsModule {
  static forRoot(config: AppConfig): DynamicModule {
    const redisUrl = config.redisUrl;
    const bull = redisUrl
      ? [
          BullModule.forRootAsync({
            useFactory: async () => {
              await assertRedisUsable(redisUrl);
              const lock = config.jobs.lockSeconds * 1000;
              return {
                prefix: config.jobs.queuePrefix,
                createClient: (type: 'client' | 'subscriber' | 'bclient') => queueRedis(redisUrl, type),
                settings: { lockDuration: lock, lockRenewTime: lock / 2, stalledInterval: lock, maxStalledCount: 2 },
              };
            },
          }),
          BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name }))),
        ]
      : [];
    return { module: JobsModule, imports: bull, providers: [JobsService], exports: [JobsService] };
  }
}
