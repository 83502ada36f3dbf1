import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { CalendarDay, CalendarYear } from './calendar-day.entity';

@Module({ imports: [TypeOrmModule.forFeature([CalendarDay, CalendarYear])], controllers: [CalendarController], providers: [CalendarService], exports: [CalendarService] })
export class CalendarModule {}
