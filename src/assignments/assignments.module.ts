import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { CalendarModule } from '../calendar/calendar.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RemindersModule } from '../reminders/reminders.module';
import { AssignmentChase } from './assignment-chase';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsService } from './assignments.service';
import { TaskNotifier } from './task-notifier.service';

@Module({
  imports: [CalendarModule, AttachmentsModule, NotificationsModule, RemindersModule],
  controllers: [AssignmentsController],
  providers: [AssignmentsService, TaskNotifier, AssignmentChase],
  exports: [AssignmentsService, TaskNotifier],
})
export class AssignmentsModule {}
