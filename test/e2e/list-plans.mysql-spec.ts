import { PageClient } from '../support/browser-session';
import { as, login, Organisation, PASSWORD, seedOrganisation } from '../support/fixtures';
import { chinaTime, controlClock } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * How MariaDB reads each list. On a few thousand rows a table (enough that the optimiser prefers an index to
 * a scan), every SELECT a list's request issues is EXPLAINed: on the tables that grow with the volume, no
 * step of the plan may read the whole table, sort the rows it found (filesort) or gather them in a
 * temporary table. Adding a list is one line of LISTS.
 */

type Who = 'office' | 'leader' | 'unit-police' | 'unit-town';

/**
 * [what, who asks, path]: `/api/…` with the account's bearer token, any other path as a page signed in through
 * the form; `:police` and `:officeUser` stand for those ids.
 */
const LISTS: Array<[string, Who, string]> = [
  ['tasks, the office', 'office', '/api/assignments'],
  ['tasks, overdue', 'office', '/api/assignments?overdue=true'],
  ['tasks, open (home tile)', 'office', '/api/assignments?open=true&pageSize=1'],
  ['tasks, review queue', 'office', '/api/assignments?awaitingReview=true'],
  ['tasks, page 100 by number', 'office', '/api/assignments?page=100'],
  ['tasks, a unit’s own', 'unit-police', '/api/assignments'],
  ['tasks, a unit’s overdue', 'unit-police', '/api/assignments?overdue=true'],
  ['tasks, a unit’s due soon', 'unit-police', '/api/assignments?dueWithin=5'],
  ['tasks, a unit’s in a status', 'unit-police', '/api/assignments?status=in_progress'],
  ['tasks page', 'unit-town', '/tasks'],
  ['review page', 'office', '/review'],
  ['directives, the office', 'office', '/api/directives'],
  ['directives, newest', 'office', '/api/directives?sort=newest'],
  ['directives, by priority', 'office', '/api/directives?sort=priority'],
  ['notices, the office', 'office', '/api/notices'],
  ['notices of a kind', 'office', '/api/notices?kind=circular'],
  ['notices in a status', 'office', '/api/notices?status=voided'],
  ['notices of a year', 'office', '/api/notices?year=2025'],
  ['notices sent to a unit', 'unit-police', '/api/notices'],
  ['notices copied to a leader', 'leader', '/api/notices'],
  ['notices page', 'unit-town', '/notices'],
  ['rectification items, the office', 'office', '/api/rectifications'],
  ['rectification items, open (home tile)', 'office', '/api/rectifications?open=true&pageSize=1'],
  ['rectification items, overdue (home tile)', 'office', '/api/rectifications?overdue=true&pageSize=1'],
  ['rectification items in a status', 'office', '/api/rectifications?status=plan_submitted'],
  ['rectification items of a unit', 'office', '/api/rectifications?unitId=:police'],
  ['rectification items, a unit’s own', 'unit-police', '/api/rectifications'],
  ['rectification items, a unit’s open (home tile)', 'unit-police', '/api/rectifications?open=true&pageSize=1'],
  ['rectification items, a unit’s overdue (home tile)', 'unit-police', '/api/rectifications?overdue=true&pageSize=1'],
  ['rectification items page, open by unit', 'leader', '/rectifications?open=true'],
  ['inbox', 'unit-police', '/api/notifications'],
  ['inbox, unread', 'unit-police', '/api/notifications?unread=true'],
  ['inbox page', 'office', '/inbox'],
  ['deliveries, failed', 'office', '/api/deliveries'],
  ['deliveries, sent', 'office', '/api/deliveries?status=sent'],
  ['approval queue', 'office', '/api/escalations'],
  ['approval queue, issued', 'office', '/api/escalations?status=issued'],
  ['approval queue page', 'leader', '/escalations'],
  ['schedule, the coming days', 'office', '/api/scheduled-actions?withinDays=10'],
  ['schedule, done', 'office', '/api/scheduled-actions?status=done'],
  ['schedule of a unit', 'office', '/api/scheduled-actions?unitId=:police'],
  ['schedule, a unit’s own', 'unit-town', '/api/scheduled-actions'],
  ['schedule page', 'unit-police', '/schedule?status=done'],
  ['source documents', 'office', '/api/documents'],
  ['source documents of a kind', 'office', '/api/documents?kind=minutes'],
  ['audit trail', 'office', '/api/audit'],
  ['audit trail of a person', 'office', '/api/audit?actorUserId=:officeUser'],
];

/** The tables that grow with the volume; units, users and settings may be read whole. */
const BIG_TABLES = new Set(['source_documents', 'directives', 'assignments', 'inspections', 'rectification_items', 'notices', 'notice_recipients', 'notifications', 'deliveries', 'escalations', 'scheduled_actions', 'audit_entries']);

interface PlanRow {
  id: number;
  select_type: string;
  table: string | null;
  type: string | null;
  key: string | null;
  rows: number | null;
  Extra: string | null;
}

/** alias → table, as TypeORM and the services write them (`FROM \`notices\` \`n\``, `JOIN notice_recipients r`). */
function tablesOf(sql: string): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const [, table, alias] of sql.matchAll(/\b(?:FROM|JOIN)\s+`?(\w+)`?(?:\s+(?:AS\s+)?`?(\w+)`?)?/gi)) {
    aliases.set(table, table);
    if (alias && !/^(WHERE|ON|INNER|LEFT|ORDER|GROUP|LIMIT)$/i.test(alias)) aliases.set(alias, table);
  }
  return aliases;
}

/**
 * What is wrong with one step of a plan that reads a big table, if anything: a sort or a temporary table
 * anywhere in it (on whichever table leads the join, or on a materialised subquery), a full scan of the big
 * table itself.
 */
function faultOf(row: PlanRow, big: boolean): string | null {
  if (big && row.type === 'ALL') return 'reads the whole table';
  if (row.Extra?.includes('Using filesort')) return 'sorts the rows it found';
  if (row.Extra?.includes('Using temporary')) return 'gathers rows in a temporary table';
  return null;
}

describe('list query plans on MariaDB', () => {
  let app: TestApp;
  let org: Organisation;
  const tokens = new Map<Who, string>();
  const pages = new Map<Who, PageClient>();

  beforeAll(async () => {
    app = await startTestApp({ JOBS_POLL_SECONDS: '3600' });
    // Monday 16 March 2026: items and actions lie on both sides of it.
    controlClock([app], chinaTime('2026-03-16', '10:00'));
    org = await seedOrganisation(app.dataSource);
    await seedVolume(app, org);
    for (const who of ['office', 'leader', 'unit-police', 'unit-town'] as const) {
      tokens.set(who, await login(app, who));
      const page = new PageClient(app);
      expect((await page.signIn(who, PASSWORD)).status).toBe(303);
      pages.set(who, page);
    }
  }, 120_000);
  afterAll(() => app.close());

  /** The SELECTs the request issued, as sent to the database. */
  async function queriesOf(who: Who, path: string): Promise<Array<{ sql: string; parameters: unknown[] }>> {
    const url = path.replace(':police', String(org.police.id)).replace(':officeUser', String(org.users.office.id));
    const issued: Array<{ sql: string; parameters: unknown[] }> = [];
    const logger = app.dataSource.logger;
    const spy = jest.spyOn(logger, 'logQuery').mockImplementation((sql, parameters) => void issued.push({ sql, parameters: parameters ?? [] }));
    try {
      const res = url.startsWith('/api/') ? await as(app, tokens.get(who)!).get(url) : await pages.get(who)!.get(url);
      expect([url, res.status]).toEqual([url, 200]);
    } finally {
      spy.mockRestore();
    }
    // A request's reads arrive marked and bounded (request-statements.ts): the plan is the SELECT's own.
    const unwrapped = issued.map((q) => ({ ...q, sql: q.sql.replace(/^\s*\/\*[^]*?\*\/\s*/, '').replace(/^SET STATEMENT [^]*? FOR /i, '') }));
    return unwrapped.filter((q) => /^\s*SELECT\b/i.test(q.sql));
  }

  it.each(LISTS)('%s (%s %s): no full scan, filesort or temporary table on a big table', async (_what, who, path) => {
    const queries = await queriesOf(who, path);
    let readBig = false;
    const faults: string[] = [];
    for (const { sql, parameters } of queries) {
      const aliases = tablesOf(sql);
      const plan: PlanRow[] = await app.dataSource.query(`EXPLAIN ${sql}`, parameters);
      const big = plan.map((row) => BIG_TABLES.has(aliases.get(row.table ?? '') ?? ''));
      if (!big.includes(true)) continue;
      plan.forEach((row, i) => {
        const table = aliases.get(row.table ?? '') ?? row.table;
        readBig ||= big[i];
        const fault = faultOf(row, big[i]);
        if (fault) faults.push(`${table} ${fault} (type ${row.type}, key ${row.key}, ~${row.rows} rows, ${row.Extra}) in:\n${sql}`);
      });
    }
    // The list did read the volume: a plan that never touched a big table would prove nothing.
    expect(readBig).toBe(true);
    expect(faults).toEqual([]);
  });
});

/**
 * A few thousand rows in each big table (from MariaDB's sequence tables, seq_1_to_N), spread over 40 more
 * units and their contacts, with dates on both sides of the clock's day, then ANALYZE TABLE so the optimiser
 * knows them.
 */
async function seedVolume(app: TestApp, org: Organisation): Promise<void> {
  const q = (sql: string) => app.dataSource.query(sql);
  const first = org.town.id + 1;
  await q(`INSERT INTO units (name, short_name, kind, active) SELECT CONCAT('测试单位', seq), CONCAT('单位', seq), 'department', 1 FROM seq_1_to_40`);
  await q(`INSERT INTO users (username, display_name, role, unit_id, active, password_hash) SELECT CONCAT('contact', id), CONCAT('联络员', id), 'unit', id, 1, 'x' FROM units WHERE id >= ${first}`);
  // Member units: police, town and the 40 new ones; `member(n)` spreads rows over them.
  const members = [org.police.id, org.town.id, ...Array.from({ length: 40 }, (_, i) => first + i)];
  const member = (n: string) => `ELT(1 + (${n}) % ${members.length}, ${members.join(', ')})`;
  const day = (n: string, from = '2026-01-01') => `DATE_FORMAT('${from}' + INTERVAL (${n}) DAY, '%Y-%m-%d')`;

  await q(`INSERT INTO source_documents (kind, title, issuer, issued_on, body, created_by, version) SELECT ELT(1 + seq % 6, 'minutes', 'speech', 'policy', 'instruction', 'suggestion', 'inspection'), CONCAT('文件', seq), '测试办', ${day('seq % 450', '2025-01-01')}, '正文', 1, 1 FROM seq_1_to_3000`);
  await q(
    `INSERT INTO directives (code, year, seq, title, requirement, category, priority, deadline, created_by, version, due_key, priority_rank)
     SELECT CONCAT('DB-2025-', seq), 2025, seq, CONCAT('事项', seq), '要求', '综合', ELT(1 + seq % 3, 'urgent', 'important', 'normal'), ${day('seq % 150')}, 1, 1, ${day('seq % 150')}, seq % 3 FROM seq_1_to_2000`,
  );
  await q(
    `INSERT INTO assignments (directive_id, unit_id, role, status, deadline, percent_done, version, created_at, sort_key, awaiting_review)
     SELECT d.id, ${member('d.id * 4 + k.seq')}, IF(k.seq = 0, 'lead', 'cooperating'), ELT(1 + (d.id + k.seq) % 4, 'issued', 'in_progress', 'closed', 'acknowledged'), d.deadline, 0, 1, '2025-12-01',
       CONCAT(IF((d.id + k.seq) % 4 = 2, '1:', '0:'), d.deadline, ':', d.priority_rank), (d.id + k.seq) % 40 = 1
     FROM directives d JOIN seq_0_to_3 k`,
  );
  await q(`INSERT INTO inspections (document_id, type, inspectors, created_by, created_at, version) SELECT id, 'unannounced', '检查组', 1, '2026-01-01', 1 FROM source_documents WHERE id <= 500`);
  // As years of inspections leave them: most signed off; the open ones due from February to April.
  await q(
    `INSERT INTO rectification_items (inspection_id, unit_id, location, problem, rule, requirements, priority, deadline_days, deadline, status, issued_at, created_by, version, sort_key)
     SELECT 1 + seq % 500, ${member('seq')}, '网点', '问题', '规定', '[]', 'important', 10, ${day('seq % 420', '2025-01-01')}, IF(seq % 20 >= 8, 'signed_off', ELT(1 + seq % 20, 'draft', 'cancelled', 'issued', 'plan_submitted', 'plan_accepted', 'report_submitted', 'report_returned', 'reopened')), '2025-01-01', 1, 1, '' FROM seq_1_to_5000`,
  );
  await q(`UPDATE rectification_items SET deadline = NULL, issued_at = NULL WHERE status = 'draft'`);
  await q(`UPDATE rectification_items SET deadline = ${day('id % 90', '2026-02-01')} WHERE status NOT IN ('draft', 'signed_off', 'cancelled')`);
  await q(`UPDATE rectification_items SET sort_key = CONCAT(IF(status IN ('signed_off', 'cancelled'), '1:', '0:'), COALESCE(deadline, ''))`);

  // One notice in 20 a circular to every member unit; each copied to the leader.
  await q(
    `INSERT INTO notices (kind, status, title, addressee, content, copy_to, issuer_name, issuer_code, year, seq, number, assignment_id, created_by, version)
     SELECT IF(seq % 20 = 0, 'circular', ELT(1 + seq % 3, 'supervision_notice', 'interview_letter', 'rectification_notice')), ELT(1 + seq % 10, 'draft', 'voided', 'issued', 'issued', 'issued', 'issued', 'issued', 'issued', 'issued', 'issued'), CONCAT('通知', seq), '单位', '{}', '[]', '测试办', '测试办', 2025 + seq % 2, seq, CONCAT('测〔', 2025 + seq % 2, '〕', seq, '号'), 1 + seq % 8000, 1, 1 FROM seq_1_to_4000`,
  );
  await q(`INSERT INTO notice_recipients (notice_id, unit_id, user_id, role, name) SELECT id, ${member('id')}, NULL, 'to', '单位' FROM notices WHERE kind <> 'circular'`);
  await q(`INSERT INTO notice_recipients (notice_id, unit_id, user_id, role, name) SELECT n.id, u.id, NULL, 'to', u.name FROM notices n JOIN units u ON u.id IN (${members.join(', ')}) WHERE n.kind = 'circular'`);
  await q(`INSERT INTO notice_recipients (notice_id, unit_id, user_id, role, name) SELECT id, NULL, ${org.users.leader.id}, 'cc', '领导' FROM notices`);

  await q(`INSERT INTO notifications (user_id, kind, title, body, source_key, read_at, created_at) SELECT u.id, 'reminder', '提醒', '请办理', CONCAT('seed:', s.seq), IF(s.seq % 3 = 0, NULL, '2026-03-01'), '2026-03-01' FROM users u JOIN seq_1_to_450 s`);
  await q(`INSERT INTO deliveries (channel, recipient, topic, status, attempts, run_at) SELECT 'email', 'user:1', CONCAT('event:seed', seq), ELT(1 + seq % 10, 'dead', 'pending', 'sent', 'sent', 'sent', 'sent', 'sent', 'sent', 'sent', 'sent'), 1, '2026-03-01' FROM seq_1_to_4000`);
  await q(`INSERT INTO escalations (subject_kind, subject_id, unit_id, rung, period_key, status, summary, created_at) SELECT 'assignment', a.id, a.unit_id, 'circular', a.deadline, ELT(1 + a.id % 10, 'pending', 'issued', 'issued', 'issued', 'issued', 'issued', 'issued', 'dismissed', 'dismissed', 'dismissed'), '通报', '2026-03-01' FROM assignments a WHERE a.id <= 4000`);
  await q(
    `INSERT INTO scheduled_actions (subject_kind, subject_id, unit_id, kind, period_key, due_at, run_at, status, attempts)
     SELECT 'assignment', a.id, a.unit_id, 'reminder', CONCAT(a.deadline, ':', k.seq), a.deadline - INTERVAL k.seq DAY + INTERVAL 1 HOUR, a.deadline - INTERVAL k.seq DAY + INTERVAL 1 HOUR, IF(a.deadline - INTERVAL k.seq DAY >= '2026-03-16', 'pending', ELT(1 + a.id % 3, 'done', 'done', 'cancelled')), 0
     FROM assignments a JOIN seq_1_to_3 k`,
  );
  await q(`INSERT INTO audit_entries (occurred_at, actor_user_id, action, object_type, object_id) SELECT '2026-01-01' + INTERVAL seq MINUTE, ELT(1 + seq % 3, ${org.users.office.id}, ${org.users.police.id}, ${org.users.town.id}), ELT(1 + seq % 3, 'auth.login', 'notice.create', 'unit.update'), 'notice', seq % 4000 FROM seq_1_to_10000`);
  await q(`ANALYZE TABLE ${[...BIG_TABLES, 'units', 'users'].join(', ')}`);
}
