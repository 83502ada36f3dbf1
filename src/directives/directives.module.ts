import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssignmentsModule } from '../assignments/assignments.module';
import { CalendarModule } from '../calendar/calendar.module';
import { RemindersModule } from '../reminders/reminders.module';
import { DirectivesController } from './directives.controller';
import { DirectivesService } from './directives.service';
import { Directive, DirectiveCounter } from './directive.entity';
import { DirectiveTerm } from './directive-term.entity';

@Module({ imports: [TypeOrmModule.forFeature([Directive, DirectiveCounter, DirectiveTerm]), CalendarModule, RemindersModule, AssignmentsModule], controllers: [DirectivesController], providers: [DirectivesService], exports: [DirectivesService] })
export class DirectivesModule {}
