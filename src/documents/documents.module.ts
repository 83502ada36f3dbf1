import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '../attachments/attachments.module';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { SourceDocument } from './source-document.entity';

@Module({ imports: [TypeOrmModule.forFeature([SourceDocument]), AttachmentsModule], controllers: [DocumentsController], providers: [DocumentsService], exports: [DocumentsService] })
export class DocumentsModule {}
