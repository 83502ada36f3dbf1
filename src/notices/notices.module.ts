import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { NoticeKinds } from './notice-kinds';
import { NoticeTemplates } from './notice-templates';
import { NoticeIssuersController, NoticeSealController, NoticesController } from './notices.controller';
import { NoticeSealService } from './notice-seal.service';
import { NoticesService } from './notices.service';
import { PdfRenderer } from './pdf-renderer.service';
import { Notice, NoticeCounter, NoticeIssuer, NoticeRecipient, NoticeSeal } from './notice.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Notice, NoticeRecipient, NoticeCounter, NoticeIssuer, NoticeSeal]), CalendarModule, NotificationsModule],
  controllers: [NoticesController, NoticeIssuersController, NoticeSealController],
  providers: [NoticesService, NoticeKinds, NoticeTemplates, PdfRenderer, NoticeSealService],
  exports: [NoticesService, NoticeKinds, NoticeSealService],
})
export class NoticesModule {}
