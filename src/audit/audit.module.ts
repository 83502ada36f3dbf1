import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RemindersModule } from '../reminders/reminders.module';
import { AuditEntry } from './audit-entry.entity';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { AuditViewService } from './audit-view.service';

@Global()
@Module({
  // The trail names rungs by the work they chase, which the engine's chase sources read.
  imports: [TypeOrmModule.forFeature([AuditEntry]), RemindersModule],
  controllers: [AuditController],
  providers: [AuditService, AuditViewService],
  exports: [AuditService, AuditViewService],
})
export class AuditModule {}
