import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsIsoDate } from '../../common/dto/dates';
import { Label } from '../../common/dto/label';
import { PageOf, PageQueryDto } from '../../common/dto/page.dto';
import { EmptyAsUndefined, IsId, IsOmittable, OptionalQueryFlag, OptionalQueryId, trim } from '../../common/dto/transforms';
import { PRIORITIES, Priority } from '../../directives/directive.entity';
import { AttachmentView } from '../../documents/dto/document.dto';
import { RECTIFICATION_ACTIONS, RECTIFICATION_STATUSES, RectificationAction, RectificationStatus } from '../rectification-state';

const Text = (description: string, max: number) => applyDecorators(ApiProperty({ description, maxLength: max }), IsString(), Transform(trim), IsNotEmpty(), MaxLength(max));
/** Forms send numbers as text; `@Type` reads them as numbers either way. */
const Version = () => applyDecorators(ApiProperty({ description: '读取整改事项时的版本号' }), Type(() => Number), IsInt(), Min(1), Label('版本号'));

/** A finding: one problem at one unit, recorded on an inspection before it is issued. */
export class FindingDto {
  @ApiProperty({ description: '责任单位' })
  @IsId()
  @Label('责任单位')
  unitId!: number;

  @Text('问题发现地点（网点、村社、门店等）', 100) @Label('问题地点') location!: string;
  @Text('发现的问题', 1000) @Label('问题描述', { multiline: true }) problem!: string;
  @Text('违反的要求或规定', 200) @Label('违反的规定') rule!: string;

  @ApiProperty({ type: [String], description: '整改要求，逐条', maxItems: 10 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value))
  @Label('整改要求', { item: '第{n}条整改要求' })
  requirements!: string[];

  @ApiProperty({ description: '整改时限：自下发之日起的工作日数', minimum: 1, maximum: 250 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(250)
  @Label('整改时限（工作日数）')
  deadlineDays!: number;

  @ApiPropertyOptional({ description: '回头看（复查）日期 YYYY-MM-DD' })
  @IsOptional()
  @EmptyAsUndefined()
  @IsIsoDate()
  @Label('复查日期')
  recheckOn?: string;

  @ApiPropertyOptional({ enum: PRIORITIES, default: 'important', description: '决定适用的督办阶梯' })
  @IsOmittable()
  @IsIn(PRIORITIES)
  @Label('紧急程度')
  priority: Priority = 'important';
}

export class RectificationVersionDto {
  @Version() version!: number;
}

export class RectificationNoteDto extends RectificationVersionDto {
  @ApiPropertyOptional({ description: '审核意见', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @MaxLength(1000)
  @Label('审核意见', { multiline: true })
  note?: string;
}

export class RectificationReasonDto extends RectificationVersionDto {
  @Text('理由（必填）', 1000) @Label('理由', { multiline: true }) reason!: string;
}

export class RectificationPlanDto extends RectificationVersionDto {
  @Text('整改方案：措施、责任人、完成时间', 5000) @Label('整改方案', { multiline: true }) plan!: string;
}

/** The report; sent as multipart/form-data with its evidence in field `files`. */
export class RectificationReportDto extends RectificationVersionDto {
  @Text('整改报告：整改情况和成效', 5000) @Label('整改报告', { multiline: true }) report!: string;
}

export class RectificationReopenDto extends RectificationReasonDto {
  @ApiProperty({ description: '重新整改的时限：自今日起的工作日数', minimum: 1, maximum: 250 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(250)
  @Label('整改时限（工作日数）')
  deadlineDays!: number;

  @ApiPropertyOptional({ description: '下次回头看日期 YYYY-MM-DD' })
  @IsOptional()
  @EmptyAsUndefined()
  @IsIsoDate()
  @Label('复查日期')
  recheckOn?: string;
}

export class RectificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @OptionalQueryId() @Label('督导检查') inspectionId?: number;
  @ApiPropertyOptional() @OptionalQueryId() @Label('单位') unitId?: number;

  @ApiPropertyOptional({ enum: RECTIFICATION_STATUSES })
  @IsOptional()
  @EmptyAsUndefined()
  @IsIn(RECTIFICATION_STATUSES)
  @Label('状态')
  status?: RectificationStatus;

  @ApiPropertyOptional({ description: '只看未销号的（已下发、未销号、未撤销）' })
  @OptionalQueryFlag()
  @Label('只看未销号')
  open?: boolean;

  @ApiPropertyOptional({ description: '只看逾期的' })
  @OptionalQueryFlag()
  @Label('只看逾期')
  overdue?: boolean;
}

export class RectificationView {
  @ApiProperty() id!: number;
  @ApiProperty({ description: '编号，如 整改-12' }) code!: string;
  @ApiProperty() inspectionId!: number;
  @ApiProperty() inspectionTitle!: string;
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty() location!: string;
  @ApiProperty() problem!: string;
  @ApiProperty() rule!: string;
  @ApiProperty({ type: [String] }) requirements!: string[];
  @ApiProperty({ enum: PRIORITIES }) priority!: Priority;
  @ApiProperty() deadlineDays!: number;
  @ApiProperty({ type: String, nullable: true }) deadline!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '剩余工作日（负数为逾期工作日）' }) workingDaysLeft!: number | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ type: String, nullable: true }) recheckOn!: string | null;
  @ApiProperty({ enum: RECTIFICATION_STATUSES }) status!: RectificationStatus;
  @ApiProperty({ type: String, nullable: true, description: '单位下一步要做的事' }) nextStep!: string | null;
  @ApiProperty({ type: Number, nullable: true }) noticeId!: number | null;
  @ApiProperty() reopenCount!: number;
  @ApiProperty() version!: number;
}

export class RectificationEventView {
  @ApiProperty() id!: number;
  @ApiProperty() action!: string;
  @ApiProperty({ type: String, nullable: true }) fromStatus!: string | null;
  @ApiProperty() toStatus!: string;
  @ApiProperty({ type: String, nullable: true, description: '整改方案、整改报告或理由' }) body!: string | null;
  @ApiProperty({ type: String, nullable: true }) deadline!: string | null;
  @ApiProperty({ type: [AttachmentView], description: '佐证材料' }) attachments!: AttachmentView[];
  @ApiProperty() occurredAt!: Date;
  @ApiProperty({ type: String, nullable: true, description: '操作人；系统自动的为 null' }) actorName!: string | null;
}

export class RectificationDetailView extends RectificationView {
  @ApiProperty({ type: [RectificationEventView], description: '全过程记录' }) history!: RectificationEventView[];
  @ApiProperty({ enum: RECTIFICATION_ACTIONS, isArray: true, description: '当前账号此刻可以进行的操作' }) availableActions!: RectificationAction[];
}

export class RectificationPage extends PageOf(RectificationView, 'RectificationPage') {}
