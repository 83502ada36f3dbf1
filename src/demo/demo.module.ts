import { Module } from '@nestjs/common';
import { AssessmentModule } from '../assessment/assessment.module';
import { RemindersModule } from '../reminders/reminders.module';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [RemindersModule, AssessmentModule], providers: [DemoSeeder] })
export class DemoModule {}
