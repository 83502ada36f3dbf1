import type { NoticeKindDefinition } from '../notice-kind';
import { Text, TextList } from '../notice-fields';

export class InterviewContentDto {
  @Text('约谈事由', 1500, { multiline: true }) reason!: string;
  @Text('约谈时间', 50) time!: string;
  @Text('约谈地点', 100) place!: string;
  @Text('约谈对象', 50) summoned!: string;
  @Text('参加人员', 200) attendees!: string;
  @TextList('需携带的材料', '第{n}项需携带的材料', 200, 20) bring!: string[];
  @Text('联系人', 100) contact!: string;
}

/** 约谈通知书: drafted from a task or a rectification item; the office fills in the time and place. */
export const INTERVIEW_LETTER: NoticeKindDefinition<InterviewContentDto> = {
  kind: 'interview_letter',
  label: '约谈通知书',
  template: 'interview-letter.hbs',
  content: InterviewContentDto,
  codeSuffix: '约',
  subjects: ['assignment', 'rectification'],
  voidedNote: (content) => `原定于${content.time}在${content.place}举行的约谈不再按该通知举行；如另有安排，以协调办新的通知为准。`,
};
