import { publishedCalendar } from '../calendar/calendar-data';
import { WorkingCalendar } from '../calendar/working-calendar';
import { DEFAULT_LADDERS, diffPlan, ExistingAction, Ladder, ladderProblems, ladderSettings, nextDue, officeTime, planActions, PlanSubject, previousReportDue, readLadder, reportDueOnOrAfter, RUNGS, STANDARD_RUNGS } from './escalation-ladder';

const calendar = new WorkingCalendar(publishedCalendar());
const oneOff = (deadline: string): PlanSubject => ({ open: true, deadline, reportCycle: null, reportDay: null, issuedOn: '2026-09-01' });
const at9 = (date: string) => officeTime(date, 9 * 60);

describe('planActions for a one-off assignment', () => {
  it('reminds 5, 3 and 1 working days before the deadline, skipping the National Day holiday', () => {
    const plan = planActions(oneOff('2026-10-12'), DEFAULT_LADDERS.normal, calendar, '2026-09-20');
    const reminders = plan.filter((a) => a.kind === 'reminder');
    // 12 October is a Monday; 10 October is a make-up Saturday; 1–7 October are holidays.
    expect(reminders).toEqual([
      { kind: 'reminder', periodKey: '2026-10-12:5', dueDate: '2026-09-29' },
      { kind: 'reminder', periodKey: '2026-10-12:3', dueDate: '2026-10-08' },
      { kind: 'reminder', periodKey: '2026-10-12:1', dueDate: '2026-10-10' },
    ]);
  });

  it('climbs the rungs the given working days after the deadline', () => {
    const plan = planActions(oneOff('2026-03-13'), DEFAULT_LADDERS.normal, calendar, '2026-03-01');
    expect(plan.filter((a) => a.kind !== 'reminder').map((a) => [a.kind, a.dueDate, a.periodKey])).toEqual([
      ['supervision_notice', '2026-03-16', '2026-03-13'],
      ['circular', '2026-03-23', '2026-03-13'],
      ['interview', '2026-03-30', '2026-03-13'],
      ['yellow_card', '2026-04-07', '2026-03-13'], // Qingming: 4–6 April
      ['red_card', '2026-04-21', '2026-03-13'],
    ]);
  });

  it('leaves out rungs switched off and plans nothing for a finished assignment', () => {
    const ladder: Ladder = { ...DEFAULT_LADDERS.normal, rungs: DEFAULT_LADDERS.normal.rungs.map((r) => (r.rung === 'interview' ? { ...r, mode: 'off' } : r)) };
    expect(planActions(oneOff('2026-03-13'), ladder, calendar, '2026-03-01').map((a) => a.kind)).not.toContain('interview');
    expect(planActions({ ...oneOff('2026-03-13'), open: false }, ladder, calendar, '2026-03-01')).toEqual([]);
  });

  it('leaves out what falls in a year the calendar does not cover', () => {
    const plan = planActions(oneOff('2026-12-31'), DEFAULT_LADDERS.normal, calendar, '2026-12-01');
    expect(plan.map((a) => a.kind)).toEqual(['reminder', 'reminder', 'reminder']);
  });
});

describe('planActions for standing work', () => {
  const monthly: PlanSubject = { open: true, deadline: null, reportCycle: 'monthly', reportDay: 25, issuedOn: '2026-05-10' };

  it('reminds before the next report and checks it a working day after', () => {
    const plan = planActions(monthly, DEFAULT_LADDERS.normal, calendar, '2026-05-12');
    expect(plan).toEqual([
      { kind: 'report_reminder', periodKey: '2026-05-25:3', dueDate: '2026-05-20' },
      { kind: 'report_reminder', periodKey: '2026-05-25:1', dueDate: '2026-05-22' },
      { kind: 'report_overdue', periodKey: '2026-05-25', dueDate: '2026-05-26' },
    ]);
  });

  it('keeps the last period in the plan after the due date, and adds the next', () => {
    const plan = planActions(monthly, DEFAULT_LADDERS.normal, calendar, '2026-05-26');
    expect(plan.map((a) => a.periodKey)).toEqual(['2026-05-25:3', '2026-05-25:1', '2026-05-25', '2026-06-25:3', '2026-06-25:1', '2026-06-25']);
  });
});

describe('report due dates', () => {
  it.each([
    ['monthly', 25, '2026-05-12', '2026-05-25', '2026-04-25'],
    ['monthly', 25, '2026-05-26', '2026-06-25', '2026-05-25'],
    ['monthly', 31, '2026-02-03', '2026-02-28', '2026-01-31'],
    ['monthly', 10, '2026-12-11', '2027-01-10', '2026-12-10'],
    ['quarterly', 20, '2026-04-01', '2026-06-20', '2026-03-20'],
    ['quarterly', 20, '2026-12-21', '2027-03-20', '2026-12-20'],
    ['weekly', 5, '2026-05-12', '2026-05-15', '2026-05-08'],
    ['weekly', 2, '2026-05-12', '2026-05-12', '2026-05-05'],
  ] as const)('%s on %d from %s: next %s, previous %s', (cycle, day, from, next, previous) => {
    expect(reportDueOnOrAfter(cycle, day, from)).toBe(next);
    expect(previousReportDue(cycle, day, next)).toBe(previous);
  });
});

describe('diffPlan', () => {
  const now = at9('2026-03-10');
  const planned = planActions(oneOff('2026-03-13'), DEFAULT_LADDERS.normal, calendar, '2026-03-10');
  const row = (id: number, kind: ExistingAction['kind'], periodKey: string, status: ExistingAction['status'], dueAt: Date): ExistingAction => ({ id, kind, periodKey, status, dueAt });

  it('inserts what is missing, but no reminder whose time has passed', () => {
    const changes = diffPlan([], planned, at9, now);
    expect(changes.insert.map((a) => a.periodKey)).toEqual(['2026-03-13:1', ...Array(5).fill('2026-03-13')]);
    expect(changes.insert[0].dueAt).toEqual(new Date('2026-03-12T01:00:00Z'));
  });

  it('cancels pending actions no longer wanted, reschedules moved ones, never touches done ones', () => {
    const existing = [
      row(1, 'reminder', '2026-03-06:5', 'pending', at9('2026-02-27')),
      row(2, 'reminder', '2026-03-13:3', 'done', at9('2026-03-10')),
      row(3, 'supervision_notice', '2026-03-13', 'pending', at9('2026-03-17')),
      row(4, 'circular', '2026-03-13', 'cancelled', at9('2026-03-23')),
      row(5, 'interview', '2026-03-13', 'done', at9('2026-01-01')),
    ];
    const changes = diffPlan(existing, planned, at9, now);
    expect(changes.cancel).toEqual([1]);
    expect(changes.reschedule).toEqual([
      { id: 3, dueAt: at9('2026-03-16') },
      { id: 4, dueAt: at9('2026-03-23') },
    ]);
    expect(changes.insert.map((a) => a.kind)).toEqual(['reminder', 'yellow_card', 'red_card']);
  });
});

describe('ladderProblems', () => {
  it('accepts the defaults and refuses rungs out of order or repeated reminder days', () => {
    for (const ladder of Object.values(DEFAULT_LADDERS)) expect(ladderProblems(ladder)).toEqual([]);
    const bad: Ladder = { ...DEFAULT_LADDERS.normal, reminderDays: [3, 3], rungs: DEFAULT_LADDERS.normal.rungs.map((r) => (r.rung === 'circular' ? { rung: r.rung, afterDays: 1, mode: 'auto' } : r)) };
    expect(ladderProblems(bad).map((p) => p.field)).toEqual(['reminderDays', 'rungs.circular.afterDays']);
  });
});

describe('ladders of named rungs', () => {
  it('keeps the standard ladders the office has always had: days and order per priority', () => {
    expect(STANDARD_RUNGS.map((d) => d.name)).toEqual([...RUNGS]);
    const days = (priority: keyof typeof DEFAULT_LADDERS) => DEFAULT_LADDERS[priority].rungs.map((r) => [r.rung, r.afterDays]);
    expect(days('normal')).toEqual([['supervision_notice', 1], ['circular', 6], ['interview', 11], ['yellow_card', 16], ['red_card', 26]]);
    expect(days('important').map(([, d]) => d)).toEqual([1, 4, 8, 12, 20]);
    expect(days('urgent').map(([, d]) => d)).toEqual([1, 3, 5, 8, 13]);
    expect(DEFAULT_LADDERS.urgent.reminderDays).toEqual([3, 2, 1]);
  });

  it('reads a stored ladder with defaults for the rungs it lacks, and keeps what it has', () => {
    const extra = { ...STANDARD_RUNGS[0], name: 'site_visit', label: '实地督查', position: 35, afterDays: { normal: 14, important: 10, urgent: 6 } };
    const definitions = [...STANDARD_RUNGS.slice(0, 3), extra, ...STANDARD_RUNGS.slice(3)];
    const stored = ladderSettings({ ...DEFAULT_LADDERS.important, reminderDays: [2] });
    stored.rungs.circular = { afterDays: 5, mode: 'auto' };
    delete stored.rungs.red_card;
    const ladder = readLadder(stored, 'important', definitions);
    expect(ladder.reminderDays).toEqual([2]);
    expect(ladder.rungs.map((r) => `${r.rung}:${r.afterDays}:${r.mode}`)).toEqual([
      'supervision_notice:1:approval',
      'circular:5:auto',
      'interview:8:approval',
      'site_visit:10:approval',
      'yellow_card:12:approval',
      'red_card:20:approval',
    ]);
    expect(readLadder({ reminderDays: [4] }, 'urgent').reportOverdue).toEqual(DEFAULT_LADDERS.urgent.reportOverdue);
    expect(readLadder(null, 'normal')).toEqual(DEFAULT_LADDERS.normal);
  });
});

describe('nextDue: when work is next due', () => {
  it.each<[string, Parameters<typeof nextDue>[0], string, string | null]>([
    ['a deadline, whatever the day', { deadline: '2027-03-31', reportCycle: null, reportDay: null }, '2026-12-10', '2027-03-31'],
    ['a monthly report still ahead this month', { deadline: null, reportCycle: 'monthly', reportDay: 15 }, '2026-12-10', '2026-12-15'],
    ['a monthly report past this month: next month, next year', { deadline: null, reportCycle: 'monthly', reportDay: 5 }, '2026-12-10', '2027-01-05'],
    ['a quarterly report at the quarter’s end', { deadline: null, reportCycle: 'quarterly', reportDay: 31 }, '2026-08-01', '2026-09-30'],
    ['neither', { deadline: null, reportCycle: null, reportDay: null }, '2026-12-10', null],
  ])('%s', (_name, work, today, due) => expect(nextDue(work, today)).toBe(due));
});
