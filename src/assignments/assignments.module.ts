import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '../attachments/attachments.module';
import { CalendarModule } from '../calendar/calendar.module';
import { NoticesModule } from '../notices/notices.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RemindersModule } from '../reminders/reminders.module';
import { AssignmentNotices } from './assignment-notices';
import { AssignmentChase } from './assignment-chase';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsService } from './assignments.service';
import { TaskNotifier } from './task-notifier.service';
import { Assignment, AssignmentEvent } from './assignment.entity';
import { ExtensionRequest } from './extension-request.entity';
import { ProgressReport } from './progress-report.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Assignment, AssignmentEvent, ProgressReport, ExtensionRequest]), CalendarModule, AttachmentsModule, NoticesModule, NotificationsModule, RemindersModule],
  controllers: [AssignmentsController],
  providers: [AssignmentsService, TaskNotifier, AssignmentNotices, AssignmentChase],
  exports: [AssignmentsService, TaskNotifier],
})
export class AssignmentsModule {}
