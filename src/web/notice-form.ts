import { fieldLabels } from '../common/dto/label';
import type { NoticeKindDefinition } from '../notices/notice-kind';
import { FormBody, formValue } from './forms';

/** Said before issuing when some recipients cannot acknowledge in the system: who, and what to do about it. */
export function unreachableWarning(names: readonly string[]): string {
  return names.length ? `注意：${names.join('、')}没有启用的账号，无人能在系统中签收，请另行送达或先为其开通账号。` : '';
}

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

/**
 * The content as form fields, named as the kind's content DTO names them: text, numbers, one line per
 * list item, problems as `地点｜问题｜规定`.
 */
export function contentFields(kind: NoticeKindDefinition, content: Record<string, unknown>): ContentField[] {
  return [...fieldLabels(kind.content)].filter(([, { fixed }]) => !fixed).map(([name, { text: label }]) => {
    const value = content[name];
    if (isProblemList(value)) return { name, label: `${label}（每行一条：地点｜问题｜违反的规定）`, value: value.map((p) => [p.where, p.what, p.rule].join('｜')).join('\n'), multiline: true, readOnly: false };
    if (isObjectList(value)) return { name, label: `${label}（由系统生成）`, value: `${(value as unknown[]).length} 项`, multiline: false, readOnly: true };
    if (Array.isArray(value)) return { name, label: `${label}（每行一条）`, value: value.join('\n'), multiline: true, readOnly: false };
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
