import { Module } from '@nestjs/common';
import { AssignmentsModule } from '../assignments/assignments.module';
import { CalendarModule } from '../calendar/calendar.module';
import { RemindersModule } from '../reminders/reminders.module';
import { DirectivesController } from './directives.controller';
import { DirectivesService } from './directives.service';

@Module({ imports: [CalendarModule, RemindersModule, AssignmentsModule], controllers: [DirectivesController], providers: [DirectivesService], exports: [DirectivesService] })
export class DirectivesModule {}
