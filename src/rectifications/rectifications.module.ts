import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { CalendarModule } from '../calendar/calendar.module';
import { NoticesModule } from '../notices/notices.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RemindersModule } from '../reminders/reminders.module';
import { RectificationChase } from './rectification-chase';
import { RectificationsController } from './rectifications.controller';
import { RectificationsService } from './rectifications.service';

@Module({ imports: [AttachmentsModule, CalendarModule, NoticesModule, NotificationsModule, RemindersModule], controllers: [RectificationsController], providers: [RectificationsService, RectificationChase], exports: [RectificationsService] })
export class RectificationsModule {}
