import type { Priority, ReportCycle } from '../directives/directive.entity';
import { CalendarNotCoveredError, IsoDate, parseIsoDate, WorkingCalendar } from '../calendar/working-calendar';

/** The formal rungs of the ladder, in the order a lagging assignment climbs them. */
export const RUNGS = ['supervision_notice', 'circular', 'interview', 'yellow_card', 'red_card'] as const;
export type Rung = (typeof RUNGS)[number];

export const RUNG_LABELS: Record<Rung | 'report_overdue', string> = {
  supervision_notice: '督办通知书',
  circular: '通报',
  interview: '约谈',
  yellow_card: '黄牌挂牌',
  red_card: '红牌挂牌',
  report_overdue: '逾期未报送',
};

/** What a scheduled action does when it falls due. */
export const ACTION_KINDS = ['reminder', 'report_reminder', 'report_overdue', ...RUNGS] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_LABELS: Record<ActionKind, string> = { reminder: '到期提醒', report_reminder: '报送提醒', ...RUNG_LABELS };

/** auto: happens by itself; approval: prepared and waits for the office; off: never happens. */
export const RUNG_MODES = ['auto', 'approval', 'off'] as const;
export type RungMode = (typeof RUNG_MODES)[number];
export const RUNG_MODE_LABELS: Record<RungMode, string> = { auto: '自动', approval: '须审批', off: '不启用' };

export interface RungRule {
  /** Working days after the deadline (0: on the deadline day itself). */
  afterDays: number;
  mode: RungMode;
}

/** The escalation policy of one priority. */
export interface Ladder {
  /** Reminders this many working days before the deadline. */
  reminderDays: number[];
  rungs: Record<Rung, RungRule>;
  /** Standing work: reminders this many working days before each report is due. */
  reportReminderDays: number[];
  /** Standing work: the rung when a period's report is still missing this many working days after it was due. */
  reportOverdue: RungRule;
}

const ladder = (reminderDays: number[], after: [number, number, number, number, number]): Ladder => ({
  reminderDays,
  rungs: Object.fromEntries(RUNGS.map((rung, i) => [rung, { afterDays: after[i], mode: 'approval' }])) as Record<Rung, RungRule>,
  reportReminderDays: [3, 1],
  reportOverdue: { afterDays: 1, mode: 'auto' },
});

/** Until the office edits them: the more urgent, the sooner and the steeper. */
export const DEFAULT_LADDERS: Record<Priority, Ladder> = {
  normal: ladder([5, 3, 1], [1, 6, 11, 16, 26]),
  important: ladder([5, 3, 1], [1, 4, 8, 12, 20]),
  urgent: ladder([3, 2, 1], [1, 3, 5, 8, 13]),
};

/** Problems with a ladder, in words for the office; empty when it is sound. */
export function ladderProblems(ladder: Ladder): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const field of ['reminderDays', 'reportReminderDays'] as const) {
    if (new Set(ladder[field]).size !== ladder[field].length) problems.push({ field, message: '提醒天数不能重复' });
  }
  const active = RUNGS.filter((rung) => ladder.rungs[rung].mode !== 'off');
  for (let i = 1; i < active.length; i++) {
    const [before, after] = [active[i - 1], active[i]];
    if (ladder.rungs[after].afterDays <= ladder.rungs[before].afterDays) {
      problems.push({ field: `rungs.${after}.afterDays`, message: `“${RUNG_LABELS[after]}”应晚于“${RUNG_LABELS[before]}”（逾期工作日数应递增）` });
    }
  }
  return problems;
}

/** What one assignment should have scheduled, identified by kind and period. */
export interface PlannedAction {
  kind: ActionKind;
  /** With the assignment and kind, the action's identity: the deadline (and offset) or report period it is for. */
  periodKey: string;
  dueDate: IsoDate;
}

export interface PlanSubject {
  open: boolean;
  deadline: IsoDate | null;
  reportCycle: ReportCycle | null;
  reportDay: number | null;
  /** The day the assignment was issued: report periods before it are not asked for. */
  issuedOn: IsoDate;
}

/**
 * Everything the ladder asks of one assignment, past and future: reminders before the deadline and the
 * rungs after it, or for standing work the reminders and the overdue check of the last and next report.
 * Dates the calendar does not cover yet are left out; entering that year's schedule re-plans.
 */
export function planActions(subject: PlanSubject, ladder: Ladder, calendar: WorkingCalendar, today: IsoDate): PlannedAction[] {
  if (!subject.open) return [];
  const planned: PlannedAction[] = [];
  const add = (kind: ActionKind, periodKey: string, date: () => IsoDate) => {
    try {
      planned.push({ kind, periodKey, dueDate: date() });
    } catch (error) {
      if (!(error instanceof CalendarNotCoveredError)) throw error;
    }
  };
  if (subject.deadline) {
    const deadline = subject.deadline;
    for (const days of ladder.reminderDays) add('reminder', `${deadline}:${days}`, () => calendar.subtractWorkingDays(deadline, days));
    for (const rung of RUNGS) {
      const rule = ladder.rungs[rung];
      if (rule.mode !== 'off') add(rung, deadline, () => onOrAfter(calendar, deadline, rule.afterDays));
    }
  } else if (subject.reportCycle && subject.reportDay) {
    const next = reportDueOnOrAfter(subject.reportCycle, subject.reportDay, today);
    const last = previousReportDue(subject.reportCycle, subject.reportDay, next);
    for (const due of last > subject.issuedOn ? [last, next] : [next]) {
      for (const days of ladder.reportReminderDays) add('report_reminder', `${due}:${days}`, () => calendar.subtractWorkingDays(due, days));
      if (ladder.reportOverdue.mode !== 'off') add('report_overdue', due, () => onOrAfter(calendar, due, ladder.reportOverdue.afterDays));
    }
  }
  return planned;
}

/** N working days after a date; 0 is the date itself. */
function onOrAfter(calendar: WorkingCalendar, date: IsoDate, days: number): IsoDate {
  return days === 0 ? date : calendar.addWorkingDays(date, days);
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthDay = (year: number, month: number, day: number): IsoDate => {
  const [y, m] = month > 12 ? [year + 1, month - 12] : month < 1 ? [year - 1, month + 12] : [year, month];
  return `${y}-${pad(m)}-${pad(Math.min(day, daysInMonth(y, m)))}`;
};
const shiftDays = (date: IsoDate, days: number): IsoDate => new Date(parseIsoDate(date) + days * 86_400_000).toISOString().slice(0, 10);

/** The first report due date on or after `date`: weekly on weekday `day` (1 = Monday), monthly on day `day`, quarterly on day `day` of March, June, September and December. */
export function reportDueOnOrAfter(cycle: ReportCycle, day: number, date: IsoDate): IsoDate {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  if (cycle === 'weekly') {
    const weekday = new Date(parseIsoDate(date)).getUTCDay() || 7;
    return shiftDays(date, (day - weekday + 7) % 7);
  }
  const step = cycle === 'monthly' ? 1 : 3;
  const first = cycle === 'monthly' ? month : Math.ceil(month / 3) * 3;
  const candidate = monthDay(year, first, day);
  return candidate >= date ? candidate : monthDay(year, first + step, day);
}

/** The due date of the period before the one due on `due`. */
export function previousReportDue(cycle: ReportCycle, day: number, due: IsoDate): IsoDate {
  if (cycle === 'weekly') return shiftDays(due, -7);
  const [year, month] = [Number(due.slice(0, 4)), Number(due.slice(5, 7))];
  return monthDay(year, month - (cycle === 'monthly' ? 1 : 3), day);
}

/** A row as the planner sees it: what exists already for the assignment. */
export interface ExistingAction {
  id: number;
  kind: ActionKind;
  periodKey: string;
  status: 'pending' | 'done' | 'cancelled' | 'failed';
  dueAt: Date;
}

export interface PlanChanges {
  insert: (PlannedAction & { dueAt: Date })[];
  /** Pending actions whose time moved (policy or calendar changed), and cancelled ones wanted again. */
  reschedule: { id: number; dueAt: Date }[];
  cancel: number[];
}

/**
 * What to change so the stored schedule matches the plan. Done actions are history and never touched;
 * a reminder whose time has already passed is not sent late, but a rung is: the ladder must be climbed.
 */
export function diffPlan(existing: ExistingAction[], planned: PlannedAction[], dueAt: (date: IsoDate) => Date, now: Date): PlanChanges {
  const key = (a: { kind: ActionKind; periodKey: string }) => `${a.kind}|${a.periodKey}`;
  const stored = new Map(existing.map((a) => [key(a), a]));
  const wanted = new Set(planned.map(key));
  const changes: PlanChanges = { insert: [], reschedule: [], cancel: [] };
  for (const action of planned) {
    const at = dueAt(action.dueDate);
    const isReminder = action.kind === 'reminder' || action.kind === 'report_reminder';
    const row = stored.get(key(action));
    if (!row) {
      if (!isReminder || at > now) changes.insert.push({ ...action, dueAt: at });
    } else if ((row.status === 'pending' && row.dueAt.getTime() !== at.getTime()) || (row.status === 'cancelled' && (!isReminder || at > now))) {
      changes.reschedule.push({ id: row.id, dueAt: at });
    }
  }
  for (const row of existing) if (row.status === 'pending' && !wanted.has(key(row))) changes.cancel.push(row.id);
  return changes;
}

/** The instant an action falls due: the office hour, China time (UTC+8), on its day. */
export function officeTime(date: IsoDate, officeMinute: number): Date {
  return new Date(parseIsoDate(date) + (officeMinute - 8 * 60) * 60_000);
}
