import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';

/**
 * The years any date given to the service may fall in. Beyond them a date is a typing mistake (`9999`,
 * `0202`), and date arithmetic would leave the four-digit years the database and the calendar use.
 */
export const DATE_YEARS = { first: 2000, last: 2100 } as const;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))?)?$/;

/** A real calendar date written `YYYY-MM-DD` within `DATE_YEARS` (`2026-02-30` and `9999-12-31` are not). */
export function isIsoDate(value: unknown): value is string {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < DATE_YEARS.first || year > DATE_YEARS.last) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A date, or a date and time (`2026-03-01T09:30`, seconds and a zone optional), that really exists. */
export function isIsoInstant(value: unknown): value is string {
  const match = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (!match || !isIsoDate(match[1])) return false;
  const [hours = 0, minutes = 0, seconds = 0, zoneHours = 0, zoneMinutes = 0] = match.slice(2).map((part) => Number(part ?? 0));
  return hours <= 23 && minutes <= 59 && seconds <= 59 && zoneHours <= 14 && zoneMinutes <= 59;
}

/** A date field written `YYYY-MM-DD`, checked by `isIsoDate`. */
export const IsIsoDate = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isIsoDate', validator: { validate: isIsoDate, defaultMessage: buildMessage((each) => `${each}$property must be a real date YYYY-MM-DD`, options) } }, options);

/** A point in time from a query string: a real date or date and time becomes a `Date`; anything else is refused. */
export const IsInstant = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (isIsoInstant(value) ? new Date(value) : value)),
    ValidateBy({ name: 'isInstant', validator: { validate: (value) => value instanceof Date && !Number.isNaN(value.getTime()), defaultMessage: buildMessage((each) => `${each}$property must be a date or date-time`) } }),
  );
