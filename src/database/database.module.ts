import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DatabaseControl } from './database-control';
import { boundRequestStatements } from './request-statements';

/**
 * The control pool beside the application's, and the bounds on what requests run in the application's
 * pool (which cancel through it). The migrations have run by now, and are outside any request anyway.
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
  ],
  exports: [DatabaseControl],
})
export class DatabaseModule {}
