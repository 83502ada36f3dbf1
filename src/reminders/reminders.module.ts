import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module';
import { ListingsModule } from '../listings/listings.module';
import { NoticesModule } from '../notices/notices.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ActionRunner } from './action-runner.service';
import { EscalationPoliciesService } from './escalation-policies.service';
import { EscalationsService } from './escalations.service';
import { EscalationPoliciesController, EscalationsController, ScheduledActionsController } from './reminders.controller';
import { RungNotices } from './rung-notices.service';
import { ScheduleService } from './schedule.service';
import { SchedulePlanner } from './schedule-planner.service';
import { Escalation, EscalationPolicy } from './escalation.entity';
import { ScheduledAction } from './scheduled-action.entity';

@Module({
  imports: [TypeOrmModule.forFeature([EscalationPolicy, ScheduledAction, Escalation]), CalendarModule, NotificationsModule, NoticesModule, ListingsModule],
  controllers: [EscalationPoliciesController, EscalationsController, ScheduledActionsController],
  providers: [SchedulePlanner, ActionRunner, RungNotices, EscalationsService, EscalationPoliciesService, ScheduleService],
  exports: [SchedulePlanner, EscalationsService, EscalationPoliciesService, ScheduleService],
})
export class RemindersModule {}
