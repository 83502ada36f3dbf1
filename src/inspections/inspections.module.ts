import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '../attachments/attachments.module';
import { RectificationsModule } from '../rectifications/rectifications.module';
import { InspectionsController } from './inspections.controller';
import { InspectionsService } from './inspections.service';
import { Inspection, InspectionUnit } from './inspection.entity';

@Module({ imports: [TypeOrmModule.forFeature([Inspection, InspectionUnit]), AttachmentsModule, RectificationsModule], controllers: [InspectionsController], providers: [InspectionsService], exports: [InspectionsService] })
export class InspectionsModule {}
