import { ParseIdPipe } from '../common/parse-id.pipe';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { ApiErrorResponse } from '../common/errors/error-body.view';
import { ParseOneOfPipe } from '../common/parse-one-of.pipe';
import { PRIORITIES, Priority } from './chase-terms';
import {
  ApproveEscalationDto,
  DismissEscalationDto,
  EscalationPage,
  EscalationQueryDto,
  EscalationView,
  PolicyView,
  ScheduledActionPage,
  ScheduleQueryDto,
  UpdatePolicyDto,
} from './dto/reminders.dto';
import { EscalationPoliciesService } from './escalation-policies.service';
import { EscalationsService } from './escalations.service';
import { ScheduleService } from './schedule.service';

@ApiTags('催办与督办升级')
@Controller('api/escalation-policies')
export class EscalationPoliciesController {
  constructor(private readonly policies: EscalationPoliciesService) {}

  @Get()
  @RequirePermission(Permission.EscalationsRead)
  @ApiOperation({ summary: '各优先级的督办规则（提醒天数与督办阶梯）' })
  @ApiOkResponse({ type: [PolicyView] })
  list(): Promise<PolicyView[]> {
    return this.policies.list();
  }

  @Put(':priority')
  @RequirePermission(Permission.EscalationsManage)
  @ApiParam({ name: 'priority', enum: ['normal', 'important', 'urgent'] })
  @ApiOperation({ summary: '修改某一优先级的督办规则；该优先级所有未办结任务随即重新排程' })
  @ApiOkResponse({ type: PolicyView })
  @ApiErrorResponse(409, '规则已被他人修改（STALE_VERSION）')
  update(@CurrentAccess() access: Access, @Param('priority', new ParseOneOfPipe(PRIORITIES, '优先级')) priority: Priority, @Body() dto: UpdatePolicyDto): Promise<PolicyView> {
    return this.policies.update(access, priority, dto);
  }
}

@ApiTags('催办与督办升级')
@Controller('api/escalations')
export class EscalationsController {
  constructor(private readonly escalations: EscalationsService) {}

  @Get()
  @RequirePermission(Permission.EscalationsRead)
  @ApiOperation({ summary: '督办升级事项（默认：待审批队列）' })
  @ApiOkResponse({ type: EscalationPage })
  list(@CurrentAccess() access: Access, @Query() query: EscalationQueryDto): Promise<EscalationPage> {
    return this.escalations.list(access, query);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission(Permission.EscalationsManage)
  @ApiOperation({ summary: '同意发出拟好的督办（通知单位联络员、领导和协调办）' })
  @ApiOkResponse({ type: EscalationView })
  @ApiErrorResponse(409, '已处理过（ALREADY_DECIDED），或随附的通知草稿还不完整（ATTACHED_DRAFT_INCOMPLETE）')
  approve(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: ApproveEscalationDto): Promise<EscalationView> {
    return this.escalations.approve(access, id, dto);
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @RequirePermission(Permission.EscalationsManage)
  @ApiOperation({ summary: '不予发出（须填写理由）' })
  @ApiOkResponse({ type: EscalationView })
  @ApiErrorResponse(409, '已处理过（ALREADY_DECIDED）')
  dismiss(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() dto: DismissEscalationDto): Promise<EscalationView> {
    return this.escalations.dismiss(access, id, dto);
  }
}

@ApiTags('催办与督办升级')
@Controller('api/scheduled-actions')
export class ScheduledActionsController {
  constructor(private readonly schedule: ScheduleService) {}

  @Get()
  @RequirePermission(Permission.ScheduleRead)
  @ApiOperation({ summary: '计划中的提醒与督办：未来 N 个工作日内，或某一任务的全部', description: '成员单位只看到本单位任务的计划。status 可查已执行、已取消或执行失败的动作。' })
  @ApiOkResponse({ type: ScheduledActionPage })
  list(@CurrentAccess() access: Access, @Query() query: ScheduleQueryDto): Promise<ScheduledActionPage> {
    return this.schedule.list(access, query);
  }
}
