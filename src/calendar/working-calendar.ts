import { DomainError } from '../common/errors/domain-error';

/** A calendar date as `YYYY-MM-DD`, in China's time zone. */
export type IsoDate = string;

export type DayKind = 'holiday' | 'workday';

/** What the calendar knows: statutory holidays, make-up working days (调休) and which years it covers. */
export interface CalendarData {
  /** Days off that would otherwise be working days (statutory holidays, local holidays). */
  holidays: ReadonlySet<IsoDate>;
  /** Weekend days that are working days (make-up days). */
  workdays: ReadonlySet<IsoDate>;
  /** Years whose whole schedule is known; counting into any other year is refused. */
  coveredYears: ReadonlySet<number>;
}

export class CalendarNotCoveredError extends DomainError {
  constructor(readonly year: number) {
    super('CALENDAR_NOT_COVERED', `${year} 年的法定节假日安排尚未录入，无法按工作日计算期限；请协调办在“工作日历”中录入该年的放假和调休安排`);
  }
}

/** What the office is told when work it issued falls in years the calendar does not cover yet. */
export function notChasedYet(years: readonly number[]): string {
  return `${years.join('、')} 年的放假安排尚未录入工作日历，期限或报送日在该年的督办事项暂不催办、不升级；请在“工作日历”中录入该年的放假和调休安排，录入后自动排期。`;
}

/**
 * How many years after the last year the calendar covers a deadline may fall: room for a three-year
 * plan, while a deadline further off is a typing mistake rather than a date someone meant.
 */
export const DEADLINE_YEARS_AHEAD = 3;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** Midnight UTC of a `YYYY-MM-DD` date; checked by arithmetic, since every list row parses a few. */
export function parseIsoDate(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const days = month >= 1 && month <= 12 ? MONTH_DAYS[month - 1] + (month === 2 && isLeapYear(year) ? 1 : 0) : 0;
  // Date.UTC reads years 0–99 as 1900–1999: no date this service handles is that old.
  if (!match || year < 1000 || day < 1 || day > days) throw new Error(`Not a calendar date: ${date}`);
  return Date.UTC(year, month - 1, day);
}

const formatDay = (time: number): IsoDate => new Date(time).toISOString().slice(0, 10);

/** Today's date in China (UTC+8, no daylight saving), for the given instant. */
export function chinaDate(instant: Date): IsoDate {
  return formatDay(instant.getTime() + 8 * 3600_000);
}

/**
 * Working-day arithmetic on mainland China's official calendar. Counting follows the legal rule: the
 * start day is not counted, and the Nth working day after it is the deadline.
 */
export class WorkingCalendar {
  constructor(private readonly data: CalendarData) {}

  /** The last year whose schedule is known: past it, nothing is counted in working days, so nothing is chased. */
  coveredThrough(): number {
    return Math.max(...this.data.coveredYears);
  }

  /** The year of each date the calendar does not cover, once each, ascending. */
  yearsNotCovered(dates: readonly (IsoDate | null)[]): number[] {
    const years = dates.filter((d): d is IsoDate => d !== null).map((d) => Number(d.slice(0, 4)));
    return [...new Set(years.filter((year) => !this.data.coveredYears.has(year)))].sort((a, b) => a - b);
  }

  /** The last day a deadline may be set to: the end of the year `DEADLINE_YEARS_AHEAD` after the last covered one. */
  latestDeadline(): IsoDate {
    return `${this.coveredThrough() + DEADLINE_YEARS_AHEAD}-12-31`;
  }

  /** Refuses a deadline (or another date set ahead, such as a recheck) beyond `latestDeadline`, naming the field. */
  assertWithinReach(date: IsoDate, field: string, label: string): void {
    const latest = this.latestDeadline();
    if (date <= latest) return;
    const message = `${label}不能晚于 ${latest}：工作日历已录入到 ${Math.max(...this.data.coveredYears)} 年，期限最多可设到其后 ${DEADLINE_YEARS_AHEAD} 年的年底`;
    throw new DomainError('VALIDATION_FAILED', message, [{ field, message }]);
  }

  isWorkingDay(date: IsoDate): boolean {
    const time = parseIsoDate(date);
    const year = new Date(time).getUTCFullYear();
    if (!this.data.coveredYears.has(year)) throw new CalendarNotCoveredError(year);
    if (this.data.holidays.has(date)) return false;
    if (this.data.workdays.has(date)) return true;
    const weekday = new Date(time).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** The date N working days after `start` (N ≥ 1). */
  addWorkingDays(start: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 1) throw new Error(`Working days to add must be a positive integer, got ${n}`);
    let time = parseIsoDate(start);
    for (let counted = 0; counted < n; ) {
      time += DAY_MS;
      if (this.isWorkingDay(formatDay(time))) counted += 1;
    }
    return formatDay(time);
  }

  /** The working day N working days before `end` (N ≥ 1): on it, `workingDaysUntil(it, end)` is N. */
  subtractWorkingDays(end: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 1) throw new Error(`Working days to subtract must be a positive integer, got ${n}`);
    let time = parseIsoDate(end);
    // `counted` is the number of working days in (time, end]; the answer is the first working day with N.
    for (let counted = 0; ; ) {
      if (this.isWorkingDay(formatDay(time))) counted += 1;
      time -= DAY_MS;
      if (counted === n && this.isWorkingDay(formatDay(time))) return formatDay(time);
    }
  }

  /**
   * Working days from `today` to `deadline`: how many remain (today not counted, the deadline counted),
   * 0 on the deadline itself, and minus the working days already past it when overdue.
   */
  workingDaysUntil(today: IsoDate, deadline: IsoDate): number {
    const from = parseIsoDate(today);
    const to = parseIsoDate(deadline);
    if (from === to) return 0;
    const [low, high, sign] = from < to ? [from, to, 1] : [to, from, -1];
    // The days counted are (low, high]: whole years at a time from each year's running totals.
    const first = low + DAY_MS;
    const [firstYear, lastYear] = [yearOf(first), yearOf(high)];
    let count = 0;
    for (let year = firstYear; year <= lastYear; year++) {
      const totals = this.runningTotals(year);
      const start = year === firstYear ? dayOfYear(first) : 0;
      const end = year === lastYear ? dayOfYear(high) + 1 : totals.length - 1;
      count += totals[end] - totals[start];
    }
    return sign * count;
  }

  /** Per covered year, the working days among its first i days at index i: built once, read by every list row. */
  private readonly totals = new Map<number, Int16Array>();

  private runningTotals(year: number): Int16Array {
    let totals = this.totals.get(year);
    if (totals) return totals;
    if (!this.data.coveredYears.has(year)) throw new CalendarNotCoveredError(year);
    const start = Date.UTC(year, 0, 1);
    const days = (Date.UTC(year + 1, 0, 1) - start) / DAY_MS;
    totals = new Int16Array(days + 1);
    for (let i = 0; i < days; i++) totals[i + 1] = totals[i] + (this.isWorkingDay(formatDay(start + i * DAY_MS)) ? 1 : 0);
    this.totals.set(year, totals);
    return totals;
  }
}

const yearOf = (time: number): number => new Date(time).getUTCFullYear();
const dayOfYear = (time: number): number => (time - Date.UTC(yearOf(time), 0, 1)) / DAY_MS;

/**
 * The last deadline that is "due within N working days" of today. Past the calendar's covered years the
 * window stops at the end of the last covered one rather than guessing.
 */
export function dueLimit(calendar: WorkingCalendar, today: IsoDate, workingDays: number): IsoDate {
  if (workingDays === 0) return today;
  try {
    return calendar.addWorkingDays(today, workingDays);
  } catch (error) {
    if (error instanceof CalendarNotCoveredError) return `${error.year - 1}-12-31`;
    throw error;
  }
}
