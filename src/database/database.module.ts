import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DatabaseControl } from './database-control';
import { cacheListCounts } from './list-page';
import { watchWrites, WriteWatch } from './read-cache';
import { boundRequestStatements } from './request-statements';
import { WriteBroadcast } from './write-broadcast';

/**
 * The control pool beside the application's, and the bounds on what requests run in the application's
 * pool (which cancel through it). The migrations have run by now, and are outside any request anyway.
 * The write watch that keeps the read caches current (list counts here, the token check in auth/),
 * and with Redis the broadcast that keeps them current across instances.
 */
@Module({
  providers: [
    {
      provide: DatabaseControl,
      inject: [DataSource, APP_CONFIG],
      useFactory: async (dataSource: DataSource, config: AppConfig) => {
        const control = await DatabaseControl.open(dataSource);
        boundRequestStatements(dataSource, control, config.requestQueries);
        return control;
      },
    },
    {
      provide: WriteWatch,
      inject: [DataSource, APP_CONFIG],
      useFactory: (dataSource: DataSource, config: AppConfig) => {
        const writes = watchWrites(dataSource);
        cacheListCounts(dataSource, writes, config.readCacheMs);
        return writes;
      },
    },
    {
      provide: WriteBroadcast,
      inject: [WriteWatch, APP_CONFIG],
      useFactory: async (writes: WriteWatch, config: AppConfig) => {
        if (!config.redisUrl || config.readCacheMs === 0) return null;
        const broadcast = new WriteBroadcast(config.redisUrl, `${config.jobs.queuePrefix}:writes`, writes);
        await broadcast.listen();
        return broadcast;
      },
    },
  ],
  exports: [DatabaseControl, WriteWatch],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(WriteBroadcast) private readonly broadcast: WriteBroadcast | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.broadcast?.close();
  }
}
