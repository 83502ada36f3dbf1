import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module';
import { NoticesModule } from '../notices/notices.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RemindersModule } from '../reminders/reminders.module';
import { CardRungs } from './card-rungs';
import { ListingRulesController, ListingsController } from './listings.controller';
import { ListingsService } from './listings.service';
import { Listing, ListingEvent, ListingRule } from './listing.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Listing, ListingEvent, ListingRule]), CalendarModule, NoticesModule, NotificationsModule, RemindersModule],
  controllers: [ListingsController, ListingRulesController],
  providers: [ListingsService, CardRungs],
  exports: [ListingsService],
})
export class ListingsModule {}
