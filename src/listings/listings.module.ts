import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { NoticesModule } from '../notices/notices.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RemindersModule } from '../reminders/reminders.module';
import { CardRungs } from './card-rungs';
import { ListingRulesController, ListingsController } from './listings.controller';
import { ListingsService } from './listings.service';

@Module({
  imports: [CalendarModule, NoticesModule, NotificationsModule, RemindersModule],
  controllers: [ListingsController, ListingRulesController],
  providers: [ListingsService, CardRungs],
  exports: [ListingsService],
})
export class ListingsModule {}
