import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RemindersModule } from '../reminders/reminders.module';
import { NoticeTemplates } from './notice-templates';
import { NoticeIssuersController, NoticeSealController, NoticesController } from './notices.controller';
import { NoticeSealService } from './notice-seal.service';
import { NoticesService } from './notices.service';
import { PdfRenderer } from './pdf-renderer.service';
import { RungNotices } from './rung-notices.service';

@Module({
  imports: [CalendarModule, NotificationsModule, RemindersModule],
  controllers: [NoticesController, NoticeIssuersController, NoticeSealController],
  providers: [NoticesService, NoticeTemplates, PdfRenderer, NoticeSealService, RungNotices],
  exports: [NoticesService, NoticeSealService],
})
export class NoticesModule {}
