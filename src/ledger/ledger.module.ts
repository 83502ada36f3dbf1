import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module';
import { DirectivesModule } from '../directives/directives.module';
import { NoticesModule } from '../notices/notices.module';
import { RectificationsModule } from '../rectifications/rectifications.module';
import { UnitsModule } from '../units/units.module';
import { UsersModule } from '../users/users.module';
import { ImportPreviewRow } from './import-preview.entity';
import { ImportsService } from './imports.service';
import { ImportsController, LedgerController } from './ledger.controller';
import { LedgerFiles } from './ledger-files';
import { LedgerService } from './ledger.service';

/** 台账: the ledger exported to Excel, and task-division tables, units and users imported from it. */
@Module({
  imports: [TypeOrmModule.forFeature([ImportPreviewRow]), CalendarModule, DirectivesModule, RectificationsModule, NoticesModule, UnitsModule, UsersModule],
  controllers: [LedgerController, ImportsController],
  providers: [LedgerService, LedgerFiles, ImportsService],
  exports: [LedgerFiles, ImportsService],
})
export class LedgerModule {}
