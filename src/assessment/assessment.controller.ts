import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res, UploadedFiles } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { UploadedFile } from '../attachments/attachments.service';
import { UploadFiles } from '../attachments/upload.interceptor';
import { ApiFileResponse } from '../common/api-file-response';
import { ApiErrorResponse } from '../common/errors/error-body.view';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { sendWorkbook, XLSX_MEDIA_TYPE } from '../spreadsheets/workbook-writer';
import { AssessmentService } from './assessment.service';
import { AcceptObjectionDto, CircularDto, CircularOutlookView, CircularResultView, CreatePeriodDto, LinesQueryDto, LineView, ObjectionDto, ObjectionQueryDto, ObjectionView, PeriodVersionDto, PeriodView, RankingView, RejectObjectionDto, RulesView, SnapshotView, UpdateRulesDto } from './dto/assessment.dto';

@ApiTags('考核排名')
@Controller('api/assessment')
export class AssessmentController {
  constructor(private readonly assessment: AssessmentService) {}

  @Get('rules')
  @RequirePermission(Permission.AssessmentRead)
  @ApiOperation({ summary: '考核规则：基础分、各项记录的分值和上限、权重、考核周期、申诉期；每条规则说明计入哪些系统记录' })
  @ApiOkResponse({ type: RulesView })
  rules(): Promise<RulesView> {
    return this.assessment.rules();
  }

  @Put('rules')
  @RequirePermission(Permission.AssessmentManage)
  @ApiOperation({ summary: '修改考核规则（协调办，带读取时的版本号）；已发布的排名不受影响' })
  @ApiOkResponse({ type: RulesView })
  @ApiErrorResponse(409, '规则已被他人修改（STALE_VERSION）')
  updateRules(@Body() dto: UpdateRulesDto): Promise<RulesView> {
    return this.assessment.updateRules(dto);
  }

  @Get('periods')
  @RequirePermission(Permission.AssessmentRead)
  @ApiOperation({ summary: '考核期列表' })
  @ApiOkResponse({ type: [PeriodView] })
  periods(): Promise<PeriodView[]> {
    return this.assessment.periods();
  }

  @Post('periods')
  @RequirePermission(Permission.AssessmentManage)
  @ApiOperation({ summary: '建立考核期（协调办），如 {kind:"quarter", year:2026, number:3}' })
  @ApiCreatedResponse({ type: PeriodView })
  @ApiErrorResponse(409, '该考核期已经建立（ASSESSMENT_PERIOD_TAKEN）')
  createPeriod(@Body() dto: CreatePeriodDto): Promise<PeriodView> {
    return this.assessment.createPeriod(dto);
  }

  @Get('periods/:id')
  @RequirePermission(Permission.AssessmentRead)
  @ApiOperation({ summary: '已发布的考核排名（快照中各单位总分和名次）', description: '读取快照，不重新计算；成员单位可见各单位总分，只能看本单位的计分明细。' })
  @ApiOkResponse({ type: RankingView })
  @ApiErrorResponse(409, '排名尚未发布（PERIOD_NOT_PUBLISHED）')
  ranking(@Param('id', ParseIdPipe) id: number, @Query() query: LinesQueryDto): Promise<RankingView> {
    return this.assessment.ranking(id, query.version);
  }

  @Get('periods/:id/ranking.xlsx')
  @RequirePermission(Permission.AssessmentRead)
  @ApiOperation({ summary: '导出已发布的考核排名（Excel）', description: '两个工作表：排名（各单位名次、基础分、得分）和计分明细（每一分的规则、日期、事件、分值和更正说明）。成员单位的计分明细只含本单位。version 缺省为现行版本。' })
  @ApiFileResponse(XLSX_MEDIA_TYPE, '.xlsx 工作簿')
  @ApiErrorResponse(409, '排名尚未发布（PERIOD_NOT_PUBLISHED）')
  async rankingWorkbook(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Query() query: LinesQueryDto, @Res() res: Response): Promise<void> {
    const { fileName, sheets } = await this.assessment.rankingWorkbook(access, id, query.version);
    await sendWorkbook(res, fileName, sheets);
  }

  @Get('periods/:id/preview')
  @RequirePermission(Permission.AssessmentManage)
  @ApiOperation({ summary: '按现行规则和系统记录实时计算的排名预览（协调办），不保存' })
  @ApiOkResponse({ type: RankingView })
  preview(@Param('id', ParseIdPipe) id: number): Promise<RankingView> {
    return this.assessment.preview(id);
  }

  @Get('periods/:id/preview/lines')
  @RequirePermission(Permission.AssessmentManage)
  @ApiOperation({ summary: '预览中一个单位的计分明细（协调办，须指定 unitId）' })
  @ApiOkResponse({ type: [LineView] })
  previewLines(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Query() query: LinesQueryDto): Promise<LineView[]> {
    return this.assessment.lines(access, id, query, true);
  }

  @Post('periods/:id/publish')
  @HttpCode(200)
  @RequirePermission(Permission.AssessmentManage)
  @ApiOperation({ summary: '发布排名（协调办）：冻结为第 1 版快照，之后修改规则或记录都不再改变它' })
  @ApiOkResponse({ type: RankingView })
  @ApiErrorResponse(409, '考核期尚未结束（PERIOD_NOT_ENDED）、已发布（PERIOD_PUBLISHED）或考核期已被他人更新（STALE_VERSION）')
  publish(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: PeriodVersionDto): Promise<RankingView> {
    return this.assessment.publish(access, id, dto.version);
  }

  @Get('periods/:id/snapshots')
  @RequirePermission(Permission.AssessmentRead)
  @ApiOperation({ summary: '排名快照的各个版本（发布为第 1 版，每采纳一次申诉加一版）' })
  @ApiOkResponse({ type: [SnapshotView] })
  snapshots(@Param('id', ParseIdPipe) id: number): Promise<SnapshotView[]> {
    return this.assessment.snapshots(id);
  }

  @Get('periods/:id/lines')
  @RequirePermission(Permission.AssessmentRead)
  @ApiOperation({ summary: '已发布排名中一个单位的计分明细：每一分对应的规则、事件和记录链接', description: '协调办和领导须指定 unitId；成员单位只能看本单位（可省略 unitId）。' })
  @ApiOkResponse({ type: [LineView] })
  @ApiErrorResponse(409, '排名尚未发布（PERIOD_NOT_PUBLISHED）')
  lines(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Query() query: LinesQueryDto): Promise<LineView[]> {
    return this.assessment.lines(access, id, query, false);
  }

  @Post('periods/:id/lines/:lineId/objections')
  @RequirePermission(Permission.AssessmentObject)
  @UploadFiles()
  @ApiOperation({ summary: '对本单位的一条计分提出申诉（成员单位，申诉期内），写明理由，可附佐证材料（字段 files）；每一行在每个版本只能申诉一次' })
  @ApiCreatedResponse({ type: ObjectionView })
  @ApiErrorResponse(409, '申诉期已过（OBJECTION_WINDOW_CLOSED）、已有待处理的申诉（OBJECTION_PENDING）、该行现行版本的申诉已被驳回（OBJECTION_DECIDED，每行每版只能申诉一次）或该行已有更正版本（STALE_VERSION）')
  object(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Param('lineId', ParseIdPipe) lineId: number, @Body() dto: ObjectionDto, @UploadedFiles() files: UploadedFile[] = []): Promise<ObjectionView> {
    return this.assessment.object(access, id, lineId, dto, files);
  }

  @Get('periods/:id/circular')
  @RequirePermission(Permission.AssessmentManage)
  @ApiOperation({ summary: '印发考核排名通报前应知道的情况（协调办）', description: '本期已印发的通报（文号；再印发将是第二份）、本期的通报草稿、申诉期是否截止、待处理的申诉数、没有启用账号而无人能签收的接收方。' })
  @ApiOkResponse({ type: CircularOutlookView })
  @ApiErrorResponse(409, '排名尚未发布（PERIOD_NOT_PUBLISHED）')
  circularOutlook(@Param('id', ParseIdPipe) id: number): Promise<CircularOutlookView> {
    return this.assessment.circularOutlook(id);
  }

  @Post('periods/:id/circular')
  @HttpCode(200)
  @RequirePermission(Permission.AssessmentManage)
  @ApiOperation({ summary: '以通报印发排名（协调办）：生成考核排名通报草稿，或立即印发', description: '本期已有通报草稿的，沿用该草稿（排名表更新为现行版本，其余内容保留），不另起一份。返回通知编号 noticeId 和印发后的文号 number。' })
  @ApiOkResponse({ type: CircularResultView })
  @ApiErrorResponse(409, '排名尚未发布（PERIOD_NOT_PUBLISHED）')
  circular(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: CircularDto): Promise<CircularResultView> {
    return this.assessment.circular(access, id, dto);
  }

  @Get('objections')
  @RequirePermission(Permission.AssessmentRead)
  @ApiOperation({ summary: '申诉：协调办和领导看全部，成员单位只看本单位' })
  @ApiOkResponse({ type: [ObjectionView] })
  objections(@CurrentAccess() access: Access, @Query() query: ObjectionQueryDto): Promise<ObjectionView[]> {
    return this.assessment.objections(access, query);
  }

  @Get('objections/:id')
  @RequirePermission(Permission.AssessmentRead)
  @ApiOperation({ summary: '申诉详情' })
  @ApiOkResponse({ type: ObjectionView })
  objection(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number): Promise<ObjectionView> {
    return this.assessment.objection(access, id);
  }

  @Post('objections/:id/accept')
  @HttpCode(200)
  @RequirePermission(Permission.AssessmentManage)
  @ApiOperation({ summary: '采纳申诉（协调办）：该行按更正后的分值计入新一版快照，旧版本保留', description: '更正后的分值须与现行分值不同、符合规则的加减分方向，且不超过规则上限扣除本单位其他各行后的余额；否则 400。' })
  @ApiOkResponse({ type: ObjectionView })
  @ApiErrorResponse(409, '已处理（ALREADY_DECIDED）或已被他人更新（STALE_VERSION）')
  accept(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: AcceptObjectionDto): Promise<ObjectionView> {
    return this.assessment.accept(access, id, dto);
  }

  @Post('objections/:id/reject')
  @HttpCode(200)
  @RequirePermission(Permission.AssessmentManage)
  @ApiOperation({ summary: '驳回申诉（协调办，须写明理由）' })
  @ApiOkResponse({ type: ObjectionView })
  @ApiErrorResponse(409, '已处理（ALREADY_DECIDED）或已被他人更新（STALE_VERSION）')
  reject(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: RejectObjectionDto): Promise<ObjectionView> {
    return this.assessment.reject(access, id, dto);
  }
}
