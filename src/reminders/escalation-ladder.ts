import { PRIORITIES, Priority, ReportCycle } from './chase-terms';
import { CalendarNotCoveredError, IsoDate, parseIsoDate, WorkingCalendar } from '../calendar/working-calendar';

/** The standard rungs of the ladder, in the order lagging work climbs them. Further rungs are defined through `Rungs`. */
export const RUNGS = ['supervision_notice', 'circular', 'interview', 'yellow_card', 'red_card'] as const;
export type Rung = (typeof RUNGS)[number];

const STANDARD_LABELS = {
  supervision_notice: '督办通知书',
  circular: '通报',
  interview: '约谈',
  yellow_card: '黄牌挂牌',
  red_card: '红牌挂牌',
  report_overdue: '逾期未报送',
} satisfies Record<Rung | 'report_overdue', string>;

/** The labels of the standard rungs and of the overdue-report check; rungs defined later carry their own. */
export const RUNG_LABELS: Readonly<Record<string, string>> = STANDARD_LABELS;

/** What a scheduled action does when it falls due: a reminder, the overdue-report check, or a rung. */
export const ACTION_KINDS = ['reminder', 'report_reminder', 'report_overdue', ...RUNGS] as const;
/** A stored action kind: one of ACTION_KINDS, or the name of a rung defined later. */
export type ActionKind = string;

export const ACTION_LABELS: Readonly<Record<string, string>> = { reminder: '到期提醒', report_reminder: '报送提醒', ...STANDARD_LABELS };

/** auto: happens by itself; approval: prepared and waits for the office; off: never happens. */
export const RUNG_MODES = ['auto', 'approval', 'off'] as const;
export type RungMode = (typeof RUNG_MODES)[number];
export const RUNG_MODE_LABELS: Record<RungMode, string> = { auto: '自动', approval: '须审批', off: '不启用' };

export interface RungRule {
  /** Working days after the deadline (0: on the deadline day itself). */
  afterDays: number;
  mode: RungMode;
}

/** One rung of a ladder in force, by name. */
export interface LadderRung extends RungRule {
  rung: string;
}

/** The escalation policy of one priority, as the planner climbs it. */
export interface Ladder {
  /** Reminders this many working days before the deadline. */
  reminderDays: number[];
  /** The rungs in the order they are climbed, each named. */
  rungs: LadderRung[];
  /** Standing work: reminders this many working days before each report is due. */
  reportReminderDays: number[];
  /** Standing work: the rung when a period's report is still missing this many working days after it was due. */
  reportOverdue: RungRule;
}

/**
 * A ladder as the office edits it and as it is stored: rungs keyed by name. A stored ladder may lack
 * rungs defined after it was saved; `readLadder` gives those their defaults.
 */
export interface LadderSettings {
  reminderDays: number[];
  rungs: Record<string, RungRule>;
  reportReminderDays: number[];
  reportOverdue: RungRule;
}

/** What a rung's record says, in words: the facts it is made of. */
export interface RungFacts {
  unitName: string;
  /** “title”（code） */
  subject: string;
  /** 办理时限 or 整改时限. */
  deadlineName: string;
  period: string;
  /** （已逾期 N 个工作日）, or nothing when the calendar cannot tell. */
  late: string;
  /** 仍未办结, 仍未整改到位. */
  undone: string;
}

/** A rung of the ladder: its name, where it sits, when it comes until the office says otherwise, and its record's words. */
export interface RungDefinition {
  /** Stored in schedule and rung rows and in the office's ladders (lower case, at most 24 characters). */
  name: string;
  label: string;
  /** Rungs are climbed in the order of their positions. */
  position: number;
  /** Working days after the deadline, per priority, until the office sets its own. */
  afterDays: Record<Priority, number>;
  summary(facts: RungFacts): string;
}

const days = (normal: number, important: number, urgent: number): Record<Priority, number> => ({ normal, important, urgent });

/** The standard ladder: the more urgent, the sooner and the steeper. */
export const STANDARD_RUNGS: readonly RungDefinition[] = [
  {
    name: 'supervision_notice',
    label: STANDARD_LABELS.supervision_notice,
    position: 10,
    afterDays: days(1, 1, 1),
    summary: (f) => `向${f.unitName}发出督办通知书：${f.subject}已过${f.deadlineName} ${f.period}${f.late}，请立即办理并书面报告进展。`,
  },
  { name: 'circular', label: STANDARD_LABELS.circular, position: 20, afterDays: days(6, 4, 3), summary: (f) => `就${f.unitName}${f.subject}逾期${f.undone}${f.late}予以通报。` },
  { name: 'interview', label: STANDARD_LABELS.interview, position: 30, afterDays: days(11, 8, 5), summary: (f) => `约谈${f.unitName}主要负责人：${f.subject}逾期${f.late}${f.undone}。` },
  { name: 'yellow_card', label: STANDARD_LABELS.yellow_card, position: 40, afterDays: days(16, 12, 8), summary: (f) => `对${f.unitName}挂黄牌督办：${f.subject}逾期${f.late}${f.undone}。` },
  { name: 'red_card', label: STANDARD_LABELS.red_card, position: 50, afterDays: days(26, 20, 13), summary: (f) => `对${f.unitName}挂红牌督办：${f.subject}逾期${f.late}${f.undone}。` },
];

const DEFAULT_REMINDER_DAYS: Record<Priority, number[]> = { normal: [5, 3, 1], important: [5, 3, 1], urgent: [3, 2, 1] };

/** The ladder of a priority until the office edits it: every defined rung, needing approval. */
export function defaultLadder(priority: Priority, definitions: readonly RungDefinition[] = STANDARD_RUNGS): Ladder {
  return {
    reminderDays: [...DEFAULT_REMINDER_DAYS[priority]],
    rungs: definitions.map((d) => ({ rung: d.name, afterDays: d.afterDays[priority], mode: 'approval' })),
    reportReminderDays: [3, 1],
    reportOverdue: { afterDays: 1, mode: 'auto' },
  };
}

/** The standard ladders, before the office edits them. */
export const DEFAULT_LADDERS: Record<Priority, Ladder> = Object.fromEntries(PRIORITIES.map((p) => [p, defaultLadder(p)])) as Record<Priority, Ladder>;

/** A stored (or submitted) ladder in force: what it lacks, a rung defined since it was saved included, is the default. */
export function readLadder(stored: Partial<LadderSettings> | null | undefined, priority: Priority, definitions: readonly RungDefinition[] = STANDARD_RUNGS): Ladder {
  const defaults = defaultLadder(priority, definitions);
  if (!stored) return defaults;
  return {
    reminderDays: stored.reminderDays ?? defaults.reminderDays,
    rungs: defaults.rungs.map((rule) => {
      const kept = stored.rungs?.[rule.rung];
      return kept ? { rung: rule.rung, afterDays: kept.afterDays, mode: kept.mode } : rule;
    }),
    reportReminderDays: stored.reportReminderDays ?? defaults.reportReminderDays,
    reportOverdue: stored.reportOverdue ?? defaults.reportOverdue,
  };
}

/** A ladder in the shape the office edits and the database keeps. */
export function ladderSettings(ladder: Ladder): LadderSettings {
  return {
    reminderDays: ladder.reminderDays,
    rungs: Object.fromEntries(ladder.rungs.map(({ rung, afterDays, mode }) => [rung, { afterDays, mode }])),
    reportReminderDays: ladder.reportReminderDays,
    reportOverdue: ladder.reportOverdue,
  };
}

/** Problems with a ladder, in words for the office; empty when it is sound. */
export function ladderProblems(ladder: Ladder, labels: Readonly<Record<string, string>> = RUNG_LABELS): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const field of ['reminderDays', 'reportReminderDays'] as const) {
    if (new Set(ladder[field]).size !== ladder[field].length) problems.push({ field, message: '提醒天数不能重复' });
  }
  const active = ladder.rungs.filter((rule) => rule.mode !== 'off');
  for (let i = 1; i < active.length; i++) {
    const [before, after] = [active[i - 1], active[i]];
    if (after.afterDays <= before.afterDays) {
      problems.push({ field: `rungs.${after.rung}.afterDays`, message: `“${labels[after.rung] ?? after.rung}”应晚于“${labels[before.rung] ?? before.rung}”（逾期工作日数应递增）` });
    }
  }
  return problems;
}

/** What one piece of chased work should have scheduled, identified by kind and period. */
export interface PlannedAction {
  kind: ActionKind;
  /** With the work and kind, the action's identity: the deadline (and offset) or report period it is for. */
  periodKey: string;
  dueDate: IsoDate;
}

export interface PlanSubject {
  open: boolean;
  deadline: IsoDate | null;
  reportCycle: ReportCycle | null;
  reportDay: number | null;
  /** The day the work was issued: report periods before it are not asked for. */
  issuedOn: IsoDate;
}

/** When work is next due from `today`: its deadline, or standing work's next report day. */
export function nextDue(work: Pick<PlanSubject, 'deadline' | 'reportCycle' | 'reportDay'>, today: IsoDate): IsoDate | null {
  if (work.deadline) return work.deadline;
  return work.reportCycle && work.reportDay ? reportDueOnOrAfter(work.reportCycle, work.reportDay, today) : null;
}

/**
 * Everything the ladder asks of one piece of work, past and future: reminders before the deadline and the
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
    for (const rule of ladder.rungs) {
      if (rule.mode !== 'off') add(rule.rung, deadline, () => onOrAfter(calendar, deadline, rule.afterDays));
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

/** A row as the planner sees it: what exists already for the work. */
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
