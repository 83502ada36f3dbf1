import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DirectivesModule } from '../directives/directives.module';
import { DocumentsModule } from '../documents/documents.module';
import { UnitsModule } from '../units/units.module';
import { ExtractionController } from './extraction.controller';
import { ExtractionService } from './extraction.service';

/** 任务分解: proposals of directives from a document's text, traced to their sentences. */
@Module({ imports: [UnitsModule, CalendarModule, DocumentsModule, DirectivesModule], controllers: [ExtractionController], providers: [ExtractionService], exports: [ExtractionService] })
export class ExtractionModule {}
