import type { Request, Response } from 'express';
import { uploadRefusalOf } from '../attachments/upload.interceptor';
import { CSRF_FORM_FIELD } from '../auth/auth.constants';
import { DomainError } from '../common/errors/domain-error';
import { ERROR_STATUS } from '../common/errors/error-codes';
import { FieldError, validateDto } from '../common/validation';
import { setFlash } from './flash';

/** A urlencoded form as parsed: a field sent twice arrives as an array. */
export type FormBody = Record<string, unknown>;

/** One field's value; a repeated or structured field is refused rather than guessed at. */
export function formValue(value: unknown): string | undefined {
  // A browser sends a text area's line breaks as CRLF (HTML's rule) though its maxlength counted them as one:
  // read as one, a text the box took is not refused as too long.
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n');
  if (value === undefined) return value;
  throw new DomainError('MALFORMED_REQUEST', '表单中有重复或无法识别的字段，请刷新页面后重新提交');
}

/** An optional text field: trimmed, and empty means "no value" (null), since a form cannot send null. */
export function textField(value: unknown): string | null {
  const trimmed = formValue(value)?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** A required text field: trimmed, and empty stays empty so validation says it must be filled in. */
export function requiredField(value: unknown): string {
  return formValue(value)?.trim() ?? '';
}

/** A checkbox: present when ticked. */
export function checkboxField(value: unknown): boolean {
  return formValue(value) !== undefined;
}

/**
 * The values a re-shown form displays: what was submitted, for exactly the fields the form has
 * (templates are strict, so every field must be present).
 */
export function resubmittedFields<T extends Record<string, string | boolean>>(fields: T, body: FormBody): T {
  const values: Record<string, string | boolean> = {};
  for (const [name, value] of Object.entries(fields)) {
    values[name] = typeof value === 'boolean' ? checkboxField(body[name]) : (formValue(body[name]) ?? '');
  }
  return values as T;
}

/** Drops null entries, for create forms where an absent field takes its default. */
export function withoutNulls<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)) as Partial<T>;
}

export type FormOutcome<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Validates form values against the API's DTO, so pages and API share one set of rules. */
export function parseForm<T extends object>(dtoClass: new () => T, values: object): FormOutcome<T> {
  const { value, errors } = validateDto(dtoClass, values);
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

/** What an irreversible step asks before it runs: the page shows it and the person confirms. */
export interface Confirmation {
  title: string;
  /** What will happen and why it cannot be undone. */
  question: string;
  facts: { label: string; value: string }[];
  confirmLabel: string;
}

/**
 * What a page says of a refused request (400, 409, 422…): its status and messages, shown beside the
 * form. Null for what stays an error page: a missing object, a denial, a fault.
 */
export function refusalOf(error: unknown): { status: number; errors: FieldError[] } | null {
  if (!(error instanceof DomainError) || ERROR_STATUS[error.code] >= 500 || error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN') return null;
  const errors = Array.isArray(error.details) && error.details.length && typeof error.details[0] === 'object' ? (error.details as FieldError[]) : [{ field: '', message: error.message }];
  return { status: ERROR_STATUS[error.code], errors };
}

export interface PageStep<T extends object, R> {
  /** The API's DTO, so the page refuses what the API refuses (absent for a form of files alone). */
  dto?: new () => T;
  /** The form's values, coerced to the DTO's shape. */
  values: object;
  run: (dto: T) => Promise<R>;
  /** Where the browser goes once the step is done… */
  done: string | ((result: R) => string);
  /** …and what it is told there. */
  flash: string | ((result: R) => string);
  /** The form's page again, with the messages and what was typed, when the form or the step is refused. */
  rerender: () => Promise<{ view: string; model: object }>;
  /** For a step that cannot be undone (印发, 作废, 销号, 挂牌): what to ask first (null: nothing to ask this time). */
  confirm?: (dto: T) => Promise<Confirmation | null>;
  /** Says the refusals in the page's own terms, when its fields are not the DTO's (one form holding several items). */
  explain?: (errors: FieldError[]) => FieldError[];
}

/** The field a confirmation page adds to the form it posts again. */
export const CONFIRMED_FIELD = 'confirmed';

/** Each rendered form's one-time id (see SubmitOnceInterceptor). */
export const SUBMISSION_FIELD = '_submission';

/**
 * One page form's step: validate with the API's DTO, ask first when the step cannot be undone, run
 * it, then go on with a message saying it was done. A refused form or step (400, 409, 413, 422…)
 * shows its page again with the messages and the typed values instead of an error page; a missing
 * object or a denial stays an error page.
 */
export async function pageStep<T extends object, R>(req: Request, res: Response, step: PageStep<T, R>): Promise<void> {
  const form: FormOutcome<T> = step.dto ? parseForm(step.dto, step.values) : { ok: true, value: step.values as T };
  const uploadRefusal = uploadRefusalOf(req);
  let errors: FieldError[];
  if (uploadRefusal) {
    // Too large or too many files: said beside the form, with what was typed before the files.
    errors = [{ field: 'files', message: uploadRefusal.message }];
    res.status(ERROR_STATUS[uploadRefusal.code]);
  } else if (form.ok) {
    try {
      // 取消 on the question: the form again as it was filled in, nothing done.
      if (step.confirm && (req.body as FormBody)[CONFIRMED_FIELD] === 'no') {
        const { view, model } = await step.rerender();
        return res.status(200).render(view, { ...model, errors: [] });
      }
      const question = step.confirm && (req.body as FormBody)[CONFIRMED_FIELD] !== 'yes' ? await step.confirm(form.value) : null;
      if (question) return res.status(200).render('confirm', { ...question, action: req.originalUrl, hidden: hiddenFields(req.body as FormBody) });
      const result = await step.run(form.value);
      setFlash(res, typeof step.flash === 'string' ? step.flash : step.flash(result));
      return res.redirect(303, typeof step.done === 'string' ? step.done : step.done(result));
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      errors = refusal.errors;
      res.status(refusal.status);
    }
  } else {
    errors = form.errors;
    res.status(400);
  }
  const { view, model } = await step.rerender();
  res.render(view, { ...model, errors: step.explain ? step.explain(errors) : errors });
}

/**
 * The submitted form as hidden fields, to be posted again once confirmed: a list stays a list, and the
 * form's one-time id goes along, so a confirmation answered twice is handled once (no step that asks
 * carries files).
 */
function hiddenFields(body: FormBody): { name: string; value: string }[] {
  return Object.entries(body)
    .filter(([name]) => name !== CSRF_FORM_FIELD && name !== CONFIRMED_FIELD)
    .flatMap(([name, value]) => ([] as unknown[]).concat(value).filter((v): v is string => typeof v === 'string').map((v) => ({ name, value: v })));
}

/**
 * A form's text fields, trimmed, blanks left out so optional fields stay absent. The named list fields
 * (ticked boxes sharing a name) are left to `listField`; any other field sent twice is refused.
 */
export function formFields(body: FormBody, lists: readonly string[] = []): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body)
      .filter(([key]) => ![CSRF_FORM_FIELD, CONFIRMED_FIELD, SUBMISSION_FIELD].includes(key) && !lists.includes(key))
      .map(([key, value]) => [key, formValue(value)?.trim() ?? ''])
      .filter(([, value]) => value !== ''),
  );
}

/** A textarea with one entry per line, as a list. */
export function linesField(value: unknown): string[] {
  return (formValue(value) ?? '').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}

/** A set of checkboxes or a multiple select sharing one name: one value arrives as text, several as a list. */
export function listField(value: unknown): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new DomainError('MALFORMED_REQUEST', '表单中有无法识别的字段，请刷新页面后重新提交');
}
