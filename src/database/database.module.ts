import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DatabaseControl } from './database-control';
import { cacheListCounts } from './list-page';
import { watchWrites, WriteWatch } from './read-cache';
import { boundRequestStatements } from './request-statements';

/**
 * The control pool beside the application's, and the bounds on what requests run in the application's
 * pool (which cancel through it). The migrations have run by now, and are outside any request anyway.
 * The write watch that keeps the read caches current (list counts here, the token check in auth/).
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
  ],
  exports: [DatabaseControl, WriteWatch],
})
export class DatabaseModule {}
