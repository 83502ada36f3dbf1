import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ActionRunner } from './action-runner.service';
import { ChaseSources } from './chase-sources';
import { EngineCheck } from './engine-check';
import { EscalationPoliciesService } from './escalation-policies.service';
import { EscalationsService } from './escalations.service';
import { EscalationPoliciesController, EscalationsController, ScheduledActionsController } from './reminders.controller';
import { Rungs } from './rungs';
import { ScheduleService } from './schedule.service';
import { SchedulePlanner } from './schedule-planner.service';
import { Escalation, EscalationPolicy } from './escalation.entity';
import { ScheduledAction } from './scheduled-action.entity';

/**
 * The escalation engine: reminders, the ladder's rungs and their approval. It knows the work it chases
 * only through the chase sources features register, and what a rung does only through its registered effect.
 */
@Module({
  imports: [TypeOrmModule.forFeature([EscalationPolicy, ScheduledAction, Escalation]), CalendarModule, NotificationsModule],
  controllers: [EscalationPoliciesController, EscalationsController, ScheduledActionsController],
  providers: [ChaseSources, Rungs, EngineCheck, SchedulePlanner, ActionRunner, EscalationsService, EscalationPoliciesService, ScheduleService],
  exports: [ChaseSources, Rungs, SchedulePlanner, EscalationsService, EscalationPoliciesService, ScheduleService],
})
export class RemindersModule {}
