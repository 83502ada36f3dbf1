import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DATE_YEARS } from '../../common/dto/dates';
import { Label } from '../../common/dto/label';
import { EmptyAsUndefined, IsOmittable, OptionalQueryId, trim } from '../../common/dto/transforms';
import { AttachmentView } from '../../documents/dto/document.dto';
import { OBJECTION_STATUS_LABELS, OBJECTION_STATUSES, ObjectionStatus, PERIOD_STATUSES, PeriodStatus } from '../assessment.entity';
import { PERIOD_KIND_LABELS, PERIOD_KINDS, PeriodKind, RULE_INFO, RULE_KEYS, RuleKey } from '../assessment-rules';

const Version = () => applyDecorators(ApiProperty({ description: '读取时的版本号' }), Type(() => Number), IsInt(), Min(1), Label('版本号'));
const Points = (label: string, min: number, max: number) => applyDecorators(Type(() => Number), IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }), Min(min), Max(max), Label(label));
/** One of a few values, refused in Chinese with the names people know them by (not the codes). */
const OneOf = <T extends string>(labels: Record<T, string>) => IsIn(Object.keys(labels), { message: `应为${Object.values<string>(labels).join('、')}之一` });
const Note = (label: string) => applyDecorators(ApiProperty({ maxLength: 1000 }), IsString(), Transform(trim), IsNotEmpty(), MaxLength(1000), Label(label, { multiline: true }));

export class RuleSettingDto {
  @ApiProperty({ description: '每次计分（负数为扣分），最多两位小数', minimum: -100, maximum: 100 })
  @Points('分值', -100, 100)
  points!: number;

  @ApiPropertyOptional({ type: Number, nullable: true, description: '本规则每期对一个单位加减分的上限；空为不设上限', minimum: 0, maximum: 1000 })
  @IsOptional()
  @Points('上限', 0, 1000)
  cap?: number | null;
}

/** One nested setting per rule, each with its Chinese name for messages. */
const Setting = (key: RuleKey) => applyDecorators(ApiProperty({ type: RuleSettingDto, description: `${RULE_INFO[key].label}：${RULE_INFO[key].counts}` }), ValidateNested(), Type(() => RuleSettingDto), Label(RULE_INFO[key].label));

export class RuleItemsDto implements Record<RuleKey, RuleSettingDto> {
  @Setting('closed_on_time') closed_on_time!: RuleSettingDto;
  @Setting('overdue_item') overdue_item!: RuleSettingDto;
  @Setting('overdue_day') overdue_day!: RuleSettingDto;
  @Setting('report_returned') report_returned!: RuleSettingDto;
  @Setting('supervision_notice') supervision_notice!: RuleSettingDto;
  @Setting('circular') circular!: RuleSettingDto;
  @Setting('interview_letter') interview_letter!: RuleSettingDto;
  @Setting('card_listed') card_listed!: RuleSettingDto;
  @Setting('rectification_overdue') rectification_overdue!: RuleSettingDto;
  @Setting('rectification_signed_off') rectification_signed_off!: RuleSettingDto;
  @Setting('target_met') target_met!: RuleSettingDto;
  @Setting('target_missed') target_missed!: RuleSettingDto;
}

export class UpdateRulesDto {
  @Version() version!: number;

  @ApiProperty({ description: '基础分', minimum: 0, maximum: 1000 })
  @Points('基础分', 0, 1000)
  baseScore!: number;

  @ApiProperty({ description: '牵头单位的任务计分权重', minimum: 0, maximum: 5 })
  @Points('牵头单位权重', 0, 5)
  leadWeight!: number;

  @ApiProperty({ description: '配合单位的任务计分权重', minimum: 0, maximum: 5 })
  @Points('配合单位权重', 0, 5)
  cooperatingWeight!: number;

  @ApiProperty({ enum: PERIOD_KINDS, description: '考核周期' })
  @OneOf(PERIOD_KIND_LABELS)
  @Label('考核周期')
  periodKind!: PeriodKind;

  @ApiProperty({ description: '发布后可申诉的工作日数', minimum: 0, maximum: 30 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(30)
  @Label('申诉期（工作日）')
  objectionDays!: number;

  @ApiProperty({ type: RuleItemsDto })
  @ValidateNested()
  @Type(() => RuleItemsDto)
  @Label('计分规则', { prefix: false })
  items!: RuleItemsDto;
}

export class RuleDescriptionView {
  @ApiProperty({ enum: RULE_KEYS }) key!: RuleKey;
  @ApiProperty() label!: string;
  @ApiProperty({ description: '计入的系统记录' }) counts!: string;
  @ApiProperty({ description: '按牵头或配合单位加权' }) weighted!: boolean;
  @ApiProperty({ enum: ['reward', 'penalty'], description: '加分项（分值 ≥ 0）或扣分项（分值 ≤ 0）' }) sign!: 'reward' | 'penalty';
  @ApiProperty() points!: number;
  @ApiProperty({ type: Number, nullable: true }) cap!: number | null;
}

export class RulesView {
  @ApiProperty() version!: number;
  @ApiProperty() baseScore!: number;
  @ApiProperty() leadWeight!: number;
  @ApiProperty() cooperatingWeight!: number;
  @ApiProperty({ enum: PERIOD_KINDS }) periodKind!: PeriodKind;
  @ApiProperty() objectionDays!: number;
  @ApiProperty({ type: RuleItemsDto }) items!: RuleItemsDto;
  @ApiProperty({ type: [RuleDescriptionView], description: '每条规则计入哪些系统记录' }) descriptions!: RuleDescriptionView[];
}

export class CreatePeriodDto {
  @ApiProperty({ enum: PERIOD_KINDS })
  @OneOf(PERIOD_KIND_LABELS)
  @Label('考核周期')
  kind!: PeriodKind;

  @ApiProperty({ minimum: DATE_YEARS.first, maximum: DATE_YEARS.last })
  @Type(() => Number)
  @IsInt()
  @Min(DATE_YEARS.first)
  @Max(DATE_YEARS.last)
  @Label('年度')
  year!: number;

  @ApiProperty({ description: '月度 1–12，季度 1–4，年度 1', minimum: 1, maximum: 12 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  @Label('期次')
  number!: number;
}

export class PeriodVersionDto {
  @Version() version!: number;
}

export class PeriodView {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: PERIOD_KINDS }) kind!: PeriodKind;
  @ApiProperty() year!: number;
  @ApiProperty() number!: number;
  @ApiProperty({ description: '如 2026年第3季度' }) label!: string;
  @ApiProperty() startOn!: string;
  @ApiProperty() endOn!: string;
  @ApiProperty({ enum: PERIOD_STATUSES }) status!: PeriodStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ description: '期末次日：从这天起可以发布排名，之前的预览是临时结果' }) publishableFrom!: string;
  @ApiProperty({ type: String, nullable: true }) publishedOn!: string | null;
  @ApiProperty({ description: '现行快照版本（未发布为 0）' }) currentVersion!: number;
  @ApiProperty({ type: String, nullable: true, description: '申诉截止日' }) objectionsUntil!: string | null;
  @ApiProperty({ type: Number, nullable: true }) circularNoticeId!: number | null;
  @ApiProperty() version!: number;
}

export class RankingRowView {
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty({ description: '单位简称（现用）' }) shortName!: string;
  @ApiProperty() base!: number;
  @ApiProperty() total!: number;
  @ApiProperty() rank!: number;
  @ApiProperty({ description: '与其他单位同分（并列，按单位顺序排列）' }) tied!: boolean;
}

export class RankingView {
  @ApiProperty({ type: PeriodView }) period!: PeriodView;
  @ApiProperty({ type: Number, nullable: true, description: '快照版本；null 为实时预览' }) snapshotVersion!: number | null;
  @ApiProperty({ type: [RankingRowView] }) rows!: RankingRowView[];
}

export class SnapshotView {
  @ApiProperty() versionNo!: number;
  @ApiProperty() reason!: string;
  @ApiProperty() createdAt!: Date;
}

export class LinesQueryDto {
  @ApiPropertyOptional({ description: '单位；成员单位只能查本单位' })
  @OptionalQueryId()
  @Label('单位')
  unitId?: number;

  @ApiPropertyOptional({ description: '快照版本，默认现行版本' })
  @IsOptional()
  @EmptyAsUndefined()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Label('快照版本')
  version?: number;
}

export class LineView {
  @ApiProperty({ type: Number, nullable: true, description: '快照中的行号；预览时为 null' }) id!: number | null;
  @ApiProperty({ description: '单位内序号，各版本相同' }) seq!: number;
  @ApiProperty() unitId!: number;
  @ApiProperty({ enum: RULE_KEYS }) rule!: RuleKey;
  @ApiProperty() ruleLabel!: string;
  @ApiProperty() on!: string;
  @ApiProperty() event!: string;
  @ApiProperty() recordType!: string;
  @ApiProperty() recordId!: number;
  @ApiProperty({ description: '记录所在页面' }) link!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() weight!: number;
  @ApiProperty({ description: '封顶前分值' }) raw!: number;
  @ApiProperty() points!: number;
  @ApiProperty() capped!: boolean;
  @ApiProperty({ type: String, nullable: true, description: '申诉采纳后的更正说明' }) correction!: string | null;
}

export class ObjectionDto {
  @Note('申诉理由') reason!: string;
}

export class AcceptObjectionDto {
  @Version() version!: number;

  @ApiProperty({ description: '该行更正后的分值（0 为不计分）：须与现行分值不同，符合规则的加减分方向，并在规则上限之内', minimum: -100, maximum: 100 })
  @Points('更正后的分值', -100, 100)
  points!: number;

  @Note('处理意见') note!: string;
}

export class RejectObjectionDto {
  @Version() version!: number;
  @Note('驳回理由') note!: string;
}

export class ObjectionQueryDto {
  @ApiPropertyOptional({ enum: OBJECTION_STATUSES })
  @IsOptional()
  @EmptyAsUndefined()
  @OneOf(OBJECTION_STATUS_LABELS)
  @Label('状态')
  status?: ObjectionStatus;

  @ApiPropertyOptional()
  @OptionalQueryId()
  @Label('考核期')
  periodId?: number;
}

export class ObjectionView {
  @ApiProperty() id!: number;
  @ApiProperty() periodId!: number;
  @ApiProperty() periodLabel!: string;
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty() lineSeq!: number;
  @ApiProperty({ type: LineView, nullable: true, description: '申诉的计分行（现行版本）' }) line!: LineView | null;
  @ApiProperty() snapshotVersion!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: OBJECTION_STATUSES }) status!: ObjectionStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ type: String, nullable: true }) decisionNote!: string | null;
  @ApiProperty({ type: Number, nullable: true }) correctedPoints!: number | null;
  @ApiProperty({ type: Number, nullable: true }) resultVersion!: number | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) decidedAt!: Date | null;
  @ApiProperty({ type: [AttachmentView] }) attachments!: AttachmentView[];
  @ApiProperty() version!: number;
}

export const CIRCULAR_MODES = ['draft', 'issue'] as const;
const CIRCULAR_MODE_LABELS: Record<(typeof CIRCULAR_MODES)[number], string> = { draft: 'draft（生成草稿）', issue: 'issue（立即印发）' };

export class CircularResultView {
  @ApiProperty({ description: '通知编号' }) noticeId!: number;
  @ApiProperty({ type: String, nullable: true, description: '文号；草稿为 null' }) number!: string | null;
  @ApiProperty({ description: '更新了本期已有的通报草稿（而不是另起一份）' }) refreshedDraft!: boolean;
}

export class IssuedCircularView {
  @ApiProperty() noticeId!: number;
  @ApiProperty({ description: '文号' }) number!: string;
}

export class CircularOutlookView {
  @ApiProperty({ type: PeriodView }) period!: PeriodView;
  @ApiProperty({ type: [IssuedCircularView], description: '本期已印发（未作废）的考核排名通报；再印发将是另一份' }) issued!: IssuedCircularView[];
  @ApiProperty({ type: Number, nullable: true, description: '本期的通报草稿；生成或印发时沿用它' }) draftId!: number | null;
  @ApiProperty({ description: '申诉期尚未截止' }) objectionsOpen!: boolean;
  @ApiProperty({ description: '待处理的申诉数' }) pendingObjections!: number;
  @ApiProperty({ type: [String], description: '没有启用账号、无人能签收的接收方' }) unreachable!: string[];
}

export class CircularDto {
  @ApiPropertyOptional({ enum: CIRCULAR_MODES, default: 'draft', description: 'draft 生成草稿待审改；issue 立即印发' })
  @IsOmittable()
  @OneOf(CIRCULAR_MODE_LABELS)
  @Label('通报方式')
  mode: (typeof CIRCULAR_MODES)[number] = 'draft';
}

/** The ranking page's filters: the period, the unit whose lines are shown, the snapshot version. */
export class AssessmentPageQueryDto extends LinesQueryDto {
  @ApiPropertyOptional()
  @OptionalQueryId()
  @Label('考核期')
  periodId?: number;
}
