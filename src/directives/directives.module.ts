import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DirectivesController } from './directives.controller';
import { DirectivesService } from './directives.service';

@Module({ imports: [CalendarModule], controllers: [DirectivesController], providers: [DirectivesService], exports: [DirectivesService] })
export class DirectivesModule {}
