import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNumber, IsOptional, ValidateNested } from 'class-validator';
import { Label } from '../common/dto/label';
import { Days, Text, TextList } from '../notices/notice-fields';
import type { NoticeKindDefinition } from '../notices/notice-kind';
import type { CircularOutlookView } from './dto/assessment.dto';

export class RankingRowDto {
  @Days('名次') rank!: number;
  @Text('单位', 100) unitName!: string;
  @IsNumber() @Label('得分') total!: number;
}

export class AssessmentCircularContentDto {
  @Text('导语', 2000, { multiline: true }) summary!: string;
  @Text('考核期', 40) period!: string;

  /** The period it circulates, so that a second circular of the same period is noticed (absent in circulars made before). */
  @IsOptional() @IsInt() @Label('考核期编号', { fixed: true }) periodId?: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => RankingRowDto)
  @Label('排名', { item: '第{n}名' })
  rows!: RankingRowDto[];

  @TextList('有关要求', '第{n}条有关要求', 500, 20) requirements!: string[];
}

export const ASSESSMENT_CIRCULAR = 'assessment_circular';

/**
 * What circulating a period's ranking now would mean beyond the usual: a circular of the period already
 * issued (a second takes a second number), objections that may still change the ranking.
 */
export function circularCautions(outlook: Pick<CircularOutlookView, 'period' | 'issued' | 'objectionsOpen' | 'pendingObjections'>): string[] {
  const { period, issued, objectionsOpen, pendingObjections } = outlook;
  const numbers = issued.map((n) => n.number).join('、');
  return [
    issued.length ? `本期已印发考核排名通报${numbers}，再次印发将另取文号，成为本期第${issued.length + 1}份通报；如需更正，应作废原通报后印发更正件。` : '',
    pendingObjections ? `尚有 ${pendingObjections} 件申诉待处理，采纳后会产生新版本排名，与本通报不一致。` : objectionsOpen ? `申诉期至 ${period.objectionsUntil} 尚未截止，之后采纳申诉会产生新版本排名，与本通报不一致。` : '',
  ].filter(Boolean);
}

/** 考核排名通报: the ranking's table, composed by the assessment service from a published snapshot. */
export const ASSESSMENT_CIRCULAR_KIND: NoticeKindDefinition<AssessmentCircularContentDto> = {
  kind: ASSESSMENT_CIRCULAR,
  label: '考核排名通报',
  template: 'assessment-circular.hbs',
  content: AssessmentCircularContentDto,
  codeSuffix: '考',
  // Composed from a period's snapshot only (AssessmentService.circular), never drafted from a record by hand.
  subjects: [],
};
