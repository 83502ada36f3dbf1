import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '../attachments/attachments.module';
import { CalendarModule } from '../calendar/calendar.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RemindersModule } from '../reminders/reminders.module';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsService } from './assignments.service';
import { TaskNotifier } from './task-notifier.service';
import { Assignment, AssignmentEvent } from './assignment.entity';
import { ExtensionRequest } from './extension-request.entity';
import { ProgressReport } from './progress-report.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Assignment, AssignmentEvent, ProgressReport, ExtensionRequest]), CalendarModule, AttachmentsModule, NotificationsModule, RemindersModule],
  controllers: [AssignmentsController],
  providers: [AssignmentsService, TaskNotifier],
  exports: [AssignmentsService, TaskNotifier],
})
export class AssignmentsModule {}
