import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '../attachments/attachments.module';
import { CalendarModule } from '../calendar/calendar.module';
import { DatabaseModule } from '../database/database.module';
import { NoticesModule } from '../notices/notices.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AssessmentController } from './assessment.controller';
import { AssessmentLine, AssessmentObjection, AssessmentPeriod, AssessmentRuleSet, AssessmentSnapshot, AssessmentTotal } from './assessment.entity';
import { AssessmentNotices } from './assessment-notices';
import { AssessmentOutcomes } from './assessment-outcomes';
import { AssessmentService } from './assessment.service';

@Module({
  imports: [TypeOrmModule.forFeature([AssessmentRuleSet, AssessmentPeriod, AssessmentSnapshot, AssessmentTotal, AssessmentLine, AssessmentObjection]), AttachmentsModule, CalendarModule, DatabaseModule, NoticesModule, NotificationsModule],
  controllers: [AssessmentController],
  providers: [AssessmentService, AssessmentOutcomes, AssessmentNotices],
  exports: [AssessmentService],
})
export class AssessmentModule {}
