import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '../attachments/attachments.module';
import { CalendarModule } from '../calendar/calendar.module';
import { NoticesModule } from '../notices/notices.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RemindersModule } from '../reminders/reminders.module';
import { RectificationNotices } from './rectification-notices';
import { RectificationChase } from './rectification-chase';
import { RectificationsController } from './rectifications.controller';
import { RectificationsService } from './rectifications.service';
import { RectificationEvent, RectificationItem } from './rectification.entity';

@Module({
  imports: [TypeOrmModule.forFeature([RectificationItem, RectificationEvent]), AttachmentsModule, CalendarModule, NoticesModule, NotificationsModule, RemindersModule],
  controllers: [RectificationsController],
  providers: [RectificationsService, RectificationNotices, RectificationChase],
  exports: [RectificationsService],
})
export class RectificationsModule {}
