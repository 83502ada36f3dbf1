import { AssignmentStatus, isOpen } from '../assignments/assignment-state';
import { parseIsoDate, type IsoDate } from '../calendar/working-calendar';
import type { Comparator } from '../directives/directive.entity';

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PERIOD_LABELS: Record<PeriodKind, string> = { month: '本月', quarter: '本季度', year: '本年', custom: '自定义' };

/** A stretch of China's calendar days, both ends included. */
export interface Period {
  kind: PeriodKind;
  from: IsoDate;
  to: IsoDate;
}

const DAY_MS = 86_400_000;
const iso = (time: number): IsoDate => new Date(time).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

/** This month, quarter or year around `today`. */
export function periodOf(kind: Exclude<PeriodKind, 'custom'>, today: IsoDate): Period {
  const [year, month] = today.split('-').map(Number);
  const firstMonth = kind === 'month' ? month : kind === 'quarter' ? month - ((month - 1) % 3) : 1;
  const months = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
  const end = Date.UTC(year, firstMonth - 1 + months, 1) - DAY_MS;
  return { kind, from: `${year}-${pad(firstMonth)}-01`, to: iso(end) };
}

/**
 * The period a filter asks for when dates may come with any kind: dates that differ from the chosen
 * period's own make it a custom period (the end not given is the chosen period's), since typed dates
 * are never to be ignored. A custom period keeps its dates as given (checked by the caller).
 */
export function chosenPeriod(kind: PeriodKind, today: IsoDate, dates: { from?: IsoDate; to?: IsoDate }): { kind: PeriodKind; from?: IsoDate; to?: IsoDate } {
  if (kind === 'custom') return { kind, ...dates };
  const standard = periodOf(kind, today);
  const from = dates.from ?? standard.from;
  const to = dates.to ?? standard.to;
  return from === standard.from && to === standard.to ? standard : { kind: 'custom', from, to };
}

/**
 * The dates a page's filter form sends, less those it merely showed: the form sends back the dates it
 * displayed (`shown`), so dates left as they were give way to a newly chosen period, and only dates
 * a person edited count (see `chosenPeriod`).
 */
export function editedDates(kind: PeriodKind, dates: { from?: IsoDate; to?: IsoDate }, shown: { from?: IsoDate; to?: IsoDate }): { from?: IsoDate; to?: IsoDate } {
  const untouched = shown.from !== undefined && shown.to !== undefined && dates.from === shown.from && dates.to === shown.to;
  return kind !== 'custom' && untouched ? {} : dates;
}

/** The instant a China calendar day begins (UTC+8, no daylight saving): for comparing datetime columns. */
export function chinaDayStart(date: IsoDate): Date {
  return new Date(parseIsoDate(date) - 8 * 3600_000);
}

export function nextDay(date: IsoDate): IsoDate {
  return iso(parseIsoDate(date) + DAY_MS);
}

export function previousDay(date: IsoDate): IsoDate {
  return iso(parseIsoDate(date) - DAY_MS);
}

/** The Mondays starting the last `count` weeks, the current week last. */
export function lastWeeks(today: IsoDate, count: number): IsoDate[] {
  const time = parseIsoDate(today);
  const monday = time - ((new Date(time).getUTCDay() + 6) % 7) * DAY_MS;
  return Array.from({ length: count }, (_, i) => iso(monday - (count - 1 - i) * 7 * DAY_MS));
}

/** A week's label on the charts and tables: its Monday, month and day. */
export const weekLabel = (monday: IsoDate): string => `${Number(monday.slice(5, 7))}/${Number(monday.slice(8, 10))}`;

/**
 * The colour of one unit's task on the 作战图: red once overdue; yellow when due within the window or
 * its last report (or completion request) was returned; green while on time; grey once finished
 * (closed or cancelled), since nothing more is asked of the unit.
 */
export type CellColour = 'red' | 'yellow' | 'green' | 'grey';
export const CELL_COLOUR_LABELS: Record<CellColour, string> = { red: '已超期', yellow: '临期或被退回', green: '按期办理', grey: '已办结' };

export function cellColour(cell: { status: AssignmentStatus; deadline: IsoDate | null; returned: boolean }, today: IsoDate, dueLimit: IsoDate): CellColour {
  if (!isOpen(cell.status)) return 'grey';
  if (cell.deadline !== null && cell.deadline < today) return 'red';
  if (cell.returned || (cell.deadline !== null && cell.deadline <= dueLimit)) return 'yellow';
  return 'green';
}

/** Whether a reported value meets a target, and how far toward it (percent, one decimal; capped nowhere). */
export interface Attainment {
  met: boolean | null;
  percent: number | null;
}

export function attainment(comparator: Comparator | null, target: number | null, value: number | null): Attainment {
  if (comparator === null || target === null || value === null) return { met: null, percent: null };
  const met = comparator === 'gte' ? value >= target : comparator === 'lte' ? value <= target : value === target;
  // For "at most" targets, being under the ceiling is full attainment; over it, the ratio falls.
  const ratio = comparator === 'lte' ? (value === 0 ? 1 : target / value) : target === 0 ? (met ? 1 : 0) : value / target;
  return { met, percent: Math.round(ratio * 1000) / 10 };
}

/** The share of the period's closings that were on time, in percent with one decimal; null when none closed. */
export function onTimeRate(closed: number, closedOnTime: number): number | null {
  return closed === 0 ? null : Math.round((closedOnTime / closed) * 1000) / 10;
}

/** One unit's figures on the board. */
export interface UnitFigures {
  open: number;
  onTime: number;
  dueSoon: number;
  overdue: number;
  closed: number;
  closedOnTime: number;
  onTimeRate: number | null;
  rectificationsOpen: number;
  rectificationsOverdue: number;
}

export type CountedFigures = Omit<UnitFigures, 'onTime' | 'onTimeRate'>;

/**
 * Adds the derived figures: on time is what is open, neither overdue nor due soon, so that on time, due
 * soon and overdue split the open tasks (按期 + 临期 + 超期 = 在办); and the on-time closure rate.
 */
export function withDerived(counts: CountedFigures): UnitFigures {
  return { ...counts, onTime: counts.open - counts.overdue - counts.dueSoon, onTimeRate: onTimeRate(counts.closed, counts.closedOnTime) };
}

export const NO_FIGURES: CountedFigures = { open: 0, dueSoon: 0, overdue: 0, closed: 0, closedOnTime: 0, rectificationsOpen: 0, rectificationsOverdue: 0 };

/** The whole board's line: every unit's counts added up, the rate taken over the sums. */
export function totalOf(rows: CountedFigures[]): UnitFigures {
  const sum = { ...NO_FIGURES };
  for (const row of rows) for (const key of Object.keys(sum) as Array<keyof CountedFigures>) sum[key] += row[key];
  return withDerived(sum);
}
