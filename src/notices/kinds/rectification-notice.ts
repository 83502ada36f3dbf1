import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Label } from '../../common/dto/label';
import type { NoticeKindDefinition } from '../notice-kind';
import { Contact, Text, TextList } from '../notice-fields';

export class ProblemDto {
  @Text('地点', 100) where!: string;
  // Room for an item's own deadline after the problem as found (up to 1000 characters).
  @Text('问题描述', 1100, { multiline: true }) what!: string;
  @IsString() @MaxLength(200) @Label('违反的规定') rule!: string;
}

export class RectificationContentDto {
  @Text('导语', 1000, { multiline: true }) intro!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ProblemDto)
  @Label('发现的问题', { item: '第{n}个问题' })
  problems!: ProblemDto[];

  // Every item's requirements, as many as an inspection's findings may carry.
  @TextList('整改要求', '第{n}条整改要求', 500, 2000) requirements!: string[];
  @Text('整改时限', 20) deadline!: string;
  @Text('整改报告期限', 20) reportBy!: string;
  @Text('复查时间', 20) recheckOn!: string;
  @Contact() contact!: string;
}

/** 整改通知书: from a task, a rectification item, or every item of one unit in an inspection. */
export const RECTIFICATION_NOTICE: NoticeKindDefinition<RectificationContentDto> = {
  kind: 'rectification_notice',
  label: '整改通知书',
  template: 'rectification-notice.hbs',
  content: RectificationContentDto,
  codeSuffix: '整',
  subjects: ['assignment', 'rectification', 'inspection'],
};
