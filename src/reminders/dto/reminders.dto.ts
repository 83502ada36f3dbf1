import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageOf, PageQueryDto } from '../../common/dto/page.dto';
import { Label } from '../../common/dto/label';
import { EmptyAsUndefined, OptionalQueryId, trim } from '../../common/dto/transforms';
import { PRIORITIES, Priority } from '../chase-terms';
import { ESCALATION_STATUSES, EscalationStatus } from '../escalation.entity';
import { ACTION_KINDS, ActionKind, LadderSettings, RUNG_MODES, RUNGS, RungMode } from '../escalation-ladder';
import { ACTION_STATUSES, ActionStatus } from '../scheduled-action.entity';

const ReminderDays = (label: string) => applyDecorators(IsArray(), ArrayMaxSize(10), IsInt({ each: true }), Min(1, { each: true }), Max(60, { each: true }), Label(label));
/** One rung of the ladder, named after the measure it sets (`通报的逾期工作日数`). */
const Rung = (label: string) => applyDecorators(ValidateNested(), Type(() => RungRuleDto), Label(label));

export class RungRuleDto {
  @ApiProperty({ description: '逾期多少个工作日后（0 为到期当日）', minimum: 0, maximum: 250 })
  @IsInt()
  @Min(0)
  @Max(250)
  @Label('逾期工作日数')
  afterDays!: number;

  @ApiProperty({ enum: RUNG_MODES, description: 'auto 自动发出；approval 拟好后待协调办审批；off 不启用' })
  @IsIn(RUNG_MODES)
  @Label('方式')
  mode!: RungMode;
}

export class RungsDto {
  @ApiProperty({ type: RungRuleDto, description: '督办通知书' })
  @Rung('督办通知书')
  supervision_notice!: RungRuleDto;

  @ApiProperty({ type: RungRuleDto, description: '通报' })
  @Rung('通报')
  circular!: RungRuleDto;

  @ApiProperty({ type: RungRuleDto, description: '约谈' })
  @Rung('约谈')
  interview!: RungRuleDto;

  @ApiProperty({ type: RungRuleDto, description: '黄牌挂牌' })
  @Rung('黄牌挂牌')
  yellow_card!: RungRuleDto;

  @ApiProperty({ type: RungRuleDto, description: '红牌挂牌' })
  @Rung('红牌挂牌')
  red_card!: RungRuleDto;
}

export class LadderDto {
  @ApiProperty({ type: [Number], description: '到期前多少个工作日提醒，如 [5, 3, 1]' })
  @ReminderDays('到期前的提醒日')
  reminderDays!: number[];

  @ApiProperty({ type: RungsDto })
  @ValidateNested()
  @Type(() => RungsDto)
  @Label('督办措施', { prefix: false })
  rungs!: RungsDto;

  @ApiProperty({ type: [Number], description: '长期事项：每期报送日前多少个工作日提醒' })
  @ReminderDays('报送日前的提醒日')
  reportReminderDays!: number[];

  @ApiProperty({ type: RungRuleDto, description: '长期事项：报送日后多少个工作日仍未报送即督办' })
  @Rung('未按期报送的督办')
  reportOverdue!: RungRuleDto;
}

export class UpdatePolicyDto {
  @ApiProperty({ description: '读取时的版本号；他人已修改则拒绝（STALE_VERSION）。从未修改过的默认规则为 0' })
  @IsInt()
  @Min(0)
  @Label('版本号')
  version!: number;

  @ApiProperty({ type: LadderDto })
  @ValidateNested()
  @Type(() => LadderDto)
  @Label('督办规则', { prefix: false })
  ladder!: LadderDto;
}

export class PolicyView {
  @ApiProperty({ enum: PRIORITIES })
  priority!: Priority;

  /** Every rung defined, those the form does not show included; documented as the form's shape. */
  @ApiProperty({ type: LadderDto })
  ladder!: LadderSettings;

  @ApiProperty({ description: '是否仍为系统默认' })
  isDefault!: boolean;

  @ApiProperty()
  version!: number;
}

export class EscalationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ESCALATION_STATUSES, description: '默认只看待审批' })
  @IsOptional()
  @EmptyAsUndefined()
  @IsIn(ESCALATION_STATUSES)
  @Label('状态')
  status: EscalationStatus = 'pending';

  @ApiPropertyOptional({ description: '只看某一任务' })
  @OptionalQueryId()
  @Label('任务')
  assignmentId?: number;

  @ApiPropertyOptional({ description: '只看某一整改事项' })
  @OptionalQueryId()
  @Label('整改事项')
  rectificationId?: number;
}

export class EscalationView {
  @ApiProperty()
  id!: number;

  @ApiProperty({ type: Number, nullable: true, description: '任务；其他事项的为 null' })
  assignmentId!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: '整改事项；其他事项的为 null' })
  rectificationId!: number | null;

  @ApiProperty({ description: '所催办事项的种类（assignment 任务、rectification 整改事项等）' })
  subjectKind!: string;

  @ApiProperty({ description: '所催办事项的编号（在其种类内）' })
  subjectId!: number;

  @ApiProperty({ description: '事项编号（整改事项为“整改-编号”）' })
  directiveCode!: string;

  @ApiProperty({ description: '事项名称' })
  directiveTitle!: string;

  @ApiProperty({ description: '页面地址' })
  link!: string;

  @ApiProperty()
  unitName!: string;

  @ApiProperty({ enum: [...RUNGS, 'report_overdue'] })
  rung!: string;

  @ApiProperty({ description: '针对的办理时限或报送期' })
  periodKey!: string;

  @ApiProperty({ nullable: true, type: Number, description: '随附的通知（督办通知书、通报、约谈通知书）' })
  noticeId!: number | null;

  @ApiProperty({ enum: ESCALATION_STATUSES })
  status!: EscalationStatus;

  @ApiProperty({ description: '拟发出的内容' })
  summary!: string;

  @ApiProperty({ nullable: true, type: String })
  decisionNote!: string | null;

  @ApiProperty({ nullable: true, type: Date })
  decidedAt!: Date | null;

  @ApiProperty()
  createdAt!: Date;
}

export class EscalationPage extends PageOf(EscalationView, 'EscalationPage') {}

export class ApproveEscalationDto {
  @ApiPropertyOptional({ description: '审批意见', maxLength: 500 })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @MaxLength(500)
  @Label('审批意见', { multiline: true })
  note?: string;
}

export class DismissEscalationDto {
  @ApiProperty({ description: '不予发出的理由（必填）', maxLength: 500 })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(500)
  @Label('不予发出的理由', { multiline: true })
  reason!: string;
}

export class ScheduleQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '未来多少个工作日内（默认 5）', default: 5, minimum: 1, maximum: 60 })
  @IsOptional()
  @EmptyAsUndefined()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  @Label('未来工作日数')
  withinDays: number = 5;

  @ApiPropertyOptional({ description: '只看某一任务（此时不限天数）' })
  @OptionalQueryId()
  @Label('任务')
  assignmentId?: number;

  @ApiPropertyOptional({ description: '只看某一整改事项（此时不限天数）' })
  @OptionalQueryId()
  @Label('整改事项')
  rectificationId?: number;

  @ApiPropertyOptional({ description: '只看某一单位' })
  @OptionalQueryId()
  @Label('单位')
  unitId?: number;

  @ApiPropertyOptional({ enum: ACTION_STATUSES, default: 'pending' })
  @IsOptional()
  @EmptyAsUndefined()
  @IsIn(ACTION_STATUSES)
  @Label('状态')
  status: ActionStatus = 'pending';
}

export class ScheduledActionView {
  @ApiProperty()
  id!: number;

  @ApiProperty({ type: Number, nullable: true, description: '任务；其他事项的为 null' })
  assignmentId!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: '整改事项；其他事项的为 null' })
  rectificationId!: number | null;

  @ApiProperty({ description: '所催办事项的种类（assignment 任务、rectification 整改事项等）' })
  subjectKind!: string;

  @ApiProperty({ description: '所催办事项的编号（在其种类内）' })
  subjectId!: number;

  @ApiProperty({ description: '事项编号（整改事项为“整改-编号”）' })
  directiveCode!: string;

  @ApiProperty({ description: '事项名称' })
  directiveTitle!: string;

  @ApiProperty({ description: '页面地址' })
  link!: string;

  @ApiProperty()
  unitName!: string;

  @ApiProperty({ enum: ACTION_KINDS })
  kind!: ActionKind;

  @ApiProperty()
  periodKey!: string;

  @ApiProperty({ description: '计划执行时间' })
  dueAt!: Date;

  @ApiProperty({ enum: ACTION_STATUSES })
  status!: ActionStatus;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ nullable: true, type: String })
  lastError!: string | null;

  @ApiProperty({ nullable: true, type: String, description: '执行结果' })
  outcome!: string | null;
}

export class ScheduledActionPage extends PageOf(ScheduledActionView, 'ScheduledActionPage') {}

/**
 * The API names work by `assignmentId` or `rectificationId`, as it did before the schedule and the rungs
 * were keyed by (subject kind, id): these two kinds keep their fields, mapped from and to the subject.
 */
const LEGACY_SUBJECT_FIELDS = { assignment: 'assignmentId', rectification: 'rectificationId' } as const;

/** The subject a query names through its legacy field, if any. */
export function subjectOfQuery(query: { assignmentId?: number; rectificationId?: number }): { kind: string; id: number } | null {
  for (const [kind, field] of Object.entries(LEGACY_SUBJECT_FIELDS)) {
    const id = query[field];
    if (id) return { kind, id };
  }
  return null;
}

/** A row's legacy fields: its id under its kind's field, null under the other. */
export function legacySubjectIds(row: { subjectKind: string; subjectId: number }): { assignmentId: number | null; rectificationId: number | null } {
  const ids = { assignmentId: null as number | null, rectificationId: null as number | null };
  const field = LEGACY_SUBJECT_FIELDS[row.subjectKind as keyof typeof LEGACY_SUBJECT_FIELDS];
  if (field) ids[field] = row.subjectId;
  return ids;
}
