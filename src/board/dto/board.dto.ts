import { ApiProperty, ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { WorkFilterDto } from '../../assignments/dto/work-filter.dto';
import { IsIsoDate } from '../../common/dto/dates';
import { Label } from '../../common/dto/label';
import { PageQueryDto } from '../../common/dto/page.dto';
import { EmptyAsUndefined } from '../../common/dto/transforms';
import { COMPARATORS, PRIORITIES, type Comparator, type Priority } from '../../directives/directive.entity';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '../../assignments/assignment-state';
import { CARDS, type Card } from '../../listings/listing-rules';
import { PERIOD_KINDS, type CellColour, type PeriodKind } from '../board-rules';

export const DEFAULT_DUE_WITHIN = 5;
const CELL_COLOURS: CellColour[] = ['red', 'yellow', 'green', 'grey'];

/**
 * The board's filters, the same for its figures, matrix, targets and trends: the work lists' unit,
 * category and priority, and `after` for the matrix's and the targets' pages.
 */
export class BoardQueryDto extends IntersectionType(PickType(WorkFilterDto, ['unitId', 'category', 'priority'] as const), PickType(PageQueryDto, ['after'] as const)) {
  @ApiPropertyOptional({ enum: PERIOD_KINDS, default: 'month', description: '统计期：本月、本季度、本年或自定义（custom，需给出 from 和 to）。给出与本月、本季度或本年的起止日不同的 from 或 to 时按自定义统计期统计（未给出的一端取所选统计期的），回答中的 period.kind 为 custom' })
  @IsOptional()
  @EmptyAsUndefined()
  @IsIn(PERIOD_KINDS)
  @Label('统计期')
  period: PeriodKind = 'month';

  @ApiPropertyOptional({ description: '统计期的起始日 YYYY-MM-DD：自定义统计期必填；与所选统计期的起始日不同时改按自定义统计期' })
  @IsOptional()
  @EmptyAsUndefined()
  @IsIsoDate()
  @Label('起始日')
  from?: string;

  @ApiPropertyOptional({ description: '统计期的截止日 YYYY-MM-DD（含）：自定义统计期必填；与所选统计期的截止日不同时改按自定义统计期' })
  @IsOptional()
  @EmptyAsUndefined()
  @IsIsoDate()
  @Label('截止日')
  to?: string;

  @ApiPropertyOptional({ description: '“临期”指 N 个工作日内到期', default: DEFAULT_DUE_WITHIN, minimum: 1, maximum: 30 })
  @IsOptional()
  @EmptyAsUndefined()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  @Label('临期工作日数')
  dueWithin: number = DEFAULT_DUE_WITHIN;
}

export class BoardPeriodView {
  @ApiProperty({ enum: PERIOD_KINDS }) kind!: PeriodKind;
  @ApiProperty({ description: '起始日（含）' }) from!: string;
  @ApiProperty({ description: '截止日（含）' }) to!: string;
}

export class UnitFiguresView {
  @ApiProperty({ description: '在办任务（今天的情况，不随统计期）；在办 = 按期 + 临期 + 超期' }) open!: number;
  @ApiProperty({ description: '按期：在办，时限在 N 个工作日之后或未定时限（不含临期和超期）' }) onTime!: number;
  @ApiProperty({ description: '临期：在办，N 个工作日内到期，尚未超期' }) dueSoon!: number;
  @ApiProperty({ description: '超期：在办，已过时限' }) overdue!: number;
  @ApiProperty({ description: '统计期内销号' }) closed!: number;
  @ApiProperty({ description: '统计期内按期销号' }) closedOnTime!: number;
  @ApiProperty({ type: Number, nullable: true, description: '按期办结率（%），统计期内无销号时为空' }) onTimeRate!: number | null;
  @ApiProperty({ description: '在办整改事项' }) rectificationsOpen!: number;
  @ApiProperty({ description: '已超期整改事项' }) rectificationsOverdue!: number;
}

export class UnitBoardRowView extends UnitFiguresView {
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: CARDS, nullable: true, description: '当前挂牌：黄牌或红牌' }) card!: Card | null;
}

export class BoardView {
  @ApiProperty({ type: BoardPeriodView }) period!: BoardPeriodView;
  @ApiProperty({ description: '今天（北京时间）' }) today!: string;
  @ApiProperty({ description: '临期截止日：此日及之前到期的算临期' }) dueLimit!: string;
  @ApiProperty({ type: [UnitBoardRowView] }) units!: UnitBoardRowView[];
  @ApiProperty({ type: UnitFiguresView }) totals!: UnitFiguresView;
}

export class MatrixUnitView {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
}

export class MatrixCellView {
  @ApiProperty() unitId!: number;
  @ApiProperty({ description: '任务，页面 /tasks/{assignmentId}' }) assignmentId!: number;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status!: AssignmentStatus;
  @ApiProperty({ type: String, nullable: true }) deadline!: string | null;
  @ApiProperty({ enum: CELL_COLOURS, description: 'red 超期；yellow 临期或报告被退回；green 按期；grey 已办结' }) colour!: CellColour;
}

export class MatrixRowView {
  @ApiProperty() directiveId!: number;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: PRIORITIES }) priority!: Priority;
  @ApiProperty({ type: [MatrixCellView] }) cells!: MatrixCellView[];
}

export class MatrixView {
  @ApiProperty({ type: [MatrixUnitView], description: '列：本页事项涉及的单位' }) units!: MatrixUnitView[];
  @ApiProperty({ type: [MatrixRowView] }) rows!: MatrixRowView[];
  @ApiProperty({ type: String, nullable: true, description: '下一页的 after，最后一页为空' }) next!: string | null;
}

export class MetricPointView {
  @ApiProperty({ description: '报送日（北京时间）' }) date!: string;
  @ApiProperty() value!: number;
}

export class UnitTargetView {
  @ApiProperty() unitId!: number;
  @ApiProperty() unitName!: string;
  @ApiProperty({ description: '任务' }) assignmentId!: number;
  @ApiProperty({ type: Number, nullable: true, description: '本单位目标（未单独设定时为事项目标）' }) target!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '最近报送值' }) latest!: number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: '是否达标；未报送时为空' }) met!: boolean | null;
  @ApiProperty({ type: Number, nullable: true, description: '完成程度（%）' }) percent!: number | null;
  @ApiProperty({ type: [MetricPointView], description: '历次报送值，旧的在前' }) trend!: MetricPointView[];
}

export class DirectiveTargetView {
  @ApiProperty() directiveId!: number;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() metricName!: string;
  @ApiProperty({ type: String, nullable: true }) metricUnit!: string | null;
  @ApiProperty({ enum: COMPARATORS, nullable: true }) comparator!: Comparator | null;
  @ApiProperty({ type: Number, nullable: true }) target!: number | null;
  @ApiProperty({ description: '达标单位数' }) metCount!: number;
  @ApiProperty({ type: [UnitTargetView] }) units!: UnitTargetView[];
}

export class TargetsView {
  @ApiProperty({ type: [DirectiveTargetView] }) directives!: DirectiveTargetView[];
  @ApiProperty({ type: String, nullable: true }) next!: string | null;
}

export class WeekView {
  @ApiProperty({ description: '该周周一' }) weekStart!: string;
  @ApiProperty({ description: '办结（销号）任务' }) completions!: number;
  @ApiProperty({ description: '新增超期任务' }) newOverdue!: number;
  @ApiProperty({ description: '整改销号' }) rectificationsClosed!: number;
}

export class TrendsView {
  @ApiProperty({ type: [WeekView], description: '最近 12 周，本周在最后' }) weeks!: WeekView[];
}
