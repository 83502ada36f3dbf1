import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DatabaseControl } from './database-control';

/** The control pool beside the application's. */
@Module({
  providers: [
    {
      provide: DatabaseControl,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => DatabaseControl.open(dataSource),
    },
  ],
  exports: [DatabaseControl],
})
export class DatabaseModule {}
