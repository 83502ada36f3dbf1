import { IsIn } from 'class-validator';
import { Label } from '../../common/dto/label';
import type { NoticeKindDefinition } from '../notice-kind';
import { Contact, Days, Text } from '../notice-fields';

/** Whose work a supervision notice chases: a task, or a rectification item (worded as one). */
export const SUPERVISION_SUBJECTS = ['task', 'rectification'] as const;
export type SupervisionSubject = (typeof SUPERVISION_SUBJECTS)[number];

/** `subject`: a task (`role` says how the unit takes part: 牵头承办, 配合办理) or a rectification item. */
export class SupervisionContentDto {
  @IsIn(SUPERVISION_SUBJECTS) @Label('督办对象', { fixed: true }) subject!: SupervisionSubject;
  @Text('承办方式', 10) role!: string;
  @Text('督办事项', 1300) directiveTitle!: string;
  @Text('事项编号', 20) directiveCode!: string;
  @Text('工作要求', 2000, { multiline: true }) requirement!: string;
  @Text('办理时限', 20) deadline!: string;
  @Text('统计截至', 20) asOf!: string;
  @Days('逾期工作日数') overdueDays!: number;
  @Text('完成进度', 20) progress!: string;
  @Text('书面报告期限', 20) replyBy!: string;
  @Contact() contact!: string;
}

/** 督办通知书: drafted from a task (assignments/) or a rectification item (rectifications/). */
export const SUPERVISION_NOTICE: NoticeKindDefinition<SupervisionContentDto> = {
  kind: 'supervision_notice',
  label: '督办通知书',
  template: 'supervision-notice.hbs',
  content: SupervisionContentDto,
  codeSuffix: '督',
  subjects: ['assignment', 'rectification'],
  templateData: (content) => ({ rectification: content.subject === 'rectification' }),
};
