import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { NoticeTemplates } from './notice-templates';
import { NoticeIssuersController, NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';
import { PdfRenderer } from './pdf-renderer.service';

@Module({
  imports: [CalendarModule, NotificationsModule],
  controllers: [NoticesController, NoticeIssuersController],
  providers: [NoticesService, NoticeTemplates, PdfRenderer],
  exports: [NoticesService],
})
export class NoticesModule {}
