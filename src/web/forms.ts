import type { Response } from 'express';
import { DomainError } from '../common/errors/domain-error';
import { ERROR_STATUS } from '../common/errors/error-codes';
import { FieldError, validateDto } from '../common/validation';

/** A urlencoded form as parsed: a field sent twice arrives as an array. */
export type FormBody = Record<string, unknown>;

/** One field's value; a repeated or structured field is refused rather than guessed at. */
export function formValue(value: unknown): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
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

/** A select of ids: empty means none; anything not a positive integer is kept so validation names it. */
export function idField(value: unknown): number | string | null {
  const text = textField(value);
  return text !== null && /^\d+$/.test(text) ? Number(text) : text;
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

/**
 * Runs a form's action; a domain error (name taken, wrong password…) re-renders the form with the
 * message instead of leaving the page, anything else propagates to the error page.
 */
export async function submitForm(res: Response, view: string, model: object, action: () => Promise<string>): Promise<void> {
  try {
    res.redirect(303, await action());
  } catch (error) {
    if (!(error instanceof DomainError) || ERROR_STATUS[error.code] >= 500 || error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN') throw error;
    const details = Array.isArray(error.details) ? (error.details as FieldError[]) : [];
    res.status(ERROR_STATUS[error.code]).render(view, { ...model, errors: details.length ? details : [{ field: '', message: error.message }] });
  }
}

export function renderInvalid(res: Response, view: string, model: object, errors: FieldError[]): void {
  res.status(400).render(view, { ...model, errors });
}

/**
 * Runs a page's step with a form validated by the API's DTO. On success the browser goes to `done`; a
 * refused form or step (409, 400) re-renders the page with the message and the typed values instead.
 */
export async function runFormStep<T extends object, R>(
  res: Response,
  values: object,
  dtoClass: new () => T,
  step: (dto: T) => Promise<R>,
  done: string | ((result: R) => string),
  rerender: (errors: FieldError[]) => Promise<{ view: string; model: object }>,
): Promise<void> {
  const form = parseForm(dtoClass, values);
  let errors: FieldError[];
  if (form.ok) {
    try {
      const result = await step(form.value);
      return res.redirect(303, typeof done === 'string' ? done : done(result));
    } catch (error) {
      if (!(error instanceof DomainError) || ERROR_STATUS[error.code] >= 500 || error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN') throw error;
      errors = Array.isArray(error.details) && error.details.length && typeof error.details[0] === 'object' ? (error.details as FieldError[]) : [{ field: '', message: error.message }];
      res.status(ERROR_STATUS[error.code]);
    }
  } else {
    errors = form.errors;
    res.status(400);
  }
  const { view, model } = await rerender(errors);
  res.render(view, model);
}

/** A form's fields as text (csrf token dropped, blanks left out so optional fields stay absent). */
export function formFields(body: FormBody): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body)
      .filter(([key]) => key !== '_csrf')
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
