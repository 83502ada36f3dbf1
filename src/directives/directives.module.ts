import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { RemindersModule } from '../reminders/reminders.module';
import { DirectivesController } from './directives.controller';
import { DirectivesService } from './directives.service';

@Module({ imports: [CalendarModule, RemindersModule], controllers: [DirectivesController], providers: [DirectivesService], exports: [DirectivesService] })
export class DirectivesModule {}
