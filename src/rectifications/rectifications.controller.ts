import { ParseIdPipe } from '../common/parse-id.pipe';
import { Body, Controller, Get, HttpCode, Param, Post, Query, UploadedFiles } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import type { UploadedFile } from '../attachments/attachments.service';
import { UploadFiles } from '../attachments/upload.interceptor';
import { ApiErrorResponse } from '../common/errors/error-body.view';
import { RectificationNoteDto, RectificationPlanDto, RectificationReasonDto, RectificationDetailView, RectificationPage, RectificationQueryDto, RectificationReopenDto, RectificationReportDto } from './dto/rectification.dto';
import { RectificationsService } from './rectifications.service';

const STEP = { type: RectificationDetailView };
const CONFLICT = '当前状态不允许此操作（ILLEGAL_TRANSITION），或已被他人更新（STALE_VERSION）';

@ApiTags('整改事项')
@Controller('api/rectifications')
export class RectificationsController {
  constructor(private readonly rectifications: RectificationsService) {}

  @Get()
  @RequirePermission(Permission.RectificationsRead)
  @ApiOperation({ summary: '整改事项列表（成员单位只看本单位已下发的），未销号的在前' })
  @ApiOkResponse({ type: RectificationPage })
  list(@CurrentAccess() access: Access, @Query() query: RectificationQueryDto): Promise<RectificationPage> {
    return this.rectifications.list(access, query);
  }

  @Get(':id')
  @RequirePermission(Permission.RectificationsRead)
  @ApiOperation({ summary: '整改事项详情：全过程记录、佐证材料和可进行的操作' })
  @ApiOkResponse(STEP)
  get(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number): Promise<RectificationDetailView> {
    return this.rectifications.get(access, id);
  }

  @Post(':id/plan')
  @HttpCode(200)
  @RequirePermission(Permission.RectificationsWork)
  @ApiOperation({ summary: '报送整改方案（成员单位）' })
  @ApiOkResponse(STEP)
  @ApiErrorResponse(409, CONFLICT)
  submitPlan(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: RectificationPlanDto): Promise<RectificationDetailView> {
    return this.rectifications.submitPlan(access, id, dto);
  }

  @Post(':id/plan/accept')
  @HttpCode(200)
  @RequirePermission(Permission.RectificationsReview)
  @ApiOperation({ summary: '通过整改方案（协调办）' })
  @ApiOkResponse(STEP)
  @ApiErrorResponse(409, CONFLICT)
  acceptPlan(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: RectificationNoteDto): Promise<RectificationDetailView> {
    return this.rectifications.acceptPlan(access, id, dto);
  }

  @Post(':id/plan/return')
  @HttpCode(200)
  @RequirePermission(Permission.RectificationsReview)
  @ApiOperation({ summary: '退回整改方案（协调办，须填写理由）' })
  @ApiOkResponse(STEP)
  @ApiErrorResponse(409, CONFLICT)
  returnPlan(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: RectificationReasonDto): Promise<RectificationDetailView> {
    return this.rectifications.returnPlan(access, id, dto);
  }

  @Post(':id/report')
  @HttpCode(200)
  @RequirePermission(Permission.RectificationsWork)
  @UploadFiles()
  @ApiOperation({ summary: '报送整改报告（成员单位），须附佐证材料（字段 files）' })
  @ApiOkResponse(STEP)
  @ApiErrorResponse(409, CONFLICT)
  submitReport(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: RectificationReportDto, @UploadedFiles() files: UploadedFile[] = []): Promise<RectificationDetailView> {
    return this.rectifications.submitReport(access, id, dto, files);
  }

  @Post(':id/sign-off')
  @HttpCode(200)
  @RequirePermission(Permission.RectificationsReview)
  @ApiOperation({ summary: '验收销号（协调办）' })
  @ApiOkResponse(STEP)
  @ApiErrorResponse(409, CONFLICT)
  signOff(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: RectificationNoteDto): Promise<RectificationDetailView> {
    return this.rectifications.signOff(access, id, dto);
  }

  @Post(':id/report/return')
  @HttpCode(200)
  @RequirePermission(Permission.RectificationsReview)
  @ApiOperation({ summary: '退回整改报告（协调办，须填写理由）' })
  @ApiOkResponse(STEP)
  @ApiErrorResponse(409, CONFLICT)
  returnReport(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: RectificationReasonDto): Promise<RectificationDetailView> {
    return this.rectifications.returnReport(access, id, dto);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @RequirePermission(Permission.RectificationsReview)
  @ApiOperation({ summary: '回头看发现问题反弹，重新整改（协调办，须填写理由和新时限）' })
  @ApiOkResponse(STEP)
  @ApiErrorResponse(409, CONFLICT)
  reopen(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: RectificationReopenDto): Promise<RectificationDetailView> {
    return this.rectifications.reopen(access, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission(Permission.RectificationsReview)
  @ApiOperation({ summary: '撤销整改事项（协调办，须填写理由）' })
  @ApiOkResponse(STEP)
  @ApiErrorResponse(409, CONFLICT)
  cancel(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: RectificationReasonDto): Promise<RectificationDetailView> {
    return this.rectifications.cancel(access, id, dto);
  }
}
