import { ParseIdPipe } from '../common/parse-id.pipe';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res, StreamableFile, UploadedFiles } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { contentDisposition, UploadedFile } from '../attachments/attachments.service';
import { UploadFiles } from '../attachments/upload.interceptor';
import { ApiFileResponse } from '../common/api-file-response';
import { ApiErrorResponse } from '../common/errors/error-body.view';
import { ChaseView, CreateNoticeDto, IssueNoticeDto, IssuerDto, IssuerView, NoticePage, NoticeQueryDto, NoticeView, SettingVersionDto, UpdateNoticeDto, VoidNoticeDto } from './dto/notice.dto';
import { NOTICE_KINDS } from './kinds';
import { ParseNoticeKindPipe } from './notice-kind.pipe';
import { NoticeSealView } from './dto/notice-seal.dto';
import { NoticeSealService } from './notice-seal.service';
import { NoticesService } from './notices.service';

/** The preview is our own markup with people's text escaped; this keeps it inert all the same. */
export const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'self'";

@ApiTags('公文通知')
@Controller('api/notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get()
  @RequirePermission(Permission.NoticesRead)
  @ApiOperation({ summary: '通知列表（协调办看全部；单位和领导看主送、抄送给自己的），可按种类、状态、年度筛选' })
  @ApiOkResponse({ type: NoticePage })
  list(@CurrentAccess() access: Access, @Query() query: NoticeQueryDto): Promise<NoticePage> {
    return this.notices.list(access, query);
  }

  @Post()
  @RequirePermission(Permission.NoticesManage)
  @ApiOperation({ summary: '起草通知：依据任务生成督办、约谈、整改通知书，或依据当前逾期清单生成通报；或更正已作废的通知' })
  @ApiCreatedResponse({ type: NoticeView })
  @ApiErrorResponse(409, '要更正的通知尚未作废（NOTICE_NOT_VOIDED）')
  create(@CurrentAccess() access: Access, @Body() dto: CreateNoticeDto): Promise<NoticeView> {
    return this.notices.createDraft(access, dto);
  }

  @Get(':id')
  @RequirePermission(Permission.NoticesRead)
  @ApiOperation({ summary: '通知详情与各接收方签收情况' })
  @ApiOkResponse({ type: NoticeView })
  get(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number): Promise<NoticeView> {
    return this.notices.get(access, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.NoticesManage)
  @ApiOperation({ summary: '修改草稿（标题、主送、抄送、正文字段）' })
  @ApiOkResponse({ type: NoticeView })
  @ApiErrorResponse(409, '已印发的通知不能修改（NOTICE_NOT_DRAFT），或已被他人修改（STALE_VERSION）')
  update(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateNoticeDto): Promise<NoticeView> {
    return this.notices.update(access, id, dto);
  }

  @Get(':id/preview')
  @RequirePermission(Permission.NoticesRead)
  @ApiOperation({ summary: '以 HTML 预览' })
  @ApiOkResponse({ description: '通知的 HTML 版式', content: { 'text/html': { schema: { type: 'string' } } } })
  async preview(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Res({ passthrough: true }) res: Response): Promise<string> {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', PREVIEW_CSP);
    return this.notices.previewHtml(access, id);
  }

  @Get(':id/preview.pdf')
  @RequirePermission(Permission.NoticesRead)
  @ApiOperation({ summary: '以 PDF 预览（即时生成，不保存）' })
  @ApiFileResponse('application/pdf', '按公文格式排版的 PDF')
  async previewPdf(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number): Promise<StreamableFile> {
    return new StreamableFile(await this.notices.previewPdf(access, id), { type: 'application/pdf' });
  }

  @Post(':id/issue')
  @HttpCode(200)
  @RequirePermission(Permission.NoticesManage)
  @ApiOperation({ summary: '印发：取得本类本年度下一个文号，通知接收方，生成并保存 PDF' })
  @ApiOkResponse({ type: NoticeView })
  @ApiErrorResponse(400, '请求有误（VALIDATION_FAILED），或草稿内容不完整（DRAFT_INCOMPLETE，details 列出缺少的字段）')
  @ApiErrorResponse(409, '已印发或已作废（NOTICE_NOT_DRAFT），或已被他人修改（STALE_VERSION）')
  issue(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: IssueNoticeDto): Promise<NoticeView> {
    return this.notices.issue(access, id, dto.version);
  }

  @Get(':id/pdf')
  @RequirePermission(Permission.NoticesRead)
  @ApiOperation({ summary: '下载印发的 PDF（印发后不再改变）', description: '已作废的通知：每页加盖红色“作废”标记并注明作废原因和日期；保存的原件及其 SHA-256 不变。' })
  @ApiFileResponse('application/pdf', '印发的 PDF（已作废的加盖作废标记），文件名在 Content-Disposition 中')
  @ApiErrorResponse(409, '草稿尚未印发（NOTICE_NOT_ISSUED），或 PDF 正在生成（PDF_NOT_READY）')
  async pdf(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { content, fileName } = await this.notices.pdf(access, id);
    res.setHeader('Content-Disposition', contentDisposition(fileName));
    return new StreamableFile(content, { type: 'application/pdf' });
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @RequirePermission(Permission.NoticesAcknowledge)
  @ApiOperation({ summary: '签收（主送单位或抄送领导）' })
  @ApiOkResponse({ type: NoticeView })
  @ApiErrorResponse(409, '尚未印发或已作废（NOTICE_NOT_ISSUED）、PDF 正在生成（PDF_NOT_READY），或已签收过（ALREADY_ACKNOWLEDGED）')
  acknowledge(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number): Promise<NoticeView> {
    return this.notices.acknowledge(access, id);
  }

  @Post(':id/chase')
  @HttpCode(200)
  @RequirePermission(Permission.NoticesManage)
  @ApiOperation({ summary: '催签：提醒尚未签收的接收方（每天至多一次）' })
  @ApiOkResponse({ type: ChaseView })
  @ApiErrorResponse(409, '只有已印发的通知才能催签（NOTICE_NOT_ISSUED）')
  async chase(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number): Promise<ChaseView> {
    return { reminded: await this.notices.chase(access, id) };
  }

  @Post(':id/void')
  @HttpCode(200)
  @RequirePermission(Permission.NoticesManage)
  @ApiOperation({ summary: '作废（须说明理由）；更正件以 replacesId 重新起草' })
  @ApiOkResponse({ type: NoticeView })
  @ApiErrorResponse(409, '只有已印发的通知才能作废（NOTICE_NOT_ISSUED）')
  void(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: VoidNoticeDto): Promise<NoticeView> {
    return this.notices.void(access, id, dto);
  }
}

@ApiTags('公文通知')
@Controller('api/notice-issuers')
export class NoticeIssuersController {
  constructor(private readonly notices: NoticesService) {}

  @Get()
  @RequirePermission(Permission.NoticesManage)
  @ApiOperation({ summary: '各类通知的机关代字与发文机关' })
  @ApiOkResponse({ type: [IssuerView] })
  list(): Promise<IssuerView[]> {
    return this.notices.issuers();
  }

  @Put(':kind')
  @RequirePermission(Permission.NoticesManage)
  @ApiOperation({ summary: '设置某类通知的机关代字与发文机关（此后印发的通知使用）' })
  @ApiParam({ name: 'kind', enum: NOTICE_KINDS, description: '通知种类' })
  @ApiOkResponse({ type: IssuerView })
  @ApiErrorResponse(409, '已被他人修改（STALE_VERSION）')
  set(@Param('kind', ParseNoticeKindPipe) kind: string, @Body() dto: IssuerDto): Promise<IssuerView> {
    return this.notices.setIssuer(kind, dto);
  }
}

@ApiTags('公文通知')
@Controller('api/notice-seal')
export class NoticeSealController {
  constructor(private readonly seal: NoticeSealService) {}

  @Get()
  @RequirePermission(Permission.NoticesManage)
  @ApiOperation({ summary: '现用的公文印章（此后印发的通知加盖）' })
  @ApiOkResponse({ type: NoticeSealView })
  current(): Promise<NoticeSealView> {
    return this.seal.current();
  }

  @Get('image')
  @RequirePermission(Permission.NoticesManage)
  @ApiOperation({ summary: '现用印章的图像' })
  @ApiFileResponse('image/png', '印章图像（PNG）')
  @ApiErrorResponse(404, '未上传印章或已移除（NOT_FOUND）')
  async image(): Promise<StreamableFile> {
    return new StreamableFile(await this.seal.image(), { type: 'image/png' });
  }

  @Put()
  @RequirePermission(Permission.NoticesManage)
  @UploadFiles()
  @ApiOperation({ summary: '上传或更换公文印章（字段 files，一个背景透明的 PNG）', description: '按内容检查：PNG、宽高 100–3000 像素、带 Alpha 通道或 tRNS 透明，不超过 2 MB。已印发的通知保留印发时的印章。' })
  @ApiOkResponse({ type: NoticeSealView })
  @ApiErrorResponse(400, '没有透明背景、尺寸不合要求或未选择文件（VALIDATION_FAILED）')
  @ApiErrorResponse(409, '已被他人修改（STALE_VERSION）')
  @ApiErrorResponse(413, '文件过大（PAYLOAD_TOO_LARGE）')
  @ApiErrorResponse(415, '不是 PNG 图片（UNSUPPORTED_FILE_TYPE）')
  upload(@CurrentAccess() access: Access, @Body() dto: SettingVersionDto, @UploadedFiles() files: UploadedFile[] = []): Promise<NoticeSealView> {
    return this.seal.upload(access, files, dto.version);
  }

  @Delete()
  @RequirePermission(Permission.NoticesManage)
  @ApiOperation({ summary: '移除公文印章（此后印发的通知不加盖；已印发的不变）' })
  @ApiOkResponse({ type: NoticeSealView })
  @ApiErrorResponse(409, '没有在用的印章（NO_SEAL_IN_FORCE），或已被他人修改（STALE_VERSION）')
  remove(@Query() dto: SettingVersionDto): Promise<NoticeSealView> {
    return this.seal.remove(dto.version);
  }
}
