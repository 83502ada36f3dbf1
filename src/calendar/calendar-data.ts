import chineseDays from 'chinese-days/dist/chinese-days.json';
import type { CalendarData, DayKind, IsoDate } from './working-calendar';

/** The national schedule as the maintained `chinese-days` package publishes it. */
export function publishedCalendar(): CalendarData {
  const holidays = new Set(Object.keys(chineseDays.holidays));
  const workdays = new Set(Object.keys(chineseDays.workdays));
  const coveredYears = new Set([...holidays].map((date) => Number(date.slice(0, 4))));
  return { holidays, workdays, coveredYears };
}

export interface DayOverride {
  date: IsoDate;
  kind: DayKind;
}

/** The published schedule with the office's own days on top (a local holiday, next year's schedule). */
export function withOverrides(base: CalendarData, overrides: readonly DayOverride[], extraYears: readonly number[]): CalendarData {
  const holidays = new Set(base.holidays);
  const workdays = new Set(base.workdays);
  for (const { date, kind } of overrides) {
    (kind === 'holiday' ? holidays : workdays).add(date);
    (kind === 'holiday' ? workdays : holidays).delete(date);
  }
  return { holidays, workdays, coveredYears: new Set([...base.coveredYears, ...extraYears]) };
}
