import { ParseIdPipe } from '../common/parse-id.pipe';
import { Body, Controller, Get, HttpCode, Param, Post, Query, UploadedFiles } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import type { UploadedFile } from '../attachments/attachments.service';
import { UploadFiles } from '../attachments/upload.interceptor';
import { ApiErrorResponse } from '../common/errors/error-body.view';
import { AssignmentsService } from './assignments.service';
import {
  AssignmentDetailView,
  AssignmentPage,
  AssignmentQueryDto,
  ExtensionDecisionDto,
  ExtensionRequestDto,
  ReasonDto,
  ReportDto,
  ReviewReportDto,
  VersionDto,
} from './dto/assignment.dto';

const STEP = { type: AssignmentDetailView };
const CONFLICT = '当前状态不允许此操作（ILLEGAL_TRANSITION）、任务已被他人更新（STALE_VERSION），或延期申请与任务现状不符：没有办理时限（EXTENSION_NO_DEADLINE）、时限已过（EXTENSION_TOO_LATE）、已有申请在等待审批（EXTENSION_PENDING）';

@ApiTags('任务')
@Controller('api/assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get()
  @RequirePermission(Permission.AssignmentsRead)
  @ApiOperation({ summary: '任务列表（成员单位即“我的任务”），按紧急程度排序', description: '可按状态、单位、事项、是否超期、N 个工作日内到期、待审核筛选。' })
  @ApiOkResponse({ type: AssignmentPage })
  list(@CurrentAccess() access: Access, @Query() query: AssignmentQueryDto): Promise<AssignmentPage> {
    return this.assignments.list(access, query);
  }

  @Get(':id')
  @RequirePermission(Permission.AssignmentsRead)
  @ApiOperation({ summary: '任务详情：进展报告、延期申请、办理经过和可进行的操作' })
  @ApiOkResponse(STEP)
  get(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number): Promise<AssignmentDetailView> {
    return this.assignments.get(access, id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @RequirePermission(Permission.AssignmentsWork)
  @ApiOperation({ summary: '签收（成员单位）' })
  @ApiOkResponse(STEP)
  @ApiErrorResponse(409, CONFLICT)
  acknowledge(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: VersionDto): Promise<AssignmentDetailView> {
    return this.assignments.acknowledge(access, id, dto);
  }

  @Post(':id/reports')
  @HttpCode(200)
  @RequirePermission(Permission.AssignmentsWork)
  @UploadFiles()
  @ApiOperation({ summary: '报送进展（成员单位），可附文件（字段 files）' })
  @ApiOkResponse(STEP)
  @ApiErrorResponse(409, CONFLICT)
  report(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: ReportDto, @UploadedFiles() files: UploadedFile[] = []): Promise<AssignmentDetailView> {
    return this.assignments.report(access, id, dto, files);
  }

  @Post(':id/completion-request')
  @HttpCode(200)
  @RequirePermission(Permission.AssignmentsWork)
  @UploadFiles()
  @ApiOperation({ summary: '申请办结（成员单位），随附办结报告' })
  @ApiOkResponse(STEP)
  @ApiErrorResponse(409, CONFLICT)
  requestCompletion(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: ReportDto, @UploadedFiles() files: UploadedFile[] = []): Promise<AssignmentDetailView> {
    return this.assignments.requestCompletion(access, id, dto, files);
  }

  @Post(':id/extension-requests')
  @HttpCode(200)
  @RequirePermission(Permission.AssignmentsWork)
  @ApiOperation({ summary: '申请延期（成员单位，须在期限届满前）' })
  @ApiOkResponse(STEP)
  @ApiErrorResponse(409, CONFLICT)
  requestExtension(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: ExtensionRequestDto): Promise<AssignmentDetailView> {
    return this.assignments.requestExtension(access, id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePermission(Permission.AssignmentsReview)
  @ApiOperation({ summary: '销号（协调办）：同意办结' })
  @ApiOkResponse(STEP)
  @ApiErrorResponse(409, CONFLICT)
  close(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: VersionDto): Promise<AssignmentDetailView> {
    return this.assignments.close(access, id, dto);
  }

  @Post(':id/return')
  @HttpCode(200)
  @RequirePermission(Permission.AssignmentsReview)
  @ApiOperation({ summary: '退回办结申请（协调办，须填写理由）' })
  @ApiOkResponse(STEP)
  @ApiErrorResponse(409, CONFLICT)
  returnCompletion(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: ReasonDto): Promise<AssignmentDetailView> {
    return this.assignments.returnCompletion(access, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission(Permission.AssignmentsReview)
  @ApiOperation({ summary: '撤销任务（协调办，须填写理由）' })
  @ApiOkResponse(STEP)
  @ApiErrorResponse(409, CONFLICT)
  cancel(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: ReasonDto): Promise<AssignmentDetailView> {
    return this.assignments.cancel(access, id, dto);
  }

  @Post('reports/:reportId/review')
  @HttpCode(200)
  @RequirePermission(Permission.AssignmentsReview)
  @ApiOperation({ summary: '审核进展报告（协调办）：采纳或退回' })
  @ApiOkResponse(STEP)
  @ApiErrorResponse(409, '该报告已审核过（ALREADY_DECIDED），或随办结申请报送、须通过销号或退回处理（REPORT_IS_FINAL）')
  reviewReport(@CurrentAccess() access: Access, @Param('reportId', ParseIdPipe) reportId: number, @Body() dto: ReviewReportDto): Promise<AssignmentDetailView> {
    return this.assignments.reviewReport(access, reportId, dto);
  }

  @Post('extension-requests/:extensionId/decision')
  @HttpCode(200)
  @RequirePermission(Permission.AssignmentsReview)
  @ApiOperation({ summary: '审批延期申请（协调办）：同意则期限改变，原期限保留在记录中' })
  @ApiOkResponse(STEP)
  @ApiErrorResponse(409, '该延期申请已处理过（ALREADY_DECIDED），或申请后任务的期限、状态已经改变（EXTENSION_OUTDATED）')
  decideExtension(@CurrentAccess() access: Access, @Param('extensionId', ParseIdPipe) extensionId: number, @Body() dto: ExtensionDecisionDto): Promise<AssignmentDetailView> {
    return this.assignments.decideExtension(access, extensionId, dto);
  }
}
