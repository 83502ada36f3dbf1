/**
 * A province's five years of supervision work, seeded by SQL in bulk: every table is filled by one or a
 * few `INSERT … SELECT` statements over a generated sequence or over the rows already seeded, on MariaDB
 * and on SQLite alike (sql.ts holds what differs). Nothing is switched off: foreign keys, unique keys
 * and indexes are all in force while the rows go in.
 *
 * SEED_STEPS is a list with one step per table, in the order foreign keys need. A new column is one more
 * line in its table's `insertSelect`; a new table (a search-term table, a read model) is one more step
 * after the tables it is built from.
 */
import { createHash } from 'node:crypto';
import { chinaDate, IsoDate } from '../../src/calendar/working-calendar';
import { OPEN_STATUSES, type AssignmentStatus } from '../../src/assignments/assignment-state';
import { NO_DEADLINE, PRIORITY_RANKS } from '../../src/directives/directive-order';
import { documentTerms } from '../../src/directives/search-terms';
import { CIRCULAR } from '../../src/notices/kinds/circular';
import { INTERVIEW_LETTER } from '../../src/notices/kinds/interview-letter';
import { RECTIFICATION_NOTICE } from '../../src/notices/kinds/rectification-notice';
import { SUPERVISION_NOTICE } from '../../src/notices/kinds/supervision-notice';
import { DEFAULT_RULES, periodBounds, previousPeriod } from '../../src/assessment/assessment-rules';
import type { RectificationStatus } from '../../src/rectifications/rectification-state';
import { RUNG_LABELS } from '../../src/reminders/escalation-ladder';
import { Dialect, draw, insertSelect, lit, pad4, pickWord, roll, weighted } from './sql';
import * as words from './vocabulary';

/** Five years of work, the last directive registered yesterday. */
const SPAN_DAYS = 5 * 365;
const UNITS_PER_DIRECTIVE = 4;
const DIRECTIVES_PER_DOCUMENT = 20;
const DIRECTIVES_PER_INSPECTION = 50;
const ITEMS_PER_INSPECTION = 10;
const UNITS_PER_INSPECTION = 3;
const MEMBER_UNITS = words.UNITS.filter((u) => u.kind !== 'office').length;
const OFFICE_UNIT = words.UNITS.find((u) => u.kind === 'office')!;
const MINUTES_PER_DAY = 24 * 60;
/** 09:00 in China, in the UTC the database keeps. */
const OFFICE_OPENS = 60;

export const BENCH_ACCOUNTS = { office: 'bench-office', leader: 'bench-leader' } as const;
const OFFICE_PERSON = '周静';
const LEADER_PERSON = '李明远（副市长、联席会议召集人）';
/** Issued notices have their PDF: the renderer finds nothing to do while the lists are measured. */
const PDF_SHA256 = createHash('sha256').update('bench-notice').digest('hex');

/** What a seed is made from: the database's dialect, the volume, the day it is seeded on and the accounts' password. */
export interface SeedPlan {
  d: Dialect;
  directives: number;
  today: IsoDate;
  /** Work due before this is long past: nearly all of it is closed. */
  monthAgo: IsoDate;
  /** Inspections before this are mostly settled. */
  fourMonthsAgo: IsoDate;
  /** Standing work started before this has often been closed. */
  yearAgo: IsoDate;
  /** The first day of the five years. */
  origin: IsoDate;
  /** Now, as a datetime literal: nothing seeded happens later. */
  now: string;
  passwordHash: string;
}

/** Reads rows already seeded, for a step built from them in code (the search terms). */
export type ReadRows = <T>(sql: string) => Promise<T[]>;

export interface SeedStep {
  table: string;
  statements(plan: SeedPlan, read: ReadRows): string[] | Promise<string[]>;
}

export function seedPlan(d: Dialect, directives: number, now: Date, passwordHash: string): SeedPlan {
  if (directives % DIRECTIVES_PER_DOCUMENT !== 0 || directives % DIRECTIVES_PER_INSPECTION !== 0) {
    throw new Error(`The number of directives must be a multiple of ${DIRECTIVES_PER_DOCUMENT} and of ${DIRECTIVES_PER_INSPECTION}`);
  }
  const today = chinaDate(now);
  const daysBefore = (days: number) => chinaDate(new Date(now.getTime() - days * 86_400_000));
  return { d, directives, today, monthAgo: daysBefore(30), fourMonthsAgo: daysBefore(120), yearAgo: daysBefore(365), origin: daysBefore(SPAN_DAYS), now: d.timestamp(now.toISOString().slice(0, 19).replace('T', ' ')), passwordHash };
}

// ── Shared fragments ─────────────────────────────────────────────────────────────────────────────

/** One row: the office account's and the leader's ids (as `p`). */
const PEOPLE = `CROSS JOIN (SELECT MAX(CASE WHEN username = ${lit(BENCH_ACCOUNTS.office)} THEN id END) AS office_id, MAX(CASE WHEN username = ${lit(BENCH_ACCOUNTS.leader)} THEN id END) AS leader_id FROM users) p`;
/** Member units numbered from 0, so that a row's number can choose one. */
const MEMBERS = `(SELECT id AS unit_id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS idx FROM units WHERE kind <> 'office')`;
/** The unit's contact (as `c`): each member unit has exactly one. */
const contactOf = (unitId: string) => `JOIN users c ON c.unit_id = ${unitId} AND c.role = 'unit'`;

type Mix<S extends string> = readonly (readonly [S, number])[];
const mix = <S extends string>(perMille: string, choices: Mix<S>) => weighted(perMille, choices.map(([value, weight]) => [lit(value), weight] as const));
const rankOf = (priority: string) => `CASE ${priority} ${Object.entries(PRIORITY_RANKS).map(([p, rank]) => `WHEN ${lit(p)} THEN ${rank}`).join(' ')} END`;
const isIn = (column: string, values: readonly string[]) => `${column} IN (${values.map(lit).join(', ')})`;
/** A moment on the day `date`, `minutes` after the office opens. */
const onDay = (d: Dialect, date: string, minutes: string) => d.addMinutes(d.startOfDay(date), `${OFFICE_OPENS} + ${minutes}`);
const days = (n: string) => `(${n}) * ${MINUTES_PER_DAY}`;

// ── units and users ──────────────────────────────────────────────────────────────────────────────

function units(): string[] {
  const rows = words.UNITS.map((u, i) => {
    const person = words.SURNAMES[i % words.SURNAMES.length] + words.GIVEN_NAMES[(i * 7) % words.GIVEN_NAMES.length];
    return `(${[u.name, u.shortName, u.kind, person, `0571-8600${1000 + i * 10}`].map(lit).join(', ')}, 1)`;
  });
  return [`INSERT INTO units (name, short_name, kind, contact_person, contact_phone, active) VALUES ${rows.join(', ')}`];
}

function users({ d, passwordHash }: SeedPlan): string[] {
  const account = (username: string, displayName: string, role: string, unitId: string) => ({ username, display_name: displayName, role: lit(role), unit_id: unitId, active: '1', password_hash: lit(passwordHash) });
  return [
    insertSelect('users', account(lit(BENCH_ACCOUNTS.office), lit(OFFICE_PERSON), 'office', 'u.id'), `FROM units u WHERE u.kind = 'office'`),
    insertSelect('users', account(lit(BENCH_ACCOUNTS.leader), lit(LEADER_PERSON), 'leader', 'NULL'), ''),
    // One contact per member unit, who signs in as contact<unit id>.
    insertSelect('users', account(d.concat(`'contact'`, 'u.id'), 'u.contact_person', 'unit', 'u.id'), `FROM units u WHERE u.kind <> 'office' ORDER BY u.id`),
  ];
}

// ── source documents, directives ─────────────────────────────────────────────────────────────────

/** The day (counted from the origin) directive number `n` was registered: evenly over the five years. */
const registeredDay = (plan: SeedPlan, n: string) => plan.d.intDiv(`(${n} - 1) * ${SPAN_DAYS}`, plan.directives);

function sourceDocuments(plan: SeedPlan): string[] {
  const { d } = plan;
  const documents = plan.directives / DIRECTIVES_PER_DOCUMENT;
  const kinds: Mix<string> = [['minutes', 400], ['speech', 150], ['policy', 250], ['instruction', 100], ['suggestion', 100]];
  const facts = `SELECT s.n, ${mix(roll('s.n', 1), kinds)} AS kind, ${d.addDays(lit(plan.origin), registeredDay(plan, `(s.n - 1) * ${DIRECTIVES_PER_DOCUMENT} + 1`))} AS issued_on FROM ${d.numbers(1, documents)} s`;
  const title = `CASE x.kind
      WHEN 'minutes' THEN ${d.concat(`'全市打击治理电信网络诈骗工作联席会议纪要（第'`, 'x.n', `'次）'`)}
      WHEN 'speech' THEN ${d.concat(`'在全市反诈工作推进会上的讲话（'`, 'x.issued_on', `'）'`)}
      WHEN 'policy' THEN ${d.concat(`'关于'`, pickWord('x.n', 2, words.TITLE_TOPICS), `'的实施方案'`)}
      WHEN 'instruction' THEN ${d.concat(`'市领导关于'`, pickWord('x.n', 2, words.TITLE_TOPICS), `'的批示'`)}
      ELSE ${d.concat(`'关于加强'`, pickWord('x.n', 2, words.TITLE_TOPICS), `'的建议'`)} END`;
  const documentColumns = {
    kind: 'x.kind',
    title,
    doc_number: d.concat(lit(`${OFFICE_UNIT.shortName}〔`), d.yearOf('x.issued_on'), `'〕'`, 'x.n', `'号'`),
    issuer: `CASE WHEN x.kind IN ('speech', 'instruction') THEN ${lit(`${OFFICE_UNIT.name.slice(0, 3)}人民政府`)} ELSE ${lit(OFFICE_UNIT.name)} END`,
    issued_on: 'x.issued_on',
    body: d.concat(pickWord('x.n', 3, words.REQUIREMENT_SENTENCES), pickWord('x.n', 4, words.REQUIREMENT_SENTENCES), pickWord('x.n', 5, words.REQUIREMENT_SENTENCES)),
    created_by: 'p.office_id',
    version: '1',
    created_at: onDay(d, 'x.issued_on', '0'),
    updated_at: onDay(d, 'x.issued_on', '0'),
  };
  const inspections = plan.directives / DIRECTIVES_PER_INSPECTION;
  const inspectionFacts = `SELECT s.n, ${d.addDays(lit(plan.origin), registeredDay(plan, `(s.n - 1) * ${DIRECTIVES_PER_INSPECTION} + 1`))} AS issued_on FROM ${d.numbers(1, inspections)} s`;
  const inspectionColumns = {
    ...documentColumns,
    kind: `'inspection'`,
    title: d.concat(`'关于'`, pickWord('x.n', 6, words.TITLE_TOPICS), `'落实情况的督导检查'`),
    doc_number: 'NULL',
    issuer: lit(OFFICE_UNIT.name),
    body: d.concat(`'检查发现的主要问题：'`, pickWord('x.n', 7, words.INSPECTION_PROBLEMS)),
  };
  return [insertSelect('source_documents', documentColumns, `FROM (${facts}) x ${PEOPLE} ORDER BY x.n`), insertSelect('source_documents', inspectionColumns, `FROM (${inspectionFacts}) x ${PEOPLE} ORDER BY x.n`)];
}

function directives(plan: SeedPlan): string[] {
  const { d } = plan;
  const registered = d.addDays(lit(plan.origin), registeredDay(plan, 's.n'));
  // What each directive is (registered when, standing or one-off, reporting how often), then numbered within its year.
  const facts = `SELECT s.n, ${registered} AS registered_on, ${d.yearOf(registered)} AS year,
      CASE WHEN ${roll('s.n', 14)} < 100 THEN ${mix(roll('s.n', 16), [['weekly', 100], ['monthly', 700], ['quarterly', 200]])} END AS report_cycle
    FROM ${d.numbers(1, plan.directives)} s`;
  const numbered = `SELECT f.*, ROW_NUMBER() OVER (PARTITION BY f.year ORDER BY f.n) AS seq FROM (${facts}) f`;
  const documents = `(SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS idx FROM source_documents WHERE kind <> 'inspection')`;
  const hasMetric = `x.report_cycle IS NULL AND ${roll('x.n', 18)} < 200`;
  const columns = {
    code: d.concat(`'DB-'`, 'x.year', `'-'`, pad4(d, 'x.seq')),
    year: 'x.year',
    seq: 'x.seq',
    title: d.concat(pickWord('x.n', 11, words.TITLE_ACTIONS), pickWord('x.n', 12, words.TITLE_TOPICS), pickWord('x.n', 13, words.TITLE_FORMS)),
    requirement: d.concat(pickWord('x.n', 21, words.REQUIREMENT_SENTENCES), pickWord('x.n', 22, words.REQUIREMENT_SENTENCES), pickWord('x.n', 23, words.REQUIREMENT_SENTENCES)),
    category: pickWord('x.n', 24, words.CATEGORIES),
    priority: mix(roll('x.n', 25), [['normal', 700], ['important', 220], ['urgent', 80]]),
    source_document_id: 'doc.id',
    source_excerpt: 'NULL',
    // One-off work is due 10 to 109 days after it is registered; standing work (about one in ten) reports by its cycle.
    deadline: `CASE WHEN x.report_cycle IS NULL THEN ${d.addDays('x.registered_on', `10 + ${draw('x.n', 26, 100)}`)} END`,
    report_cycle: 'x.report_cycle',
    report_day: `CASE x.report_cycle WHEN 'weekly' THEN 1 + ${draw('x.n', 27, 5)} WHEN 'monthly' THEN 5 + ${draw('x.n', 27, 21)} WHEN 'quarterly' THEN 10 + ${draw('x.n', 27, 16)} END`,
    metric_name: `CASE WHEN ${hasMetric} THEN '国家反诈中心APP注册率' END`,
    metric_unit: `CASE WHEN ${hasMetric} THEN '%' END`,
    metric_comparator: `CASE WHEN ${hasMetric} THEN 'gte' END`,
    metric_target: `CASE WHEN ${hasMetric} THEN 60 + ${draw('x.n', 28, 41)} END`,
    created_by: 'p.office_id',
    version: '1',
    created_at: onDay(d, 'x.registered_on', draw('x.n', 29, 480)),
    updated_at: onDay(d, 'x.registered_on', draw('x.n', 29, 480)),
  };
  // The list's stored order (directive-order.ts).
  const ordered = { ...columns, due_key: `COALESCE(${columns.deadline}, ${lit(NO_DEADLINE)})`, priority_rank: rankOf(columns.priority) };
  return [insertSelect('directives', ordered, `FROM (${numbered}) x JOIN ${documents} doc ON doc.idx = ${d.intDiv('x.n - 1', DIRECTIVES_PER_DOCUMENT)} ${PEOPLE} ORDER BY x.n`)];
}

const TERMS_PER_INSERT = 5000;

/** The search's terms (search-terms.ts), cut from each directive's title and code by the service's own function. */
async function directiveTerms(_plan: SeedPlan, read: ReadRows): Promise<string[]> {
  const directives = await read<{ id: number; title: string; code: string }>('SELECT id, title, code FROM directives ORDER BY id');
  const rows = directives.flatMap((d) => documentTerms(d.title, d.code).map((term) => `(${lit(term)}, ${Number(d.id)})`));
  const statements: string[] = [];
  for (let i = 0; i < rows.length; i += TERMS_PER_INSERT) statements.push(`INSERT INTO directive_terms (term, directive_id) VALUES ${rows.slice(i, i + TERMS_PER_INSERT).join(', ')}`);
  return statements;
}

function directiveCounters(): string[] {
  return ['INSERT INTO directive_counters (year, last_seq) SELECT year, MAX(seq) FROM directives GROUP BY year'];
}

// ── assignments and their paperwork ──────────────────────────────────────────────────────────────

/** How the four units' shares of a directive stand, by when it was due: most older work is closed. */
const ASSIGNMENT_MIXES: Record<'longPast' | 'recentlyDue' | 'upcoming' | 'oldStanding' | 'standing', Mix<AssignmentStatus>> = {
  longPast: [['closed', 960], ['cancelled', 10], ['in_progress', 12], ['completion_requested', 8], ['acknowledged', 6], ['issued', 4]],
  recentlyDue: [['closed', 500], ['cancelled', 10], ['in_progress', 250], ['completion_requested', 120], ['acknowledged', 80], ['issued', 40]],
  upcoming: [['closed', 50], ['in_progress', 450], ['completion_requested', 80], ['acknowledged', 220], ['issued', 200]],
  oldStanding: [['closed', 700], ['cancelled', 20], ['in_progress', 250], ['completion_requested', 10], ['acknowledged', 20]],
  standing: [['in_progress', 800], ['acknowledged', 120], ['issued', 50], ['completion_requested', 30]],
};

/** An assignment's life, step by step; one in a status has taken the first STEPS_TAKEN[status] (a cancelled one: created, then cancelled). */
const LIFE = [
  { action: 'create', from: null, to: 'issued', byOffice: true },
  { action: 'acknowledge', from: 'issued', to: 'acknowledged', byOffice: false },
  { action: 'report', from: 'acknowledged', to: 'in_progress', byOffice: false },
  { action: 'request_completion', from: 'in_progress', to: 'completion_requested', byOffice: false },
  { action: 'close', from: 'completion_requested', to: 'closed', byOffice: true },
] as const;
const STEPS_TAKEN: Record<AssignmentStatus, number> = { issued: 1, acknowledged: 2, in_progress: 3, completion_requested: 4, closed: 5, cancelled: 2 };
const stepsTaken = (status: string) => `CASE ${status} ${Object.entries(STEPS_TAKEN).map(([s, n]) => `WHEN ${lit(s)} THEN ${n}`).join(' ')} END`;
const AWAITING_UNIT: AssignmentStatus[] = ['issued', 'acknowledged', 'in_progress'];

function assignments(plan: SeedPlan): string[] {
  const { d } = plan;
  const statusRoll = roll('x.row_no', 31);
  const status = `CASE
      WHEN x.deadline IS NULL AND x.created_at < ${lit(plan.yearAgo)} THEN ${mix(statusRoll, ASSIGNMENT_MIXES.oldStanding)}
      WHEN x.deadline IS NULL THEN ${mix(statusRoll, ASSIGNMENT_MIXES.standing)}
      WHEN x.deadline < ${lit(plan.monthAgo)} THEN ${mix(statusRoll, ASSIGNMENT_MIXES.longPast)}
      WHEN x.deadline < ${lit(plan.today)} THEN ${mix(statusRoll, ASSIGNMENT_MIXES.recentlyDue)}
      ELSE ${mix(statusRoll, ASSIGNMENT_MIXES.upcoming)} END`;
  // A directive's four units: the lead (k = 0) and three cooperating, spread over the member units.
  const shares = `SELECT d.id AS directive_id, m.unit_id, k.n AS k, d.id * ${UNITS_PER_DIRECTIVE} + k.n AS row_no, d.deadline, d.created_at, d.metric_target, d.priority_rank
    FROM directives d
    CROSS JOIN ${d.numbers(0, UNITS_PER_DIRECTIVE - 1)} k
    JOIN ${MEMBERS} m ON m.idx = (d.id * 7 + k.n * 23) % ${MEMBER_UNITS}`;
  const facts = `SELECT x.*, ${status} AS status FROM (${shares}) x`;
  const closedAt = `CASE WHEN y.deadline IS NULL THEN ${d.addMinutes('y.created_at', days(`200 + ${draw('y.row_no', 33, 300)}`))} ELSE ${onDay(d, d.addDays('y.deadline', `-${draw('y.row_no', 33, 8)}`), draw('y.row_no', 34, 480))} END`;
  const columns = {
    directive_id: 'y.directive_id',
    unit_id: 'y.unit_id',
    role: `CASE WHEN y.k = 0 THEN 'lead' ELSE 'cooperating' END`,
    status: 'y.status',
    deadline: 'y.deadline',
    target_value: 'y.metric_target',
    percent_done: `CASE WHEN y.status IN ('closed', 'completion_requested') THEN 100 WHEN y.status = 'in_progress' THEN 10 + ${draw('y.row_no', 32, 81)} ELSE 0 END`,
    metric_value: `CASE WHEN y.status IN ('closed', 'completion_requested') THEN y.metric_target END`,
    acknowledged_at: `CASE WHEN y.status <> 'issued' THEN ${d.least(d.addMinutes('y.created_at', `${MINUTES_PER_DAY} + ${draw('y.row_no', 35, 2000)}`), plan.now)} END`,
    closed_at: `CASE WHEN y.status IN ('closed', 'cancelled') THEN ${d.least(closedAt, plan.now)} END`,
    version: stepsTaken('y.status'),
    created_at: 'y.created_at',
    updated_at: 'y.created_at',
    // The lists' stored order (task-order.ts); the review flag is set once reports and extensions exist.
    sort_key: d.concat(`CASE WHEN ${isIn('y.status', OPEN_STATUSES)} THEN '0' ELSE '1' END`, `':'`, `COALESCE(y.deadline, ${lit(NO_DEADLINE)})`, `':'`, 'y.priority_rank'),
    awaiting_review: '0',
  };
  return [insertSelect('assignments', columns, `FROM (${facts}) y`)];
}

function assignmentEvents(plan: SeedPlan): string[] {
  const { d } = plan;
  const step = (pick: (s: (typeof LIFE)[number]) => string) => `CASE k.n ${LIFE.map((s, i) => `WHEN ${i + 1} THEN ${pick(s)}`).join(' ')} END`;
  const cancelling = `a.status = 'cancelled' AND k.n = 2`;
  const columns = {
    assignment_id: 'a.id',
    action: `CASE WHEN ${cancelling} THEN 'cancel' ELSE ${step((s) => lit(s.action))} END`,
    from_status: step((s) => (s.from === null ? 'NULL' : lit(s.from))),
    to_status: `CASE WHEN ${cancelling} THEN 'cancelled' ELSE ${step((s) => lit(s.to))} END`,
    note: `CASE WHEN ${cancelling} THEN '工作调整，本任务撤销。' END`,
    actor_user_id: `CASE WHEN ${cancelling} THEN p.office_id ELSE ${step((s) => (s.byOffice ? 'p.office_id' : 'c.id'))} END`,
    // The last step of finished work is when it finished; the others follow the creation two days apart.
    occurred_at: `CASE WHEN k.n = 1 THEN a.created_at WHEN a.closed_at IS NOT NULL AND k.n = ${stepsTaken('a.status')} THEN a.closed_at ELSE ${d.least(d.addMinutes('a.created_at', days('(k.n - 1) * 2')), plan.now)} END`,
  };
  return [insertSelect('assignment_events', columns, `FROM assignments a JOIN ${d.numbers(1, LIFE.length)} k ON k.n <= ${stepsTaken('a.status')} ${contactOf('a.unit_id')} ${PEOPLE}`)];
}

/** The most reports one assignment has: standing work, reporting for months. */
const MOST_REPORTS = 6;

/** How many reports an assignment has had: none before work starts, two or three for one-off work, more for standing work. */
function reportsOf(status: string, deadline: string, id: string): string {
  return `CASE
      WHEN ${status} IN ('issued', 'acknowledged', 'cancelled') THEN 0
      WHEN ${deadline} IS NULL THEN 2 + ${draw(id, 41, MOST_REPORTS - 1)}
      WHEN ${status} = 'in_progress' THEN 1 + ${draw(id, 41, 3)}
      ELSE 2 + ${draw(id, 41, 2)} END`;
}

function progressReports(plan: SeedPlan): string[] {
  const { d } = plan;
  const reportRow = `a.id * ${MOST_REPORTS} + k.n`;
  const withCounts = `SELECT a.id, a.unit_id, a.status, a.deadline, a.created_at, a.percent_done, ${reportsOf('a.status', 'a.deadline', 'a.id')} AS reports FROM assignments a`;
  // The latest report of work waiting for review is still to be reviewed; earlier ones were accepted or, now and then, returned.
  const reportStatus = `CASE
      WHEN k.n < a.reports THEN CASE WHEN ${roll(reportRow, 44)} < 100 THEN 'returned' ELSE 'accepted' END
      WHEN a.status = 'completion_requested' THEN 'submitted'
      WHEN a.status = 'in_progress' AND ${roll('a.id', 45)} < 350 THEN 'submitted'
      ELSE 'accepted' END`;
  const every = `CASE WHEN a.deadline IS NULL THEN 30 ELSE 5 END`;
  const facts = `SELECT a.id AS assignment_id, ${reportRow} AS row_no, k.n AS k, a.reports, a.status AS assignment_status, a.percent_done, c.id AS contact_id,
      ${reportStatus} AS status,
      ${d.least(d.addMinutes('a.created_at', `${days(`k.n * ${every}`)} + ${draw(reportRow, 46, 600)}`), plan.now)} AS submitted_at
    FROM (${withCounts}) a JOIN ${d.numbers(1, MOST_REPORTS)} k ON k.n <= a.reports ${contactOf('a.unit_id')}`;
  const final = `r.k = r.reports AND r.assignment_status IN ('closed', 'completion_requested')`;
  const reviewed = `r.status <> 'submitted'`;
  const columns = {
    assignment_id: 'r.assignment_id',
    narrative: d.concat(pickWord('r.row_no', 47, words.REPORT_OPENINGS), pickWord('r.row_no', 48, words.REPORT_PROGRESS), pickWord('r.row_no', 49, words.REPORT_NEXT)),
    percent_done: `CASE WHEN ${final} THEN 100 WHEN r.k = r.reports THEN r.percent_done ELSE ${d.intDiv('r.k * 90', 'r.reports')} END`,
    metric_value: 'NULL',
    is_final: `CASE WHEN ${final} THEN 1 ELSE 0 END`,
    status: 'r.status',
    review_note: `CASE WHEN r.status = 'returned' THEN '请补充佐证材料，细化工作数据后重新报送。' END`,
    submitted_by: 'r.contact_id',
    submitted_at: 'r.submitted_at',
    reviewed_by: `CASE WHEN ${reviewed} THEN p.office_id END`,
    reviewed_at: `CASE WHEN ${reviewed} THEN ${d.least(d.addMinutes('r.submitted_at', String(MINUTES_PER_DAY)), plan.now)} END`,
  };
  return [insertSelect('progress_reports', columns, `FROM (${facts}) r ${PEOPLE}`)];
}

function extensionRequests(plan: SeedPlan): string[] {
  const { d } = plan;
  // Pending: one in eight of the open tasks not yet due. Decided: a few of the closed ones.
  const pending = `${isIn('a.status', AWAITING_UNIT)} AND a.deadline >= ${lit(plan.today)} AND ${roll('a.id', 51)} < 125`;
  const decided = `a.status = 'closed' AND a.deadline IS NOT NULL AND ${roll('a.id', 51)} < 20`;
  const requestedAt = d.least(d.addMinutes('a.created_at', days('3')), plan.now);
  const outcome = `CASE WHEN ${pending} THEN 'pending' WHEN ${roll('a.id', 52)} < 700 THEN 'granted' ELSE 'refused' END`;
  const columns = {
    assignment_id: 'a.id',
    current_deadline: 'a.deadline',
    requested_deadline: d.addDays('a.deadline', '15'),
    reason: pickWord('a.id', 53, words.EXTENSION_REASONS),
    status: outcome,
    decision_note: `CASE WHEN ${outcome} = 'refused' THEN '所述理由不充分，请按原定时限办结。' END`,
    requested_by: 'c.id',
    requested_at: requestedAt,
    decided_by: `CASE WHEN NOT (${pending}) THEN p.office_id END`,
    decided_at: `CASE WHEN NOT (${pending}) THEN ${d.addMinutes(requestedAt, String(MINUTES_PER_DAY))} END`,
  };
  return [insertSelect('extension_requests', columns, `FROM assignments a ${contactOf('a.unit_id')} ${PEOPLE} WHERE (${pending}) OR (${decided})`)];
}

// ── inspections and rectification ────────────────────────────────────────────────────────────────

/** The review queue's flag (task-order.ts awaitsReview), from the reports and extension requests seeded. */
function reviewQueue(): string[] {
  return [
    `UPDATE assignments SET awaiting_review = 1 WHERE ${isIn('status', OPEN_STATUSES)} AND (status = 'completion_requested'
       OR EXISTS (SELECT 1 FROM progress_reports r WHERE r.assignment_id = assignments.id AND r.status = 'submitted' AND r.is_final = 0)
       OR EXISTS (SELECT 1 FROM extension_requests e WHERE e.assignment_id = assignments.id AND e.status = 'pending'))`,
  ];
}

function inspections(plan: SeedPlan): string[] {
  const { d } = plan;
  const documents = `(SELECT id, issued_on, ROW_NUMBER() OVER (ORDER BY id) AS n FROM source_documents WHERE kind = 'inspection')`;
  const columns = {
    document_id: 'doc.id',
    type: mix(roll('doc.n', 55), [['scheduled', 500], ['unannounced', 350], ['special', 150]]),
    inspectors: pickWord('doc.n', 56, words.INSPECTORS),
    created_by: 'p.office_id',
    created_at: onDay(d, 'doc.issued_on', '30'),
    version: '1',
  };
  return [insertSelect('inspections', columns, `FROM ${documents} doc ${PEOPLE} ORDER BY doc.n`)];
}

/** The unit an inspection's `k`th member is (three units per inspection). */
const inspectedUnit = (inspection: string, k: string) => `JOIN ${MEMBERS} m ON m.idx = (${inspection} * 13 + (${k}) * 31) % ${MEMBER_UNITS}`;

function inspectionUnits({ d }: SeedPlan): string[] {
  return [insertSelect('inspection_units', { inspection_id: 'i.id', unit_id: 'm.unit_id' }, `FROM inspections i CROSS JOIN ${d.numbers(0, UNITS_PER_INSPECTION - 1)} k ${inspectedUnit('i.id', 'k.n')}`)];
}

const RECTIFICATION_MIXES: Record<'old' | 'recent', Mix<RectificationStatus>> = {
  old: [['signed_off', 900], ['cancelled', 30], ['reopened', 10], ['report_submitted', 20], ['plan_accepted', 20], ['issued', 20]],
  recent: [['draft', 50], ['issued', 200], ['plan_submitted', 150], ['plan_returned', 50], ['plan_accepted', 250], ['report_submitted', 120], ['report_returned', 50], ['signed_off', 130]],
};

function rectificationItems(plan: SeedPlan): string[] {
  const { d } = plan;
  // Ten findings per inspection, shared among its three units.
  const findings = `SELECT i.id AS inspection_id, i.id * ${ITEMS_PER_INSPECTION} + k.n AS row_no, m.unit_id, u.short_name, doc.issued_on, 10 + ${draw(`i.id * ${ITEMS_PER_INSPECTION} + k.n`, 61, 21)} AS deadline_days,
      CASE WHEN doc.issued_on < ${lit(plan.fourMonthsAgo)} THEN ${mix(roll(`i.id * ${ITEMS_PER_INSPECTION} + k.n`, 62), RECTIFICATION_MIXES.old)} ELSE ${mix(roll(`i.id * ${ITEMS_PER_INSPECTION} + k.n`, 62), RECTIFICATION_MIXES.recent)} END AS status
    FROM inspections i JOIN source_documents doc ON doc.id = i.document_id
    CROSS JOIN ${d.numbers(0, ITEMS_PER_INSPECTION - 1)} k ${inspectedUnit('i.id', `k.n % ${UNITS_PER_INSPECTION}`)} JOIN units u ON u.id = m.unit_id`;
  const issued = `f.status <> 'draft'`;
  // Working days, roughly: seven calendar days for five working ones.
  const deadline = d.addDays('f.issued_on', d.intDiv('f.deadline_days * 7', 5));
  const columns = {
    inspection_id: 'f.inspection_id',
    unit_id: 'f.unit_id',
    location: d.concat('f.short_name', `'辖区'`, pickWord('f.row_no', 63, words.INSPECTION_LOCATIONS)),
    problem: pickWord('f.row_no', 64, words.INSPECTION_PROBLEMS),
    rule: pickWord('f.row_no', 65, words.INSPECTION_RULES),
    requirements: d.concat(`'["'`, pickWord('f.row_no', 66, words.REQUIREMENT_SENTENCES), `'","'`, pickWord('f.row_no', 67, words.REQUIREMENT_SENTENCES), `'"]'`),
    priority: mix(roll('f.row_no', 68), [['normal', 750], ['important', 200], ['urgent', 50]]),
    deadline_days: 'f.deadline_days',
    deadline: `CASE WHEN ${issued} THEN ${deadline} END`,
    recheck_on: `CASE WHEN f.status = 'signed_off' THEN ${d.addDays(deadline, '60')} END`,
    status: 'f.status',
    notice_id: 'NULL',
    reopen_count: `CASE WHEN f.status = 'reopened' THEN 1 ELSE 0 END`,
    issued_at: `CASE WHEN ${issued} THEN ${onDay(d, 'f.issued_on', '120')} END`,
    signed_off_at: `CASE WHEN f.status = 'signed_off' THEN ${d.least(onDay(d, deadline, '0'), plan.now)} END`,
    created_by: 'p.office_id',
    version: `CASE WHEN f.status = 'draft' THEN 1 WHEN f.status = 'signed_off' THEN 3 ELSE 2 END`,
    created_at: onDay(d, 'f.issued_on', '60'),
    updated_at: onDay(d, 'f.issued_on', '60'),
  };
  // The list's stored order (rectification-order.ts).
  const ordered = { ...columns, sort_key: d.concat(`CASE WHEN f.status IN ('signed_off', 'cancelled') THEN '1' ELSE '0' END`, `':'`, `COALESCE(${columns.deadline}, '')`) };
  return [insertSelect('rectification_items', ordered, `FROM (${findings}) f ${PEOPLE}`)];
}

function rectificationEvents({ d }: SeedPlan): string[] {
  // Recorded, then issued; signed-off items also show their sign-off.
  const steps = `CASE WHEN r.status = 'draft' THEN 1 WHEN r.status = 'signed_off' THEN 3 ELSE 2 END`;
  const columns = {
    item_id: 'r.id',
    action: `CASE k.n WHEN 1 THEN 'create' WHEN 2 THEN 'issue' ELSE 'sign_off' END`,
    from_status: `CASE k.n WHEN 1 THEN NULL WHEN 2 THEN 'draft' ELSE 'report_submitted' END`,
    to_status: `CASE k.n WHEN 1 THEN 'draft' WHEN 2 THEN 'issued' ELSE 'signed_off' END`,
    body: `CASE k.n WHEN 3 THEN '经现场复核，整改到位，予以销号。' END`,
    deadline: `CASE k.n WHEN 2 THEN r.deadline END`,
    actor_user_id: 'r.created_by',
    occurred_at: `CASE k.n WHEN 1 THEN r.created_at WHEN 2 THEN r.issued_at ELSE r.signed_off_at END`,
  };
  return [insertSelect('rectification_events', columns, `FROM rectification_items r JOIN ${d.numbers(1, 3)} k ON k.n <= ${steps}`)];
}

// ── notices ──────────────────────────────────────────────────────────────────────────────────────

const NOTICE_KINDS = [SUPERVISION_NOTICE, CIRCULAR, INTERVIEW_LETTER, RECTIFICATION_NOTICE];
const issuerCode = (kind: string) => `${OFFICE_UNIT.shortName}${NOTICE_KINDS.find((k) => k.kind === kind)!.codeSuffix}`;
/** A JSON string value; the seed's words hold no quotes or backslashes to escape (lit refuses backslashes). */
const json = (d: Dialect, fields: Record<string, string>) => d.concat(`'{'`, ...Object.entries(fields).flatMap(([name, value], i) => [`'${i ? ',' : ''}"${name}":'`, value]), `'}'`);
const jsonText = (d: Dialect, value: string) => d.concat(`'"'`, value, `'"'`);

/** The kind's own fields, as its content DTO names them (src/notices/kinds). */
function noticeContent(d: Dialect): string {
  const progress = jsonText(d, d.concat(`'当前进度 '`, 'x.percent_done', `'%'`));
  const deadline = jsonText(d, `COALESCE(x.deadline, '长期')`);
  const asOf = jsonText(d, 'x.drafted_on');
  const requirements = d.concat(`'["'`, pickWord('x.id', 75, words.REQUIREMENT_SENTENCES), `'"]'`);
  return `CASE x.kind
      WHEN ${lit(SUPERVISION_NOTICE.kind)} THEN ${json(d, { subject: `'"task"'`, role: jsonText(d, `CASE x.role WHEN 'lead' THEN '牵头承办' ELSE '配合办理' END`), directiveTitle: jsonText(d, 'x.title'), directiveCode: jsonText(d, 'x.code'), requirement: jsonText(d, 'x.requirement'), deadline, asOf, overdueDays: String(5), progress, replyBy: asOf, contact: `'""'` })}
      WHEN ${lit(CIRCULAR.kind)} THEN ${json(d, { summary: `'"现将截至目前督办事项逾期未办结情况通报如下。"'`, asOf, lagging: d.concat(`'['`, json(d, { unitName: jsonText(d, 'x.unit_name'), directiveCode: jsonText(d, 'x.code'), directiveTitle: jsonText(d, 'x.title'), deadline, overdueDays: '5', progress }), `']'`), requirements })}
      WHEN ${lit(INTERVIEW_LETTER.kind)} THEN ${json(d, { reason: jsonText(d, d.concat(`'你单位承办的'`, 'x.title', `'逾期未办结'`)), time: asOf, place: `'"协调办第一会议室"'`, summoned: jsonText(d, d.concat('x.short_name', `'主要负责人'`)), attendees: `'"分管负责人、具体承办人员"'`, bring: `'["工作进展情况书面报告"]'`, contact: `'""'` })}
      ELSE ${json(d, { intro: `'"在督导检查中发现你单位存在以下问题，现通知限期整改。"'`, problems: d.concat(`'['`, json(d, { where: jsonText(d, 'x.short_name'), what: jsonText(d, pickWord('x.id', 76, words.INSPECTION_PROBLEMS)), rule: `'""'` }), `']'`), requirements, deadline, reportBy: deadline, recheckOn: deadline, contact: `'""'` })} END`;
}

function notices(plan: SeedPlan): string[] {
  const { d } = plan;
  const kinds: Mix<string> = [[SUPERVISION_NOTICE.kind, 600], [CIRCULAR.kind, 50], [INTERVIEW_LETTER.kind, 150], [RECTIFICATION_NOTICE.kind, 200]];
  const statuses: Mix<string> = [['issued', 900], ['draft', 50], ['voided', 50]];
  // One task in twenty drew a notice a few days after its deadline (standing work: some months in).
  const drafted = d.least(d.addDays(`COALESCE(a.deadline, ${d.dateOf(d.addMinutes('a.created_at', days('100')))})`, `3 + ${draw('a.id', 74, 10)}`), lit(plan.today));
  const facts = `SELECT a.id, a.role, a.percent_done, a.deadline, a.unit_id, u.name AS unit_name, u.short_name, d.code, d.title, d.requirement,
      ${mix(roll('a.id', 72), kinds)} AS kind, ${mix(roll('a.id', 73), statuses)} AS status, ${drafted} AS drafted_on
    FROM assignments a JOIN directives d ON d.id = a.directive_id JOIN units u ON u.id = a.unit_id
    WHERE ${roll('a.id', 71)} < 50`;
  const numbered = `SELECT f.*, CASE WHEN f.status <> 'draft' THEN ${d.yearOf('f.drafted_on')} END AS year,
      ROW_NUMBER() OVER (PARTITION BY f.kind, CASE WHEN f.status <> 'draft' THEN ${d.yearOf('f.drafted_on')} END ORDER BY f.id) AS number_in_year
    FROM (${facts}) f`;
  const issued = `x.status <> 'draft'`;
  const code = `CASE x.kind ${NOTICE_KINDS.map((k) => `WHEN ${lit(k.kind)} THEN ${lit(issuerCode(k.kind))}`).join(' ')} END`;
  const issuedAt = onDay(d, 'x.drafted_on', '90');
  const columns = {
    kind: 'x.kind',
    status: 'x.status',
    title: `CASE x.kind
        WHEN ${lit(SUPERVISION_NOTICE.kind)} THEN ${d.concat(`'关于督办“'`, 'x.title', `'”的通知'`)}
        WHEN ${lit(CIRCULAR.kind)} THEN '关于督办事项逾期未办结情况的通报'
        WHEN ${lit(INTERVIEW_LETTER.kind)} THEN ${d.concat(`'关于约谈'`, 'x.short_name', `'主要负责人的通知'`)}
        ELSE ${d.concat(`'关于'`, 'x.short_name', `'限期整改的通知'`)} END`,
    addressee: `CASE WHEN x.kind = ${lit(CIRCULAR.kind)} THEN '各成员单位' ELSE x.unit_name END`,
    content: noticeContent(d),
    copy_to: lit(JSON.stringify([LEADER_PERSON])),
    issuer_name: lit(OFFICE_UNIT.name),
    issuer_code: code,
    year: 'x.year',
    seq: `CASE WHEN ${issued} THEN x.number_in_year END`,
    number: `CASE WHEN ${issued} THEN ${d.concat(code, `'〔'`, 'x.year', `'〕'`, 'x.number_in_year', `'号'`)} END`,
    assignment_id: `CASE WHEN x.kind = ${lit(CIRCULAR.kind)} THEN NULL ELSE x.id END`,
    replaces_id: 'NULL',
    issued_on: `CASE WHEN ${issued} THEN x.drafted_on END`,
    issued_at: `CASE WHEN ${issued} THEN ${issuedAt} END`,
    issued_by: `CASE WHEN ${issued} THEN p.office_id END`,
    pdf_file: `CASE WHEN ${issued} THEN ${d.concat(`'bench-'`, 'x.id', `'.pdf'`)} END`,
    pdf_sha256: `CASE WHEN ${issued} THEN ${lit(PDF_SHA256)} END`,
    format: `CASE WHEN ${issued} THEN 'standard' END`,
    voided_at: `CASE WHEN x.status = 'voided' THEN ${d.addMinutes(issuedAt, days('2'))} END`,
    void_reason: `CASE WHEN x.status = 'voided' THEN '文号有误，予以作废。' END`,
    created_by: 'p.office_id',
    version: `CASE x.status WHEN 'draft' THEN 1 WHEN 'issued' THEN 2 ELSE 3 END`,
    created_at: onDay(d, 'x.drafted_on', '0'),
    updated_at: onDay(d, 'x.drafted_on', '0'),
  };
  return [insertSelect('notices', columns, `FROM (${numbered}) x ${PEOPLE} ORDER BY x.id`)];
}

function noticeRecipients({ d }: SeedPlan): string[] {
  const acknowledged = (salt: number, share: number) => `n.status <> 'draft' AND ${roll('n.id', salt)} < ${share}`;
  const unitCopy = (unit: string, salt: number) => ({
    notice_id: 'n.id',
    unit_id: unit,
    user_id: 'NULL',
    role: `'to'`,
    name: 'u.name',
    acknowledged_at: `CASE WHEN ${acknowledged(salt, 850)} THEN ${d.addMinutes('n.issued_at', days('1'))} END`,
    acknowledged_by: `CASE WHEN ${acknowledged(salt, 850)} THEN c.id END`,
  });
  const leaderCopy = {
    notice_id: 'n.id',
    unit_id: 'NULL',
    user_id: 'p.leader_id',
    role: `'cc'`,
    name: lit(LEADER_PERSON),
    acknowledged_at: `CASE WHEN ${acknowledged(78, 500)} THEN ${d.addMinutes('n.issued_at', days('2'))} END`,
    acknowledged_by: `CASE WHEN ${acknowledged(78, 500)} THEN p.leader_id END`,
  };
  return [
    // A notice about a task goes to its unit; a circular to every member unit; the leader is copied on each.
    insertSelect('notice_recipients', unitCopy('a.unit_id', 77), `FROM notices n JOIN assignments a ON a.id = n.assignment_id JOIN units u ON u.id = a.unit_id ${contactOf('u.id')}`),
    insertSelect('notice_recipients', unitCopy('u.id', 79), `FROM notices n CROSS JOIN units u ${contactOf('u.id')} WHERE n.kind = ${lit(CIRCULAR.kind)}`),
    insertSelect('notice_recipients', leaderCopy, `FROM notices n ${PEOPLE}`),
  ];
}

function noticeCounters(): string[] {
  return ['INSERT INTO notice_counters (kind, year, last_seq) SELECT kind, year, MAX(seq) FROM notices WHERE seq IS NOT NULL GROUP BY kind, year'];
}

// ── escalations, inboxes ─────────────────────────────────────────────────────────────────────────

function escalations(plan: SeedPlan): string[] {
  const { d } = plan;
  const rungs: Mix<string> = [['supervision_notice', 600], ['circular', 250], ['interview', 150]];
  const rungLabel = (rung: string) => `CASE ${rung} ${rungs.map(([r]) => `WHEN ${lit(r)} THEN ${lit(RUNG_LABELS[r])}`).join(' ')} END`;
  const task = (status: string, rung: string) => ({
    subject_kind: `'assignment'`,
    subject_id: 'a.id',
    unit_id: 'a.unit_id',
    rung,
    period_key: 'a.deadline',
    status,
    summary: d.concat(`'就'`, 'u.short_name', `'承办的“'`, 'dr.title', `'”逾期未办结，拟启动'`, rungLabel(rung), `'。'`),
    notice_id: 'NULL',
    decided_by: `CASE WHEN ${status} <> 'pending' THEN p.office_id END`,
    decided_at: `CASE WHEN ${status} <> 'pending' THEN ${onDay(d, d.addDays('a.deadline', '3'), '0')} END`,
    decision_note: `CASE WHEN ${status} = 'dismissed' THEN '单位已说明情况并加快推进，暂不升级。' END`,
    created_at: d.least(onDay(d, d.addDays('a.deadline', '1'), '0'), plan.now),
  });
  const tasks = `FROM assignments a JOIN directives dr ON dr.id = a.directive_id JOIN units u ON u.id = a.unit_id ${PEOPLE}`;
  // The approval queue (督办审批): rungs reached by overdue open work. The history: rungs decided on work since closed.
  const pending = insertSelect('escalations', task(`'pending'`, mix(roll('a.id', 82), rungs)), `${tasks} WHERE ${isIn('a.status', AWAITING_UNIT)} AND a.deadline < ${lit(plan.today)} AND ${roll('a.id', 81)} < 400`);
  const decided = insertSelect('escalations', task(`CASE WHEN ${roll('a.id', 83)} < 800 THEN 'issued' ELSE 'dismissed' END`, `'supervision_notice'`), `${tasks} WHERE a.status = 'closed' AND a.deadline IS NOT NULL AND ${roll('a.id', 81)} < 30`);
  const items = insertSelect(
    'escalations',
    {
      subject_kind: `'rectification'`,
      subject_id: 'r.id',
      unit_id: 'r.unit_id',
      rung: `'supervision_notice'`,
      period_key: 'r.deadline',
      status: `'pending'`,
      summary: d.concat(`'就'`, 'u.short_name', `'的整改事项逾期未整改到位，拟启动'`, lit(RUNG_LABELS.supervision_notice), `'。'`),
      created_at: d.least(onDay(d, d.addDays('r.deadline', '1'), '0'), plan.now),
    },
    `FROM rectification_items r JOIN units u ON u.id = r.unit_id WHERE r.status IN ('issued', 'plan_submitted', 'plan_returned', 'plan_accepted', 'report_returned', 'reopened') AND r.deadline < ${lit(plan.today)} AND ${roll('r.id', 84)} < 400`,
  );
  return [pending, decided, items];
}

function notifications(plan: SeedPlan): string[] {
  const { d } = plan;
  const readAfterADay = (createdAt: string, salt: number) => `CASE WHEN ${createdAt} < ${d.timestamp(`${plan.monthAgo} 00:00:00`)} OR ${roll('a.id', salt)} < 400 THEN ${d.least(d.addMinutes(createdAt, days('1')), plan.now)} END`;
  const message = (kind: string, key: string, title: string, body: string, createdAt: string, salt: number) => ({
    user_id: 'who.id',
    kind,
    title,
    body,
    link: d.concat(`'/tasks/'`, 'a.id'),
    source_key: d.concat(key, `':'`, 'a.id'),
    read_at: readAfterADay(createdAt, salt),
    created_at: createdAt,
  });
  const tasks = `FROM assignments a JOIN directives dr ON dr.id = a.directive_id JOIN units u ON u.id = a.unit_id`;
  const reminderAt = d.least(onDay(d, d.addDays(`COALESCE(a.deadline, ${d.dateOf('a.created_at')})`, '-3'), '0'), plan.now);
  const unitKind = `CASE WHEN ${roll('a.id', 92)} < 500 THEN 'reminder' ELSE 'task' END`;
  const toContacts = message(
    unitKind,
    `CASE WHEN ${roll('a.id', 92)} < 500 THEN 'action' ELSE 'task' END`,
    `CASE WHEN ${roll('a.id', 92)} < 500 THEN ${d.concat(`'提醒：'`, 'dr.code', `'即将到期'`)} ELSE ${d.concat(`'新任务：'`, 'dr.title')} END`,
    d.concat(`'“'`, 'dr.title', `'”办理时限为'`, `COALESCE(a.deadline, '长期坚持')`, `'，请按时办理并报送进展。'`),
    `CASE WHEN ${roll('a.id', 92)} < 500 THEN ${reminderAt} ELSE ${d.addMinutes('a.created_at', '5')} END`,
    93,
  );
  const toOffice = message(`'review'`, `'review'`, d.concat(`'待审核：'`, 'u.short_name', `'报送了进展'`), d.concat('u.short_name', `'就“'`, 'dr.title', `'”报送了进展，请审核。'`), d.least(d.addMinutes('a.created_at', days('5')), plan.now), 94);
  const toLeader = message(`'escalation'`, `'escalation'`, d.concat(`'督办：'`, 'dr.code'), d.concat('u.short_name', `'承办的“'`, 'dr.title', `'”已逾期，协调办已发出督办。'`), d.least(onDay(d, d.addDays(`COALESCE(a.deadline, ${d.dateOf('a.created_at')})`, '2'), '0'), plan.now), 95);
  // Four tasks in ten left a message in the unit contact's inbox; one in ten in the office's; one in a hundred in the leader's.
  return [
    insertSelect('notifications', toContacts, `${tasks} JOIN users who ON who.unit_id = a.unit_id AND who.role = 'unit' WHERE ${roll('a.id', 91)} < 400`),
    insertSelect('notifications', toOffice, `${tasks} JOIN users who ON who.username = ${lit(BENCH_ACCOUNTS.office)} WHERE ${roll('a.id', 96)} < 100`),
    insertSelect('notifications', toLeader, `${tasks} JOIN users who ON who.username = ${lit(BENCH_ACCOUNTS.leader)} WHERE a.deadline IS NOT NULL AND ${roll('a.id', 97)} < 10`),
  ];
}

/**
 * Last quarter's ranking, published: one period, its snapshot version 1, a line per task due in the
 * quarter (closed on time, or overdue) and each unit's total and rank, as publishing would freeze them.
 */
function assessment(plan: SeedPlan): string[] {
  const { d } = plan;
  const { year, number } = previousPeriod('quarter', plan.today);
  const { startOn, endOn } = periodBounds('quarter', year, number);
  const late = `${d.dateOf('a.closed_at')} > a.deadline`;
  const weight = `CASE a.role WHEN 'lead' THEN ${DEFAULT_RULES.leadWeight} ELSE ${DEFAULT_RULES.cooperatingWeight} END`;
  const points = `CASE WHEN ${late} THEN ${DEFAULT_RULES.items.overdue_item.points} ELSE ${DEFAULT_RULES.items.closed_on_time.points} END * ${weight}`;
  const lines = insertSelect(
    'assessment_lines',
    {
      snapshot_id: 's.id',
      unit_id: 'a.unit_id',
      seq: 'ROW_NUMBER() OVER (PARTITION BY a.unit_id ORDER BY a.deadline, a.id)',
      rule: `CASE WHEN ${late} THEN 'overdue_item' ELSE 'closed_on_time' END`,
      occurred_on: 'a.deadline',
      event: d.concat('dr.code', `' '`, 'dr.title'),
      record_type: `'assignment'`,
      record_id: 'a.id',
      link: d.concat(`'/tasks/'`, 'a.id'),
      quantity: '1',
      weight,
      raw: points,
      points,
      capped: '0',
    },
    `FROM assignments a JOIN directives dr ON dr.id = a.directive_id CROSS JOIN assessment_snapshots s WHERE a.status = 'closed' AND a.deadline BETWEEN ${lit(startOn)} AND ${lit(endOn)}`,
  );
  const scored = `(SELECT u.id AS unit_id, u.name AS unit_name, ${DEFAULT_RULES.baseScore} + COALESCE(SUM(l.points), 0) AS total FROM units u LEFT JOIN assessment_lines l ON l.unit_id = u.id WHERE u.kind <> 'office' GROUP BY u.id, u.name)`;
  const totals = insertSelect(
    'assessment_totals',
    {
      snapshot_id: 's.id',
      unit_id: 't.unit_id',
      unit_name: 't.unit_name',
      base: String(DEFAULT_RULES.baseScore),
      total: 't.total',
      rank: 'RANK() OVER (ORDER BY t.total DESC)',
      position: 'ROW_NUMBER() OVER (ORDER BY t.total DESC, t.unit_id) - 1',
      tied: 'CASE WHEN COUNT(*) OVER (PARTITION BY t.total) > 1 THEN 1 ELSE 0 END',
    },
    `FROM ${scored} t CROSS JOIN assessment_snapshots s`,
  );
  return [
    `INSERT INTO assessment_periods (kind, year, number, start_on, end_on, status, published_on, objections_until, current_version, version) VALUES ('quarter', ${year}, ${number}, ${lit(startOn)}, ${lit(endOn)}, 'published', ${lit(plan.today)}, ${lit(plan.today)}, 1, 1)`,
    insertSelect('assessment_snapshots', { period_id: 'ap.id', version_no: '1', rules: lit(JSON.stringify(DEFAULT_RULES)), reason: `'发布'`, created_by: 'p.office_id' }, `FROM assessment_periods ap ${PEOPLE}`),
    lines,
    totals,
  ];
}

/** One step per table, in the order foreign keys need. */
export const SEED_STEPS: readonly SeedStep[] = [
  { table: 'units', statements: units },
  { table: 'users', statements: users },
  { table: 'source_documents', statements: sourceDocuments },
  { table: 'directives', statements: directives },
  { table: 'directive_counters', statements: directiveCounters },
  { table: 'directive_terms', statements: directiveTerms },
  { table: 'assignments', statements: assignments },
  { table: 'assignment_events', statements: assignmentEvents },
  { table: 'progress_reports', statements: progressReports },
  { table: 'extension_requests', statements: extensionRequests },
  { table: 'assignments', statements: reviewQueue },
  { table: 'inspections', statements: inspections },
  { table: 'inspection_units', statements: inspectionUnits },
  { table: 'rectification_items', statements: rectificationItems },
  { table: 'rectification_events', statements: rectificationEvents },
  { table: 'notices', statements: notices },
  { table: 'notice_recipients', statements: noticeRecipients },
  { table: 'notice_counters', statements: noticeCounters },
  { table: 'escalations', statements: escalations },
  { table: 'notifications', statements: notifications },
  { table: 'assessment_lines', statements: assessment },
];

export interface StepReport {
  table: string;
  rows: number;
  ms: number;
}

/** Runs every step, then refreshes the optimizer's statistics; `execute` answers the rows a statement wrote. */
export async function seed(plan: SeedPlan, execute: (sql: string) => Promise<number>, read: ReadRows, onStep: (step: StepReport) => void): Promise<StepReport[]> {
  const reports: StepReport[] = [];
  for (const step of SEED_STEPS) {
    const started = performance.now();
    let rows = 0;
    for (const statement of await step.statements(plan, read)) rows += await execute(statement);
    const report = { table: step.table, rows, ms: performance.now() - started };
    reports.push(report);
    onStep(report);
  }
  const started = performance.now();
  for (const statement of plan.d.analyze([...new Set(SEED_STEPS.map((s) => s.table))])) await execute(statement);
  const analyze = { table: 'ANALYZE', rows: 0, ms: performance.now() - started };
  onStep(analyze);
  return [...reports, analyze];
}
