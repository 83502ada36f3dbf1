import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { CalendarModule } from '../calendar/calendar.module';
import { NoticesModule } from '../notices/notices.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RemindersModule } from '../reminders/reminders.module';
import { RectificationNotices } from './rectification-notices';
import { RectificationsController } from './rectifications.controller';
import { RectificationsService } from './rectifications.service';

@Module({ imports: [AttachmentsModule, CalendarModule, NoticesModule, NotificationsModule, RemindersModule], controllers: [RectificationsController], providers: [RectificationsService, RectificationNotices], exports: [RectificationsService] })
export class RectificationsModule {}
