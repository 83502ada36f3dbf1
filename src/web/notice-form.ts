import type { NoticeKind } from '../notices/notice-templates';
import { FormBody, formValue } from './forms';

/** What each field of a notice's content is called on the edit form. */
const LABELS: Record<NoticeKind, Record<string, string>> = {
  supervision_notice: { directiveTitle: '督办事项', directiveCode: '事项编号', requirement: '工作要求', deadline: '办理时限', asOf: '统计截至', overdueDays: '逾期工作日数', progress: '完成进度', replyBy: '书面报告期限', contact: '联系人' },
  circular: { summary: '导语', asOf: '统计截至', lagging: '逾期事项（由系统生成）', requirements: '有关要求（每行一条）' },
  interview_letter: { reason: '约谈事由', time: '约谈时间', place: '约谈地点', summoned: '约谈对象', attendees: '参加人员', bring: '需携带的材料（每行一项）', contact: '联系人' },
  rectification_notice: { intro: '导语', problems: '发现的问题（每行一条：地点｜问题｜违反的规定）', requirements: '整改要求（每行一条）', deadline: '整改时限', reportBy: '整改报告期限', recheckOn: '复查时间', contact: '联系人' },
};

export interface ContentField {
  name: string;
  label: string;
  value: string;
  multiline: boolean;
  /** Built by the system (the circular's overdue table): shown, not edited. */
  readOnly: boolean;
}

type Problem = { where: string; what: string; rule: string };
const isProblemList = (value: unknown): value is Problem[] => Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && 'where' in v);
const isObjectList = (value: unknown) => Array.isArray(value) && value.some((v) => typeof v === 'object');

/** The content as form fields: text, numbers, one line per list item, problems as `地点｜问题｜规定`. */
export function contentFields(kind: NoticeKind, content: Record<string, unknown>): ContentField[] {
  return Object.entries(LABELS[kind]).map(([name, label]) => {
    const value = content[name];
    if (isProblemList(value)) return { name, label, value: value.map((p) => [p.where, p.what, p.rule].join('｜')).join('\n'), multiline: true, readOnly: false };
    if (isObjectList(value)) return { name, label, value: `${(value as unknown[]).length} 项`, multiline: false, readOnly: true };
    if (Array.isArray(value)) return { name, label, value: value.join('\n'), multiline: true, readOnly: false };
    const text = value === undefined || value === null ? '' : String(value);
    return { name, label, value: text, multiline: text.length > 40, readOnly: false };
  });
}

const lines = (text: string) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

/** The submitted form back into content, keeping each field's type; read-only fields keep their value. */
export function contentFromForm(current: Record<string, unknown>, body: FormBody): Record<string, unknown> {
  const content: Record<string, unknown> = { ...current };
  for (const [name, value] of Object.entries(current)) {
    const submitted = formValue(body[`content.${name}`]);
    if (submitted === undefined) continue;
    if (isProblemList(value)) {
      content[name] = lines(submitted).map((line) => {
        const [where = '', what = '', rule = ''] = line.split(/[｜|]/).map((part) => part.trim());
        return { where, what, rule };
      });
    } else if (isObjectList(value)) continue;
    else if (Array.isArray(value)) content[name] = lines(submitted);
    else if (typeof value === 'number') content[name] = /^\d+$/.test(submitted.trim()) ? Number(submitted.trim()) : submitted.trim();
    else content[name] = submitted.trim();
  }
  return content;
}
