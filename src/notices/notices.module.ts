import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { NoticeKinds } from './notice-kinds';
import { RemindersModule } from '../reminders/reminders.module';
import { NoticeTemplates } from './notice-templates';
import { NoticeIssuersController, NoticeSealController, NoticesController } from './notices.controller';
import { NoticeSealService } from './notice-seal.service';
import { NoticesService } from './notices.service';
import { PdfRenderer } from './pdf-renderer.service';
import { Notice, NoticeCounter, NoticeIssuer, NoticeRecipient, NoticeSeal } from './notice.entity';
import { RungNotices } from './rung-notices.service';

@Module({
  imports: [TypeOrmModule.forFeature([Notice, NoticeRecipient, NoticeCounter, NoticeIssuer, NoticeSeal]), CalendarModule, NotificationsModule, RemindersModule],
  controllers: [NoticesController, NoticeIssuersController, NoticeSealController],
  providers: [NoticesService, NoticeKinds, NoticeTemplates, PdfRenderer, NoticeSealService, RungNotices],
  exports: [NoticesService, NoticeKinds, NoticeSealService, PdfRenderer],
})
export class NoticesModule {}
