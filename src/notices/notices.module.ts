import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { NoticeTemplates } from './notice-templates';
import { NoticeIssuersController, NoticeSealController, NoticesController } from './notices.controller';
import { NoticeSealService } from './notice-seal.service';
import { NoticesService } from './notices.service';
import { PdfRenderer } from './pdf-renderer.service';
import { Notice, NoticeCounter, NoticeIssuer, NoticeRecipient, NoticeSeal } from './notice.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Notice, NoticeRecipient, NoticeCounter, NoticeIssuer, NoticeSeal]), CalendarModule, NotificationsModule],
  controllers: [NoticesController, NoticeIssuersController, NoticeSealController],
  providers: [NoticesService, NoticeTemplates, PdfRenderer, NoticeSealService],
  exports: [NoticesService, NoticeSealService],
})
export class NoticesModule {}
