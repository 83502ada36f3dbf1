import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { NoticeKinds } from './notice-kinds';
import { NoticeTemplates } from './notice-templates';
import { NoticeIssuersController, NoticeSealController, NoticesController } from './notices.controller';
import { NoticeSealService } from './notice-seal.service';
import { NoticesService } from './notices.service';
import { PdfRenderer } from './pdf-renderer.service';

@Module({
  imports: [CalendarModule, NotificationsModule],
  controllers: [NoticesController, NoticeIssuersController, NoticeSealController],
  providers: [NoticesService, NoticeKinds, NoticeTemplates, PdfRenderer, NoticeSealService],
  exports: [NoticesService, NoticeKinds, NoticeSealService],
})
export class NoticesModule {}
