import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsIsoDate } from '../../common/dto/dates';
import { Label } from '../../common/dto/label';
import { PageOf } from '../../common/dto/page.dto';
import { EmptyAsUndefined, OptionalQueryId, trim } from '../../common/dto/transforms';
import { AttachmentView } from '../../documents/dto/document.dto';
import { PRIORITIES, Priority, REPORT_CYCLES, ReportCycle } from '../../directives/directive.entity';
import { ASSIGNMENT_ACTIONS, ASSIGNMENT_STATUSES, AssignmentAction, AssignmentStatus } from '../assignment-state';
import { ASSIGNMENT_ROLES, AssignmentRole } from '../assignment.entity';
import { EXTENSION_STATUSES, ExtensionStatus } from '../extension-request.entity';
import { REPORT_STATUSES, ReportStatus } from '../progress-report.entity';
import { OptionalQueryFlag } from '../../common/dto/transforms';
import { WorkFilterDto } from './work-filter.dto';

/** Every step on an assignment names the version it was read at; a stale one answers 409. */
export class VersionDto {
  @ApiProperty({ description: '读取任务时的版本号' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Label('版本号')
  version!: number;
}

export class ReasonDto extends VersionDto {
  @ApiProperty({ description: '理由（必填）', maxLength: 500 })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(500)
  @Label('理由', { multiline: true })
  reason!: string;
}

/** A progress report; sent as multipart/form-data when it carries files, so numbers may arrive as text. */
export class ReportDto extends VersionDto {
  @ApiProperty({ description: '进展情况', maxLength: 5000 })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(5000)
  @Label('进展情况', { multiline: true })
  narrative!: string;

  @ApiProperty({ description: '完成百分比 0–100', minimum: 0, maximum: 100 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  @Label('完成百分比')
  percentDone!: number;

  @ApiPropertyOptional({ description: '指标当前值（事项有量化目标时填写）' })
  @IsOptional()
  @EmptyAsUndefined()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @Min(-1e9)
  @Max(1e9)
  @Label('指标当前值')
  metricValue?: number;
}

export class ReviewReportDto {
  @ApiProperty({ enum: ['accept', 'return'], description: 'accept 采纳；return 退回（须填写理由）' })
  @IsIn(['accept', 'return'])
  @Label('审核结果')
  decision!: 'accept' | 'return';

  @ApiPropertyOptional({ description: '退回理由或审核意见', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Label('审核意见', { multiline: true })
  note?: string;
}

export class ExtensionRequestDto extends VersionDto {
  @ApiProperty({ description: '申请延至 YYYY-MM-DD' })
  @IsIsoDate()
  @Label('延期后的期限')
  requestedDeadline!: string;

  @ApiProperty({ description: '延期理由', maxLength: 500 })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(500)
  @Label('延期理由', { multiline: true })
  reason!: string;
}

export class ExtensionDecisionDto {
  @ApiProperty({ enum: ['grant', 'refuse'] })
  @IsIn(['grant', 'refuse'])
  @Label('审批结果')
  decision!: 'grant' | 'refuse';

  @ApiPropertyOptional({ description: '审批意见（不同意时必填）', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Label('审批意见', { multiline: true })
  note?: string;
}

export class AssignmentQueryDto extends WorkFilterDto {
  @ApiPropertyOptional({ description: '督办事项' })
  @OptionalQueryId()
  @Label('督办事项')
  directiveId?: number;

  @ApiPropertyOptional({ description: '只看待协调办处理的（申请办结、待审核报告、待审批延期）' })
  @OptionalQueryFlag()
  @Label('只看待审核')
  awaitingReview?: boolean;

  @ApiPropertyOptional({ description: 'true：只看在办的（未销号、未撤销）；false：只看已销号或已撤销的' })
  @OptionalQueryFlag()
  @Label('只看在办')
  open?: boolean;
}

export class AssignmentView {
  @ApiProperty() id!: number;
  @ApiProperty() directiveId!: number;
  @ApiProperty() directiveCode!: string;
  @ApiProperty() directiveTitle!: string;
  @ApiProperty({ enum: PRIORITIES }) priority!: Priority;
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: ASSIGNMENT_ROLES }) role!: AssignmentRole;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status!: AssignmentStatus;
  @ApiProperty({ type: String, nullable: true }) deadline!: string | null;
  @ApiProperty({ enum: REPORT_CYCLES, nullable: true, description: '长期坚持事项的报送周期' }) reportCycle!: ReportCycle | null;
  @ApiProperty({ type: Number, nullable: true, description: '报送日：每周为星期几，每月或每季度末月为几号（31 为月底）' }) reportDay!: number | null;
  @ApiProperty({ type: String, nullable: true, description: '长期坚持的任务在办时，下次报送的日期 YYYY-MM-DD' }) nextReportDue!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '剩余工作日（负数为超期工作日）' }) workingDaysLeft!: number | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: Number, nullable: true }) targetValue!: number | null;
  @ApiProperty() percentDone!: number;
  @ApiProperty({ type: Number, nullable: true }) metricValue!: number | null;
  @ApiProperty() version!: number;
}

export class ReportView {
  @ApiProperty() id!: number;
  @ApiProperty() assignmentId!: number;
  @ApiProperty() narrative!: string;
  @ApiProperty() percentDone!: number;
  @ApiProperty({ type: Number, nullable: true }) metricValue!: number | null;
  @ApiProperty({ description: '随办结申请一并报送' }) isFinal!: boolean;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiProperty({ type: String, nullable: true, description: '退回理由或审核意见' }) reviewNote!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt!: Date;
  @ApiProperty({ type: String, nullable: true, description: '报送人' }) submittedByName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '审核人；未审核为 null' }) reviewedByName!: string | null;
  @ApiProperty({ type: [AttachmentView] }) attachments!: AttachmentView[];
}

export class ExtensionView {
  @ApiProperty() id!: number;
  @ApiProperty() assignmentId!: number;
  @ApiProperty() currentDeadline!: string;
  @ApiProperty() requestedDeadline!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: EXTENSION_STATUSES }) status!: ExtensionStatus;
  @ApiProperty({ type: String, nullable: true }) decisionNote!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt!: Date;
  @ApiProperty({ type: String, nullable: true, description: '申请人' }) requestedByName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '审批人；未审批为 null' }) decidedByName!: string | null;
}

export class EventView {
  @ApiProperty() action!: string;
  @ApiProperty({ type: String, nullable: true }) fromStatus!: string | null;
  @ApiProperty() toStatus!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt!: Date;
  @ApiProperty({ type: String, nullable: true, description: '操作人；系统自动的为 null' }) actorName!: string | null;
}

export class AssignmentDetailView extends AssignmentView {
  @ApiProperty() requirement!: string;
  @ApiProperty({ type: String, nullable: true }) metricName!: string | null;
  @ApiProperty({ type: String, nullable: true }) metricUnit!: string | null;
  @ApiProperty({ type: [ReportView], description: '本任务的进展报告；牵头单位查看配合单位任务时也可见' }) reports!: ReportView[];
  @ApiProperty({ type: [ExtensionView] }) extensions!: ExtensionView[];
  @ApiProperty({ type: [EventView], description: '办理经过' }) history!: EventView[];
  @ApiProperty({ enum: ASSIGNMENT_ACTIONS, isArray: true, description: '当前账号此刻可以进行的操作' }) availableActions!: AssignmentAction[];
}

export class AssignmentPage extends PageOf(AssignmentView, 'AssignmentPage') {}
