import { ParseIdPipe } from '../common/parse-id.pipe';
import { Body, Controller, Get, HttpCode, Param, Post, Query, UploadedFiles } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import type { UploadedFile } from '../attachments/attachments.service';
import { UploadFiles } from '../attachments/upload.interceptor';
import { ApiErrorResponse } from '../common/errors/error-body.view';
import { AddFindingsDto, CreateInspectionDto, InspectionDetailView, InspectionPage, InspectionQueryDto, IssueInspectionDto } from './dto/inspection.dto';
import { InspectionsService } from './inspections.service';

@ApiTags('督导检查')
@Controller('api/inspections')
export class InspectionsController {
  constructor(private readonly inspections: InspectionsService) {}

  @Get()
  @RequirePermission(Permission.InspectionsRead)
  @ApiOperation({ summary: '督导检查列表（成员单位只看检查过本单位的）' })
  @ApiOkResponse({ type: InspectionPage })
  list(@CurrentAccess() access: Access, @Query() query: InspectionQueryDto): Promise<InspectionPage> {
    return this.inspections.list(access, query);
  }

  @Get(':id')
  @RequirePermission(Permission.InspectionsRead)
  @ApiOperation({ summary: '督导检查详情：概述、附件和（本账号可见的）整改事项' })
  @ApiOkResponse({ type: InspectionDetailView })
  get(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number): Promise<InspectionDetailView> {
    return this.inspections.get(access, id);
  }

  @Post()
  @RequirePermission(Permission.InspectionsManage)
  @ApiOperation({ summary: '登记督导检查（协调办），可同时录入发现的问题', description: '检查同时登记为来源文件（督导检查类），可据此立督办事项。问题录入后为“待下发”，下发后责任单位才能看到。' })
  @ApiCreatedResponse({ type: InspectionDetailView })
  create(@CurrentAccess() access: Access, @Body() dto: CreateInspectionDto): Promise<InspectionDetailView> {
    return this.inspections.create(access, dto);
  }

  @Post(':id/findings')
  @HttpCode(200)
  @RequirePermission(Permission.InspectionsManage)
  @ApiOperation({ summary: '补录发现的问题（协调办）' })
  @ApiOkResponse({ type: InspectionDetailView })
  addFindings(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: AddFindingsDto): Promise<InspectionDetailView> {
    return this.inspections.addFindings(access, id, dto.findings);
  }

  @Post(':id/attachments')
  @HttpCode(200)
  @RequirePermission(Permission.InspectionsManage)
  @UploadFiles()
  @ApiOperation({ summary: '上传照片、检查记录（协调办，字段 files）' })
  @ApiOkResponse({ type: InspectionDetailView })
  attach(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @UploadedFiles() files: UploadedFile[] = []): Promise<InspectionDetailView> {
    return this.inspections.attach(access, id, files);
  }

  @Post(':id/issue')
  @HttpCode(200)
  @RequirePermission(Permission.InspectionsManage)
  @ApiOperation({ summary: '下发待下发的整改事项（协调办），可为每个单位生成或印发整改通知书', description: '整改时限自今日起按工作日计算，并按督办阶梯安排提醒和督办。' })
  @ApiOkResponse({ type: InspectionDetailView })
  @ApiErrorResponse(409, '没有待下发的整改事项（NOTHING_TO_ISSUE）')
  issue(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: IssueInspectionDto): Promise<InspectionDetailView> {
    return this.inspections.issue(access, id, dto);
  }
}
