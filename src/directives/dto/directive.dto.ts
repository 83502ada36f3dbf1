import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ASSIGNMENT_STATUSES, AssignmentStatus } from '../../assignments/assignment-state';
import { WorkFilterDto } from '../../assignments/dto/work-filter.dto';
import { AssignmentRole } from '../../assignments/assignment.entity';
import { IsIsoDate } from '../../common/dto/dates';
import { MONTH_END_DAY } from '../../reminders/chase-terms';
import { Label } from '../../common/dto/label';
import { PageOf } from '../../common/dto/page.dto';
import { EmptyAsUndefined, IsId, trim } from '../../common/dto/transforms';
import { COMPARATORS, Comparator, PRIORITIES, Priority, REPORT_CYCLES, ReportCycle } from '../directive.entity';

export class MetricDto {
  @ApiProperty({ description: '指标名称', example: '国家反诈中心APP安装率', maxLength: 50 })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(50)
  @Label('指标名称')
  name!: string;

  @ApiProperty({ description: '计量单位，如 %、个、人、万元', maxLength: 10, example: '%' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10)
  @Label('计量单位')
  unit!: string;

  @ApiProperty({ enum: COMPARATORS, description: 'gte ≥；lte ≤；eq =' })
  @IsIn(COMPARATORS)
  @Label('比较方式')
  comparator!: Comparator;

  @ApiProperty({ description: '目标值（各单位未单独设定时适用）', example: 60 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @Min(-1e9)
  @Max(1e9)
  @Label('目标值')
  target!: number;
}

export class UnitTargetDto {
  @ApiProperty({ description: '单位 ID（须为本事项的牵头或配合单位）' })
  @IsId()
  @Label('单位')
  unitId!: number;

  @ApiProperty({ description: '该单位的目标值', example: 100 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @Min(-1e9)
  @Max(1e9)
  @Label('目标值')
  value!: number;
}

export class CreateDirectiveDto {
  @ApiProperty({ maxLength: 200, example: '全市社区（村）国家反诈中心APP安装率上半年达到60%' })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(200)
  @Label('标题')
  title!: string;

  @ApiProperty({ description: '工作要求', maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  @Label('工作要求', { multiline: true })
  requirement!: string;

  @ApiProperty({ description: '类别，如 宣传防范、资金查控、行业治理', maxLength: 50 })
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(50)
  @Label('类别')
  category!: string;

  @ApiProperty({ enum: PRIORITIES, description: 'normal 一般；important 重要；urgent 紧急' })
  @IsIn(PRIORITIES)
  @Label('紧急程度')
  priority!: Priority;

  @ApiPropertyOptional({ description: '来源文件 ID', type: Number, nullable: true })
  @IsOptional()
  @IsId()
  @Label('来源文件')
  sourceDocumentId?: number | null;

  @ApiPropertyOptional({ description: '引用的来源原文段落', maxLength: 2000, type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Label('来源原文', { multiline: true })
  sourceExcerpt?: string | null;

  @ApiPropertyOptional({ description: '原文在来源文件全文中的起始位置（字符偏移，含）；与 sourceEnd 同时给出，须有 sourceDocumentId。给出时来源原文取自全文的这一段', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Label('原文起始位置')
  sourceStart?: number;

  @ApiPropertyOptional({ description: '原文在来源文件全文中的结束位置（字符偏移，不含）', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Label('原文结束位置')
  sourceEnd?: number;

  @ApiPropertyOptional({ description: '办理时限 YYYY-MM-DD（与 deadlineWorkingDays、reportCycle 三选一）' })
  @IsOptional()
  @IsIsoDate()
  @Label('办理时限')
  deadline?: string;

  @ApiPropertyOptional({ description: '办理时限：自今日起 N 个工作日（今日不计）', minimum: 1, maximum: 250 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(250)
  @Label('办理时限（工作日数）')
  deadlineWorkingDays?: number;

  @ApiPropertyOptional({ enum: REPORT_CYCLES, description: '长期坚持事项的报送周期' })
  @IsOptional()
  @IsIn(REPORT_CYCLES)
  @Label('报送周期')
  reportCycle?: ReportCycle;

  @ApiPropertyOptional({ description: `报送日：每周为星期几（1–5），每月或每季度末月为几号（1–${MONTH_END_DAY}；超过当月天数的按月底，${MONTH_END_DAY} 即月底）` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MONTH_END_DAY)
  @Label('报送日')
  reportDay?: number;

  @ApiPropertyOptional({ type: MetricDto, description: '量化目标' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MetricDto)
  @Label('量化目标', { prefix: false })
  metric?: MetricDto;

  @ApiProperty({ description: '牵头单位 ID' })
  @IsId()
  @Label('牵头单位')
  leadUnitId!: number;

  @ApiPropertyOptional({ type: [Number], description: '配合单位 ID 列表' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsId({ each: true })
  @Label('配合单位')
  cooperatingUnitIds?: number[];

  @ApiPropertyOptional({ type: [UnitTargetDto], description: '各单位不同的目标值' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(51)
  @ValidateNested({ each: true })
  @Type(() => UnitTargetDto)
  @Label('各单位目标值', { item: '第{n}个单位目标值' })
  unitTargets?: UnitTargetDto[];
}

export class UpdateDirectiveDto {
  @ApiProperty({ description: '读取时的版本号；已被他人修改时返回 409' })
  @IsInt()
  @Min(1)
  @Label('版本号')
  version!: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(200)
  @Label('标题')
  title?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  @Label('工作要求', { multiline: true })
  requirement?: string;

  @ApiPropertyOptional({ maxLength: 50 })
  @IsOptional()
  @IsString()
  @Transform(trim)
  @IsNotEmpty()
  @MaxLength(50)
  @Label('类别')
  category?: string;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES)
  @Label('紧急程度')
  priority?: Priority;

  @ApiPropertyOptional({ description: '新的办理时限；未单独延期的任务随之调整' })
  @IsOptional()
  @IsIsoDate()
  @Label('办理时限')
  deadline?: string;
}

export const DIRECTIVE_SORTS = ['deadline', 'newest', 'priority'] as const;

export class DirectiveQueryDto extends WorkFilterDto {
  @ApiPropertyOptional({ enum: DIRECTIVE_SORTS, default: 'deadline' })
  @IsOptional()
  @EmptyAsUndefined()
  @IsIn(DIRECTIVE_SORTS)
  @Label('排序')
  sort: (typeof DIRECTIVE_SORTS)[number] = 'deadline';
}

export class MetricView {
  @ApiProperty() name!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: COMPARATORS }) comparator!: Comparator;
  @ApiProperty() target!: number;
}

export class AssignmentSummaryView {
  @ApiProperty() id!: number;
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: ['lead', 'cooperating'] }) role!: AssignmentRole;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status!: AssignmentStatus;
  @ApiProperty({ type: String, nullable: true }) deadline!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '剩余工作日；负数为已超期的工作日；日历未覆盖时为空' }) workingDaysLeft!: number | null;
  @ApiProperty({ description: '未办结且已过期限' }) overdue!: boolean;
  @ApiProperty({ type: Number, nullable: true }) targetValue!: number | null;
  @ApiProperty() percentDone!: number;
  @ApiProperty({ type: Number, nullable: true }) metricValue!: number | null;
  @ApiProperty() version!: number;
}

export class SourceRefView {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) docNumber!: string | null;
}

export class DirectiveView {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'DB-2026-0007' }) code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() requirement!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ enum: PRIORITIES }) priority!: Priority;
  @ApiProperty({ type: SourceRefView, nullable: true }) source!: SourceRefView | null;
  @ApiProperty({ type: String, nullable: true }) sourceExcerpt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '原文在来源文件全文中的起始位置（字符偏移）' }) sourceStart!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '原文在来源文件全文中的结束位置（不含）' }) sourceEnd!: number | null;
  @ApiProperty({ type: String, nullable: true }) deadline!: string | null;
  @ApiProperty({ enum: REPORT_CYCLES, nullable: true }) reportCycle!: ReportCycle | null;
  @ApiProperty({ type: Number, nullable: true }) reportDay!: number | null;
  @ApiProperty({ type: MetricView, nullable: true }) metric!: MetricView | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: [AssignmentSummaryView], description: '各单位的任务（成员单位只看到本单位的，牵头单位还看到配合单位的）' }) assignments!: AssignmentSummaryView[];
}

export class DirectivePage extends PageOf(DirectiveView, 'DirectivePage') {}
