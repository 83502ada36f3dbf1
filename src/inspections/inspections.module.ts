import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { RectificationsModule } from '../rectifications/rectifications.module';
import { InspectionsController } from './inspections.controller';
import { InspectionsService } from './inspections.service';

@Module({ imports: [AttachmentsModule, RectificationsModule], controllers: [InspectionsController], providers: [InspectionsService], exports: [InspectionsService] })
export class InspectionsModule {}
