import { LedgerModule } from '../ledger/ledger.module';
import { LedgerPagesController } from './ledger-pages.controller';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssignmentsModule } from '../assignments/assignments.module';
import { AttachmentsModule } from '../attachments/attachments.module';
import { CalendarModule } from '../calendar/calendar.module';
import { AuthModule } from '../auth/auth.module';
import { BoardModule } from '../board/board.module';
import { BoardPage } from './board-page';
import { BoardChartsController } from './board-charts.controller';
import { BoardPagesController } from './board-pages.controller';
import { DirectivesModule } from '../directives/directives.module';
import { DocumentsModule } from '../documents/documents.module';
import { ExtractionModule } from '../extraction/extraction.module';
import { NoticesModule } from '../notices/notices.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RemindersModule } from '../reminders/reminders.module';
import { UnitsModule } from '../units/units.module';
import { UsersModule } from '../users/users.module';
import { AssessmentModule } from '../assessment/assessment.module';
import { AssessmentPagesController } from './assessment-pages.controller';
import { AttachmentPagesController } from './attachment-pages.controller';
import { AuthPagesController } from './auth-pages.controller';
import { CalendarPagesController } from './calendar-pages.controller';
import { DirectivePagesController } from './directive-pages.controller';
import { ExtractionPagesController } from './extraction-pages.controller';
import { TaskPagesController } from './task-pages.controller';
import { HomeController } from './home.controller';
import { HomeService } from './home.service';
import { NoticePagesController } from './notice-pages.controller';
import { InspectionsModule } from '../inspections/inspections.module';
import { ListingsModule } from '../listings/listings.module';
import { RectificationsModule } from '../rectifications/rectifications.module';
import { RectificationPagesController } from './rectification-pages.controller';
import { ReminderPagesController } from './reminder-pages.controller';
import { UnitPagesController } from './unit-pages.controller';
import { UserPagesController } from './user-pages.controller';
import { FormSubmission } from './form-submission.entity';

/** The server-rendered pages; each controller calls the same services as the API. */
@Module({
  imports: [TypeOrmModule.forFeature([FormSubmission]), AttachmentsModule, AuthModule, UnitsModule, UsersModule, DirectivesModule, DocumentsModule, ExtractionModule, AssignmentsModule, CalendarModule, NotificationsModule, RemindersModule, NoticesModule, RectificationsModule, InspectionsModule, ListingsModule, BoardModule, AssessmentModule, LedgerModule],
  controllers: [AuthPagesController, AttachmentPagesController, HomeController, UnitPagesController, UserPagesController, DirectivePagesController, ExtractionPagesController, TaskPagesController, CalendarPagesController, ReminderPagesController, NoticePagesController, RectificationPagesController, BoardPagesController, BoardChartsController, AssessmentPagesController, LedgerPagesController],
  providers: [HomeService, BoardPage],
})
export class WebModule {}
