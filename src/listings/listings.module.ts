import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { NoticesModule } from '../notices/notices.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ListingRulesController, ListingsController } from './listings.controller';
import { ListingsService } from './listings.service';

@Module({ imports: [CalendarModule, NoticesModule, NotificationsModule], controllers: [ListingsController, ListingRulesController], providers: [ListingsService], exports: [ListingsService] })
export class ListingsModule {}
