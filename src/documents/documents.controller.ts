import { ParseIdPipe } from '../common/parse-id.pipe';
import { Body, Controller, Get, Param, Post, Query, UploadedFiles } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import type { UploadedFile } from '../attachments/attachments.service';
import { UploadFiles } from '../attachments/upload.interceptor';
import { ApiErrorResponse } from '../common/errors/error-body.view';
import { DocumentsService } from './documents.service';
import { CreateDocumentDto, DocumentDetailView, DocumentPage, DocumentQueryDto } from './dto/document.dto';

@ApiTags('来源文件')
@Controller('api/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @RequirePermission(Permission.DocumentsRead)
  @ApiOperation({ summary: '来源文件列表（协调办、领导）' })
  @ApiOkResponse({ type: DocumentPage })
  list(@Query() query: DocumentQueryDto): Promise<DocumentPage> {
    return this.documents.list(query);
  }

  @Get(':id')
  @RequirePermission(Permission.DocumentsRead)
  @ApiOperation({ summary: '来源文件详情，含由它产生的督办事项' })
  @ApiOkResponse({ type: DocumentDetailView })
  get(@Param('id', ParseIdPipe) id: number): Promise<DocumentDetailView> {
    return this.documents.get(id);
  }

  @Post()
  @RequirePermission(Permission.DocumentsManage)
  @UploadFiles()
  @ApiOperation({ summary: '登记来源文件（协调办）', description: '可用 multipart/form-data 同时上传附件（字段 files）。' })
  @ApiCreatedResponse({ type: DocumentDetailView })
  @ApiErrorResponse(409, '同一文号已登记过（DOCUMENT_NUMBER_TAKEN）')
  create(@CurrentAccess() access: Access, @Body() dto: CreateDocumentDto, @UploadedFiles() files: UploadedFile[] = []): Promise<DocumentDetailView> {
    return this.documents.create(access.actor, dto, files);
  }
}
