import { Injectable, OnModuleInit } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNumber, IsOptional, ValidateNested } from 'class-validator';
import { Label } from '../common/dto/label';
import { Days, Text, TextList } from '../notices/notice-fields';
import type { NoticeKindDefinition } from '../notices/notice-kind';
import { NoticeKinds } from '../notices/notice-kinds';

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

/** 考核排名通报: the ranking's table, composed by the assessment service from a published snapshot. */
const ASSESSMENT_CIRCULAR_KIND: NoticeKindDefinition<AssessmentCircularContentDto> = {
  kind: ASSESSMENT_CIRCULAR,
  label: '考核排名通报',
  template: 'assessment-circular.hbs',
  content: AssessmentCircularContentDto,
  codeSuffix: '考',
  // Composed from a period's snapshot only (AssessmentService.circular), never drafted from a record by hand.
  subjects: [],
};

@Injectable()
export class AssessmentNotices implements OnModuleInit {
  constructor(private readonly kinds: NoticeKinds) {}

  onModuleInit(): void {
    this.kinds.register(ASSESSMENT_CIRCULAR_KIND);
  }
}
