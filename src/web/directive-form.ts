import { FormBody, formValue, listField } from './forms';

/** A form field's text, trimmed ('' when absent). */
export const formText = (body: FormBody, name: string) => formValue(body[name])?.trim() ?? '';
/** A number typed in a form; what is not a number goes on as typed, for validation to name. */
const number = (value: string) => (value === '' ? undefined : /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value);

/**
 * A directive's form fields as the API's DTO: one deadline kind, the unit picker, per-unit targets.
 * Several directives on one page (the proposals of a document) put a prefix before each field's name.
 */
export function directiveFromForm(body: FormBody, prefix = '') {
  const text = (name: string) => formText(body, prefix + name);
  const kind = text('deadlineKind');
  const metricName = text('metricName');
  const lead = number(text('leadUnitId'));
  const cooperating = listField(body[`${prefix}cooperatingUnitIds`]).map(Number).filter((id) => id !== lead);
  const targets = Object.entries(body)
    .filter(([key, value]) => key.startsWith(`${prefix}target_`) && typeof value === 'string' && value.trim() !== '')
    .map(([key, value]) => ({ unitId: Number(key.slice(prefix.length + 7)), value: number(String(value).trim()) }));
  return {
    title: text('title'),
    requirement: text('requirement'),
    category: text('category'),
    priority: text('priority'),
    ...(text('sourceDocumentId') ? { sourceDocumentId: number(text('sourceDocumentId')) } : {}),
    ...(text('sourceExcerpt') ? { sourceExcerpt: text('sourceExcerpt') } : {}),
    ...(kind === 'date' ? { deadline: text('deadline') } : {}),
    ...(kind === 'workingDays' ? { deadlineWorkingDays: number(text('deadlineWorkingDays')) } : {}),
    ...(kind === 'standing' ? { reportCycle: text('reportCycle'), reportDay: number(text('reportDay')) } : {}),
    ...(metricName ? { metric: { name: metricName, unit: text('metricUnit'), comparator: text('metricComparator'), target: number(text('metricTarget')) } } : {}),
    leadUnitId: lead,
    cooperatingUnitIds: cooperating,
    ...(targets.length && metricName ? { unitTargets: targets } : {}),
  };
}

/** A number a form carries in a hidden field (a proposal's span), as the DTO expects it. */
export const formNumber = (body: FormBody, name: string) => number(formText(body, name));
