import { load } from 'cheerio';
import { PageClient, pageClients } from '../support/browser-session';
import { as, binary, login, PASSWORD, seedOrganisation, tableCounts } from '../support/fixtures';
import { chinaTime, controlClock, drain, jobsEnv } from '../support/scheduling';
import { downloadWorkbook, rowsOf, workbookOf } from '../support/workbooks';
import { startTestApp, TestApp } from '../support/test-app';

type Client = ReturnType<typeof as>;

interface Row {
  unitId: number;
  unitName: string;
  total: number;
  rank: number;
  tied: boolean;
}
interface Line {
  id: number | null;
  seq: number;
  unitId: number;
  rule: string;
  event: string;
  recordType: string;
  link: string;
  quantity: number;
  weight: number;
  points: number;
  correction: string | null;
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
/** A page's main text, its white space folded. */
const main = (html: string) => load(html)('main').text().replace(/\s+/g, ' ');
const ASSESSMENT_TABLES = ['assessment_periods', 'assessment_snapshots', 'assessment_totals', 'assessment_lines', 'assessment_objections', 'attachments', 'audit_entries'];

/**
 * A scripted March 2026: one directive with a target, led by the police (closed on time, target met) and
 * shared with the township (a report returned, never closed, target missed). Scored in April.
 */
describe(`assessment ranking (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let clock: ReturnType<typeof controlClock>;
  let org: Awaited<ReturnType<typeof seedOrganisation>>;
  let office: Client;
  let leader: Client;
  let police: Client;
  let town: Client;
  let periodId: number;
  let directiveId: number;

  const at = async (date: string, time = '09:00') => {
    clock.set(chinaTime(date, time));
    await drain([app]);
  };
  const task = async (client: Client, id: number) => (await client.get(`/api/assignments/${id}`).expect(200)).body as { id: number; version: number; unitId: number; reports: { id: number }[] };
  const lines = async (client: Client, query = '') => (await client.get(`/api/assessment/periods/${periodId}/lines${query}`).expect(200)).body as Line[];
  const ranking = async (client: Client, query = '') => (await client.get(`/api/assessment/periods/${periodId}${query}`).expect(200)).body as { snapshotVersion: number; rows: Row[]; period: { version: number; status: string; objectionsUntil: string } };
  const totalOf = (rows: Row[], unitId: number) => rows.find((r) => r.unitId === unitId)!.total;

  beforeAll(async () => {
    app = await startTestApp(jobsEnv());
    clock = controlClock([app], chinaTime('2026-03-02'));
    org = await seedOrganisation(app.dataSource);
    [office, leader, police, town] = await Promise.all(['office', 'leader', 'unit-police', 'unit-town'].map(async (u) => as(app, await login(app, u))));

    const directive = (
      await office
        .post('/api/directives')
        .send({ title: '国家反诈中心APP推广安装', requirement: '辖区安装率达到60%。', category: '宣传防范', priority: 'normal', deadline: '2026-03-10', leadUnitId: org.police.id, cooperatingUnitIds: [org.town.id], metric: { name: 'APP安装率', unit: '%', comparator: 'gte', target: 60 } })
        .expect(201)
    ).body;
    directiveId = directive.id;
    const listed = (await office.get(`/api/assignments?directiveId=${directiveId}`).expect(200)).body.items as { id: number; unitId: number }[];
    const policeTask = listed.find((a) => a.unitId === org.police.id)!.id;
    const townTask = listed.find((a) => a.unitId === org.town.id)!.id;

    await police.post(`/api/assignments/${policeTask}/acknowledge`).send({ version: (await task(police, policeTask)).version }).expect(200);
    const reported = (await police.post(`/api/assignments/${policeTask}/reports`).send({ version: (await task(police, policeTask)).version, narrative: '安装率达到70%', percentDone: 90, metricValue: 70 }).expect(200)).body;
    await office.post(`/api/assignments/reports/${reported.reports[0].id}/review`).send({ decision: 'accept' }).expect(200);
    await at('2026-03-09');
    await police.post(`/api/assignments/${policeTask}/completion-request`).send({ version: (await task(police, policeTask)).version, narrative: '已完成', percentDone: 100, metricValue: 70 }).expect(200);
    await office.post(`/api/assignments/${policeTask}/close`).send({ version: (await task(office, policeTask)).version }).expect(200);

    await town.post(`/api/assignments/${townTask}/acknowledge`).send({ version: (await task(town, townTask)).version }).expect(200);
    const townReport = (await town.post(`/api/assignments/${townTask}/reports`).send({ version: (await task(town, townTask)).version, narrative: '正在推进', percentDone: 30, metricValue: 40 }).expect(200)).body;
    await office.post(`/api/assignments/reports/${townReport.reports[0].id}/review`).send({ decision: 'return', note: '缺少各社区数据' }).expect(200);

    // Past its deadline the township receives a supervision notice, then is listed with a yellow card and named in its circular.
    await at('2026-03-16');
    const draft = (await office.post('/api/notices').send({ kind: 'supervision_notice', assignmentId: townTask }).expect(201)).body;
    await office.post(`/api/notices/${draft.id}/issue`).send({ version: draft.version }).expect(200);
    await office.post('/api/listings').send({ unitId: org.town.id, card: 'yellow', reason: 'APP推广逾期未完成。', conditionsText: '完成推广任务。', circular: 'issue' }).expect(201);
    await at('2026-04-01');
  });
  afterAll(() => app.close());

  it('has a default rule set that says, for each rule, which recorded outcome it counts', async () => {
    const rules = (await town.get('/api/assessment/rules').expect(200)).body;
    expect(rules).toMatchObject({ version: 1, baseScore: 100, periodKind: 'quarter' });
    expect(rules.descriptions).toHaveLength(12);
    for (const d of rules.descriptions) expect(d.counts).toMatch(/^[\u4e00-\u9fa5].{8,}/);
  });

  it('refuses bad input with Chinese messages and stores nothing', async () => {
    const before = await tableCounts(app.dataSource, ASSESSMENT_TABLES);
    const periods = [{ kind: 'week', year: 2026, number: 1 }, { kind: 'quarter', year: 2026, number: 5 }, { kind: 'month', year: 2026, number: 0 }, { kind: 'month', year: 2026, number: 3, extra: 1 }, { kind: 'year', year: 2027, number: 1 }];
    for (const body of periods) {
      const res = await office.post('/api/assessment/periods').send(body).expect(400);
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const rules = (await office.get('/api/assessment/rules').expect(200)).body;
    const bad = { version: rules.version, baseScore: 100, leadWeight: 1, cooperatingWeight: 0.5, periodKind: 'month', objectionDays: 5, items: { ...rules.items, overdue_item: { points: 'many', cap: -1 } } };
    const refused = await office.put('/api/assessment/rules').send(bad).expect(400);
    expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['items.overdue_item.points', 'items.overdue_item.cap']));
    expect(refused.body.message).toContain('逾期事项');
    // Not a number: said once, not also as out of range; a kind named as people know it; a year has one number.
    const notNumbers = await office.put('/api/assessment/rules').send({ ...bad, items: { ...rules.items, overdue_item: { points: 'abc', cap: 20 } } }).expect(400);
    expect(notNumbers.body.details).toEqual([{ field: 'items.overdue_item.points', message: '逾期事项的分值应为数字' }]);
    expect((await office.post('/api/assessment/periods').send({ kind: 'month', year: 'abc', number: 3 }).expect(400)).body.details).toEqual([{ field: 'year', message: '年度应为整数' }]);
    expect((await office.post('/api/assessment/periods').send({ kind: 'week', year: 2026, number: 1 }).expect(400)).body.details).toEqual([{ field: 'kind', message: '考核周期应为月度、季度、年度之一' }]);
    expect((await office.post('/api/assessment/periods').send({ kind: 'year', year: 2025, number: 2 }).expect(400)).body.message).toContain('年度考核的期次只能为 1');
    // Each rule keeps its sign: a penalty cannot add points, a reward cannot deduct.
    const wrongSigns = await office.put('/api/assessment/rules').send({ ...bad, items: { ...rules.items, overdue_item: { points: 5, cap: 20 }, target_met: { points: -1, cap: 10 } } }).expect(400);
    expect(wrongSigns.body.details).toEqual([
      { field: 'items.overdue_item.points', message: '逾期事项是扣分项，分值应为 0 或负数（如 -2）' },
      { field: 'items.target_met.points', message: '目标达成是加分项，分值应为 0 或正数' },
    ]);
    expect(await tableCounts(app.dataSource, ASSESSMENT_TABLES)).toEqual(before);
    await police.post('/api/assessment/periods').send({ kind: 'month', year: 2026, number: 3 }).expect(403);
    await leader.post('/api/assessment/periods').send({ kind: 'month', year: 2026, number: 3 }).expect(403);
    expect(await app.dataSource.getRepository('AssessmentPeriod').count()).toBe(0);
  });

  it('previews the scripted month live: each point a line with its rule, event and link; weights and per-day points applied', async () => {
    const period = (await office.post('/api/assessment/periods').send({ kind: 'month', year: 2026, number: 3 }).expect(201)).body;
    periodId = period.id;
    expect(period).toMatchObject({ label: '2026年3月', startOn: '2026-03-01', endOn: '2026-03-31', status: 'open' });
    await office.post('/api/assessment/periods').send({ kind: 'month', year: 2026, number: 3 }).expect(409);

    const preview = (await office.get(`/api/assessment/periods/${periodId}/preview`).expect(200)).body as { snapshotVersion: null; rows: Row[] };
    expect(preview.snapshotVersion).toBeNull();
    expect(preview.rows.map((r) => [r.unitId, r.rank])).toEqual([
      [org.police.id, 1],
      [org.town.id, 2],
    ]);
    // Police (lead): closed on time +1, target met +2.
    expect(totalOf(preview.rows, org.police.id)).toBe(103);
    const townLines = (await office.get(`/api/assessment/periods/${periodId}/preview/lines?unitId=${org.town.id}`).expect(200)).body as Line[];
    expect(townLines.map((l) => l.rule).sort()).toEqual(['card_listed', 'circular', 'overdue_day', 'overdue_item', 'report_returned', 'supervision_notice', 'target_missed']);
    const perDay = townLines.find((l) => l.rule === 'overdue_day')!;
    // 15 working days late (3-10 → 3-31), cooperating weight 0.5, 0.2 a day.
    expect(perDay).toMatchObject({ quantity: 15, weight: 0.5, points: -1.5 });
    expect(townLines.filter((l) => l.rule !== 'card_listed' && l.recordType !== 'notice').every((l) => l.link.startsWith('/tasks/'))).toBe(true);
    expect(townLines.find((l) => l.rule === 'card_listed')!.link).toMatch(/^\/listings\/\d+$/);
    expect(townLines.find((l) => l.rule === 'circular')!.link).toMatch(/^\/notices\/\d+$/);
    // The police were not named in the circular sent to every unit, nor given its card.
    const policeLines = (await office.get(`/api/assessment/periods/${periodId}/preview/lines?unitId=${org.police.id}`).expect(200)).body as Line[];
    expect(policeLines.map((l) => l.rule).sort()).toEqual(['closed_on_time', 'target_met']);
    // Returned report -0.25, overdue item -1, per day -1.5, target missed -1 (cooperating: half); notice -2, card -5, circular -3.
    expect(totalOf(preview.rows, org.town.id)).toBe(86.25);
    // Leaders and units see no preview; a period not yet published has no ranking to read.
    await leader.get(`/api/assessment/periods/${periodId}/preview`).expect(403);
    await town.get(`/api/assessment/periods/${periodId}/preview`).expect(403);
    await town.get(`/api/assessment/periods/${periodId}`).expect(409);
    // Refused before the download starts: an error the client can read, no half-written file.
    const unpublished = await office.get(`/api/assessment/periods/${periodId}/ranking.xlsx`).expect(409);
    expect(unpublished.headers['content-disposition']).toBeUndefined();
    expect(unpublished.body.message).toContain('尚未发布');
  });

  it('publishes version 1, which later edits of rules and records do not change', async () => {
    const open = (await office.get('/api/assessment/periods').expect(200)).body.find((p: { id: number }) => p.id === periodId);
    await office.post(`/api/assessment/periods/${periodId}/publish`).send({ version: open.version + 1 }).expect(409);
    const published = (await office.post(`/api/assessment/periods/${periodId}/publish`).send({ version: open.version }).expect(200)).body;
    expect(published).toMatchObject({ snapshotVersion: 1, period: { status: 'published', publishedOn: '2026-04-01' } });
    await office.post(`/api/assessment/periods/${periodId}/publish`).send({ version: published.period.version }).expect(409);

    // Later: the township's task is cancelled and the rules change (doubling the overdue deduction).
    const townTask = (await office.get(`/api/assignments?directiveId=${directiveId}`).expect(200)).body.items.find((a: { unitId: number }) => a.unitId === org.town.id);
    await office.post(`/api/assignments/${townTask.id}/cancel`).send({ version: (await task(office, townTask.id)).version, reason: '任务调整' }).expect(200);
    const rules = (await office.get('/api/assessment/rules').expect(200)).body;
    await office.put('/api/assessment/rules').send({ version: rules.version, baseScore: 90, leadWeight: 1, cooperatingWeight: 1, periodKind: 'month', objectionDays: 5, items: { ...rules.items, overdue_item: { points: -4, cap: 20 } } }).expect(200);
    // The version check: the version read before is stale now.
    const stale = await office.put('/api/assessment/rules').send({ version: rules.version, baseScore: 80, leadWeight: 1, cooperatingWeight: 1, periodKind: 'month', objectionDays: 5, items: rules.items }).expect(409);
    expect(stale.body).toMatchObject({ code: 'STALE_VERSION' });
    expect(stale.body.message).toContain('考核规则');

    const now = await ranking(town);
    expect(now.snapshotVersion).toBe(1);
    expect(totalOf(now.rows, org.police.id)).toBe(103);
    expect(totalOf(now.rows, org.town.id)).toBe(86.25);
    // The live preview follows the new rules; the snapshot does not.
    const preview = (await office.get(`/api/assessment/periods/${periodId}/preview`).expect(200)).body;
    expect(totalOf(preview.rows, org.town.id)).toBe(79.5);
  });

  it('shows a unit its own lines only, and the table of every unit’s totals', async () => {
    const own = await lines(town);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((l) => l.unitId === org.town.id)).toBe(true);
    await town.get(`/api/assessment/periods/${periodId}/lines?unitId=${org.police.id}`).expect(404);
    expect((await ranking(town)).rows).toHaveLength(2);
    const refused = await leader.get(`/api/assessment/periods/${periodId}/lines`).expect(400);
    expect(refused.body.message).toContain('请选择要查看计分明细的单位');
    const policeLines = await lines(leader, `?unitId=${org.police.id}`);
    expect(policeLines.length).toBeGreaterThan(0);
    expect(policeLines.every((l) => l.unitId === org.police.id)).toBe(true);
    const policeLine = policeLines[0];
    // Neither objecting to another unit's line, nor a leader objecting at all.
    await town.post(`/api/assessment/periods/${periodId}/lines/${policeLine.id}/objections`).send({ reason: '不是我们的' }).expect(404);
    await leader.post(`/api/assessment/periods/${periodId}/lines/${policeLine.id}/objections`).send({ reason: '看看' }).expect(403);
  });

  it('takes an objection with evidence; the office accepts it into version 2 and keeps version 1', async () => {
    const before = await tableCounts(app.dataSource, ASSESSMENT_TABLES);
    const line = (await lines(town)).find((l) => l.rule === 'report_returned')!;
    await town.post(`/api/assessment/periods/${periodId}/lines/${line.id}/objections`).send({ reason: '  ' }).expect(400);
    expect(await tableCounts(app.dataSource, ASSESSMENT_TABLES)).toEqual(before);

    const objection = (await town.post(`/api/assessment/periods/${periodId}/lines/${line.id}/objections`).field('reason', '退回的报告已于次日补充数据并被采纳').attach('files', PNG, '补充数据截图.png').expect(201)).body;
    expect(objection).toMatchObject({ status: 'pending', lineSeq: line.seq, unitId: org.town.id, attachments: [{ fileName: '补充数据截图.png' }] });
    await town.post(`/api/assessment/periods/${periodId}/lines/${line.id}/objections`).send({ reason: '再次申诉' }).expect(409);
    // The unit's contact can download its evidence; the other unit cannot see the objection.
    await town.get(objection.attachments[0].url).expect(200);
    await police.get(`/api/assessment/objections/${objection.id}`).expect(404);
    expect((await police.get('/api/assessment/objections').expect(200)).body).toEqual([]);
    expect((await office.get('/api/assessment/objections?status=pending').expect(200)).body.map((o: { id: number }) => o.id)).toEqual([objection.id]);

    await police.post(`/api/assessment/objections/${objection.id}/accept`).send({ version: objection.version, points: 0, note: '核实' }).expect(403);
    await office.post(`/api/assessment/objections/${objection.id}/accept`).send({ version: objection.version, points: 'zero', note: '核实' }).expect(400);
    // Nothing to correct, the wrong sign for the rule, or more than its cap (5 for returned reports): refused, nothing stored.
    const unchanged = tableCounts(app.dataSource, ASSESSMENT_TABLES);
    const refusals = [
      [-0.25, '更正后的分值与现行分值（-0.25 分）相同，无须采纳'],
      [100, '进展报告被退回是扣分项'],
      [-6, '更正后的分值不能超过 5 分'],
    ] as const;
    for (const [points, message] of refusals) {
      const refusal = await office.post(`/api/assessment/objections/${objection.id}/accept`).send({ version: objection.version, points, note: '核实' }).expect(400);
      expect(refusal.body.details).toEqual([{ field: 'points', message: expect.stringContaining(message) }]);
    }
    expect(await tableCounts(app.dataSource, ASSESSMENT_TABLES)).toEqual(await unchanged);
    const accepted = (await office.post(`/api/assessment/objections/${objection.id}/accept`).send({ version: objection.version, points: 0, note: '经核实，报告已补充' }).expect(200)).body;
    expect(accepted).toMatchObject({ status: 'accepted', resultVersion: 2, correctedPoints: 0 });
    expect((await office.post(`/api/assessment/objections/${objection.id}/reject`).send({ version: accepted.version, note: '晚了' }).expect(409)).body.message).toBe('该申诉已采纳');

    const v2 = await ranking(town);
    expect(v2.snapshotVersion).toBe(2);
    expect(totalOf(v2.rows, org.town.id)).toBe(86.5);
    const v1 = await ranking(town, '?version=1');
    expect(totalOf(v1.rows, org.town.id)).toBe(86.25);
    const corrected = (await lines(town)).find((l) => l.seq === line.seq)!;
    expect(corrected).toMatchObject({ points: 0 });
    expect(corrected.correction).toContain('经核实');
    expect((await lines(town, '?version=1')).find((l) => l.seq === line.seq)).toMatchObject({ points: -0.25, correction: null });
    expect((await office.get(`/api/assessment/periods/${periodId}/snapshots`).expect(200)).body.map((s: { versionNo: number }) => s.versionNo)).toEqual([1, 2]);

    // The ranking as a workbook: every unit's total; lines of the units in reach (a unit contact its own), the correction beside them.
    const officeBook = await downloadWorkbook(office, `/api/assessment/periods/${periodId}/ranking.xlsx`);
    expect(officeBook.worksheets.map((w) => w.name)).toEqual(['排名', '计分明细']);
    expect(officeBook.worksheets[0].views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const table = rowsOf(officeBook.worksheets[0]);
    expect(table[0]).toEqual(['1', '', '测试市公安局', expect.any(String), '103']);
    expect(table.find((r) => r[2] === '测试市东湖街道')![4]).toBe('86.5');
    const officeLines = rowsOf(officeBook.worksheets[1]);
    expect(officeLines.length).toBe((await lines(office, `?unitId=${org.police.id}`)).length + (await lines(town)).length);
    expect(officeLines.find((r) => r[3] === '进展报告被退回')).toEqual(expect.arrayContaining(['测试市东湖街道', '0', expect.stringContaining('经核实')]));
    const townBook = await downloadWorkbook(town, `/api/assessment/periods/${periodId}/ranking.xlsx?version=1`);
    expect(rowsOf(townBook.worksheets[0]).length).toBe(table.length);
    const townLines = rowsOf(townBook.worksheets[1]);
    expect(townLines.length).toBe((await lines(town, '?version=1')).length);
    expect(townLines.every((r) => r[1] === '测试市东湖街道')).toBe(true);
    expect(townLines.find((r) => r[3] === '进展报告被退回')![7]).toBe('-0.25');

    // Audited and notified.
    const audit = (await office.get('/api/audit?pageSize=100').expect(200)).body.items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['assessment.publish', 'assessment.object', 'assessment.accept_objection', 'assessment.update_rules']));
    const inbox = (await town.get('/api/notifications?pageSize=50').expect(200)).body.items.map((n: { body: string }) => n.body);
    expect(inbox.some((b: string) => b.includes('申诉已采纳'))).toBe(true);
  });

  it('works through the pages: the ranking, the rules form, an objection with evidence, its rejection, a new period published after a question', async () => {
    const signedIn = pageClients(app, PASSWORD);
    const [officePage, townPage, leaderPage]: PageClient[] = await Promise.all(['office', 'unit-town', 'leader'].map((u) => signedIn(u)));
    const flash = async (client: PageClient, location: string) => load((await client.get(location)).text)('#flash').text();

    // The town sees the table of totals and its own lines with an objection form; no other unit's lines.
    const townRanking = await townPage.get(`/assessment?periodId=${periodId}`);
    expect(townRanking.status).toBe(200);
    // Units by their short names, as the board names them (the full name on hover).
    expect(load(townRanking.text)('#ranking-table td[data-label="单位"]').map((_i, td) => load(td).text()).get()).toEqual(['公安局', '东湖街道']);
    expect(townRanking.text).toContain('<span title="测试市公安局">公安局</span>');
    // A period that does not exist, or is not published yet for a unit, is not found, not swapped for another.
    expect((await townPage.get('/assessment?periodId=99999')).status).toBe(404);
    expect((await officePage.get('/assessment?periodId=99999')).status).toBe(404);
    expect(load(townRanking.text)('#lines-table tbody tr').length).toBeGreaterThan(1);
    expect(townRanking.text).not.toContain(`unitId=${org.police.id}`);
    expect((await townPage.get(`/assessment?periodId=${periodId}&unitId=${org.police.id}`)).status).toBe(404);
    // The page offers the ranking as a workbook, the town's with its own lines only.
    const exportLink = load(townRanking.text)('#export-ranking').attr('href')!;
    expect(exportLink).toMatch(new RegExp(`^/assessment/periods/${periodId}/ranking\\.xlsx\\?version=\\d+$`));
    const townFile = await app.http().get(exportLink).set('Cookie', townPage.cookieHeader()).buffer(true).parse(binary).expect(200);
    expect(rowsOf((await workbookOf(townFile.body as Buffer)).worksheets[1]).every((r) => r[1] === '测试市东湖街道')).toBe(true);
    const line = (await lines(town)).find((l) => l.rule === 'target_missed')!;
    const form = `form[action="/assessment/periods/${periodId}/lines/${line.id}/objections"]`;
    const before = await tableCounts(app.dataSource, ASSESSMENT_TABLES);
    const refused = await townPage.submit(townRanking.text, form, { reason: '   ' });
    expect(refused.status).toBe(400);
    expect(main(refused.text)).toContain('申诉理由不能为空');
    expect(await tableCounts(app.dataSource, ASSESSMENT_TABLES)).toEqual(before);
    const objected = await townPage.submit(townRanking.text, form, { reason: '指标已于期末前报送' }, [{ field: 'files', name: '报送记录.png', content: PNG }]);
    expect(objected.status).toBe(303);
    expect(await flash(townPage, objected.headers.location)).toContain('已提出申诉（附 1 个佐证材料）');
    const objectionId = Number(/\/assessment\/objections\/(\d+)/.exec(objected.headers.location)![1]);
    // The line now shows its pending objection instead of a second form.
    const after = await townPage.get(`/assessment?periodId=${periodId}`);
    expect(after.text).toContain(`<a href="/assessment/objections/${objectionId}">申诉处理中</a>`);
    expect(after.text).not.toContain(`lines/${line.id}/objections`);

    // The leader reads the queue and the objection, with no forms to decide it.
    expect(main((await leaderPage.get('/assessment/objections?status=pending')).text)).toContain('指标已于期末前报送');
    expect((await leaderPage.get(`/assessment/objections/${objectionId}`)).text).not.toContain('reject-form');

    // The office rejects it through the page: an empty reason is refused, then a reason is taken.
    const objectionPage = await officePage.get(`/assessment/objections/${objectionId}`);
    const emptyNote = await officePage.submit(objectionPage.text, '#reject-form', { note: '' });
    expect(emptyNote.status).toBe(400);
    expect(main(emptyNote.text)).toContain('驳回理由不能为空');
    const rejected = await officePage.submit(objectionPage.text, '#reject-form', { note: '期末前未报送指标值' });
    expect(await flash(officePage, rejected.headers.location)).toContain('已驳回申诉');
    // Rejected: the line is not offered for a second objection in this version, and the page says why.
    const afterRejection = await townPage.get(`/assessment?periodId=${periodId}`);
    expect(afterRejection.text).not.toContain(`lines/${line.id}/objections`);
    expect(load(afterRejection.text)('#lines-table').text().replace(/\s+/g, '')).toContain('申诉已驳回每一行在每个版本只能申诉一次');
    const again = await town.post(`/api/assessment/periods/${periodId}/lines/${line.id}/objections`).send({ reason: '再补充一次' }).expect(409);
    expect(again.body).toMatchObject({ code: 'OBJECTION_DECIDED' });
    expect(again.body.message).toContain('每一行在每个版本只能申诉一次');

    // The rules form: a bad value comes back with a Chinese message and what was typed; a good one is saved.
    const rulesPage = await officePage.get('/assessment/rules');
    expect(main(rulesPage.text)).toContain('不按批示、会议、照片、报表等工作量计分');
    const badRules = await officePage.submit(rulesPage.text, '#rules-form', { points_circular: '-500', baseScore: '95' });
    expect(badRules.status).toBe(400);
    expect(main(badRules.text)).toContain('被通报的分值不能小于 -100');
    expect(load(badRules.text)('input[name="baseScore"]').val()).toBe('95');
    const wordRules = await officePage.submit(rulesPage.text, '#rules-form', { points_circular: 'abc', points_overdue_item: '5' });
    expect(wordRules.status).toBe(400);
    expect(main(wordRules.text)).toContain('被通报的分值应为数字');
    expect(main(wordRules.text)).not.toContain('不能小于');
    const wrongSign = await officePage.submit(rulesPage.text, '#rules-form', { points_overdue_item: '5' });
    expect(wrongSign.status).toBe(400);
    expect(main(wrongSign.text)).toContain('逾期事项是扣分项，分值应为 0 或负数');
    const savedRules = await officePage.submit(rulesPage.text, '#rules-form', { points_circular: '-4', cap_circular: '' });
    expect(await flash(officePage, savedRules.headers.location)).toContain('已保存考核规则');
    expect((await office.get('/api/assessment/rules').expect(200)).body.items.circular).toEqual({ points: -4, cap: null });

    // A new period: refused when its number does not fit its kind, then created, previewed and published after a question.
    const rankingPage = await officePage.get('/assessment');
    const badPeriod = await officePage.submit(rankingPage.text, '#period-form', { kind: 'quarter', year: '2026', number: '5' });
    expect(badPeriod.status).toBe(400);
    expect(main(badPeriod.text)).toContain('季度考核的期次应为 1—4');
    // A period still running is previewed as provisional, and not published before the day after its end.
    const running = await officePage.submit((await officePage.get('/assessment')).text, '#period-form', { kind: 'month', year: '2026', number: '4' });
    const runningPage = await officePage.get(running.headers.location);
    const runningId = Number(/periodId=(\d+)/.exec(running.headers.location)![1]);
    expect(main(runningPage.text)).toContain('考核期尚未结束，预览只计到今天的记录，是临时结果；2026-05-01 起才能发布');
    expect(runningPage.text).not.toContain(`/assessment/periods/${runningId}/publish`);
    const runningPeriod = (await office.get('/api/assessment/periods').expect(200)).body.find((p: { id: number }) => p.id === runningId);
    expect(runningPeriod).toMatchObject({ endOn: '2026-04-30', publishableFrom: '2026-05-01' });
    const early = await office.post(`/api/assessment/periods/${runningId}/publish`).send({ version: runningPeriod.version }).expect(409);
    expect(early.body).toMatchObject({ code: 'PERIOD_NOT_ENDED' });
    expect(early.body.message).toContain('2026年4月30日才结束，2026年5月1日起才能发布排名');
    expect((await office.get(`/api/assessment/periods/${runningId}/snapshots`).expect(200)).body).toEqual([]);
    // A unit does not see it, not even by its id.
    expect((await townPage.get(`/assessment?periodId=${runningId}`)).status).toBe(404);
    const created = await officePage.submit(rankingPage.text, '#period-form', { kind: 'quarter', year: '2026', number: '1' });
    expect(await flash(officePage, created.headers.location)).toContain('已建立2026年第1季度考核期');
    const previewPage = await officePage.get(created.headers.location);
    expect(main(previewPage.text)).toContain('实时预览（未发布）');
    const newPeriodId = Number(/periodId=(\d+)/.exec(created.headers.location)![1]);
    const question = await officePage.submit(previewPage.text, `form[action="/assessment/periods/${newPeriodId}/publish"]`);
    expect(main(question.text)).toContain('确认发布2026年第1季度考核排名');
    expect((await office.get(`/api/assessment/periods/${newPeriodId}/snapshots`).expect(200)).body).toEqual([]);
    const published = await officePage.confirm(question);
    expect(await flash(officePage, published.headers.location)).toContain('已发布2026年第1季度考核排名（第 1 版）');
    // Every view of it renders, for each role.
    for (const client of [officePage, townPage, leaderPage]) {
      for (const path of [`/assessment?periodId=${newPeriodId}`, `/assessment?periodId=${periodId}&version=1`, '/assessment/rules', '/assessment/objections', '/assessment/objections?status=rejected']) expect({ path, status: (await client.get(path)).status }).toEqual({ path, status: 200 });
    }
  });

  it('accepts an objection through its page after a question, refusing first what it would refuse; the circular question names the pending objection', async () => {
    const officePage = await pageClients(app, PASSWORD)('office');
    const line = (await lines(town)).find((l) => l.rule === 'supervision_notice')!;
    expect(line.points).toBe(-2);
    const objection = (await town.post(`/api/assessment/periods/${periodId}/lines/${line.id}/objections`).send({ reason: '督办通知书已按期回复' }).expect(201)).body;

    // Before circulating: the objection pending and the window open are said.
    const outlook = (await office.get(`/api/assessment/periods/${periodId}/circular`).expect(200)).body;
    expect(outlook).toMatchObject({ issued: [], draftId: null, objectionsOpen: true, pendingObjections: 1, unreachable: [] });
    const rankingPage = await officePage.get(`/assessment?periodId=${periodId}`);
    const circularQuestion = await officePage.submit(rankingPage.text, `form[action="/assessment/periods/${periodId}/circular"]:has(input[value="issue"])`);
    expect(main(circularQuestion.text)).toContain('尚有 1 件申诉待处理，采纳后会产生新版本排名，与本通报不一致');

    const page = await officePage.get(`/assessment/objections/${objection.id}`);
    const before = await tableCounts(app.dataSource, ASSESSMENT_TABLES);
    // A cleared 分值 comes back empty, not as 0.
    const cleared = await officePage.submit(page.text, '#accept-form', { points: '', note: '核实' });
    expect(cleared.status).toBe(400);
    expect(main(cleared.text)).toContain('更正后的分值不能为空');
    expect(load(cleared.text)('#accept-form input[name="points"]').val()).toBe('');
    // The same points are refused before anything is asked.
    const same = await officePage.submit(page.text, '#accept-form', { points: '-2', note: '核实' });
    expect(same.status).toBe(400);
    expect(main(same.text)).toContain('更正后的分值与现行分值（-2 分）相同');
    expect(same.text).not.toContain('confirm-form');
    // A correction is asked about first: nothing is stored until it is confirmed.
    const question = await officePage.submit(page.text, '#accept-form', { points: '-1', note: '已按期回复，减半扣分' });
    expect(question.status).toBe(200);
    expect(main(question.text)).toContain('确认采纳测试市东湖街道的申诉');
    expect(main(question.text)).toContain('-2 分改为 -1 分');
    expect(await tableCounts(app.dataSource, ASSESSMENT_TABLES)).toEqual(before);
    const accepted = await officePage.confirm(question);
    expect(load((await officePage.get(accepted.headers.location)).text)('#flash').text()).toContain('已采纳申诉，更正后的排名为第3版');
    expect(totalOf((await ranking(town)).rows, org.town.id)).toBe(87.5);
  });

  it('rejects an objection with a reason, and refuses objections once the window has closed', async () => {
    const line = (await lines(town)).find((l) => l.rule === 'overdue_item')!;
    const objection = (await town.post(`/api/assessment/periods/${periodId}/lines/${line.id}/objections`).send({ reason: '时限内已上报' }).expect(201)).body;
    await office.post(`/api/assessment/objections/${objection.id}/reject`).send({ version: objection.version, note: '' }).expect(400);
    const rejected = (await office.post(`/api/assessment/objections/${objection.id}/reject`).send({ version: objection.version, note: '系统记录显示未按期销号' }).expect(200)).body;
    expect(rejected).toMatchObject({ status: 'rejected', decisionNote: '系统记录显示未按期销号' });
    expect((await ranking(town)).snapshotVersion).toBe(3);

    const { period } = await ranking(town);
    await at('2026-04-20');
    expect(period.objectionsUntil < '2026-04-20').toBe(true);
    const late = await town.post(`/api/assessment/periods/${periodId}/lines/${line.id}/objections`).send({ reason: '补充申诉' }).expect(409);
    expect(late.body).toMatchObject({ code: 'OBJECTION_WINDOW_CLOSED' });
    expect(late.body.message).toMatch(/申诉期已于.*截止/);
  });

  it('circulates through the page: one draft per period, then a question naming what was issued before and who cannot acknowledge', async () => {
    const officePage = await pageClients(app, PASSWORD)('office');
    const flash = async (location: string) => load((await officePage.get(location)).text)('#flash').text();
    const circulars = () => app.dataSource.getRepository('Notice').find({ where: { kind: 'assessment_circular' }, order: { id: 'ASC' } }) as Promise<Array<{ id: number; status: string; number: string | null }>>;
    // A member unit with nobody to acknowledge for it.
    await app.dataSource.getRepository('Unit').save({ name: '测试市西山镇', shortName: '西山镇', kind: 'township', parentId: null, contactPerson: null, contactPhone: null, contactEmail: null, address: null, active: true });
    const form = (mode: string) => `form[action="/assessment/periods/${periodId}/circular"]:has(input[value="${mode}"])`;

    const first = await officePage.submit((await officePage.get(`/assessment?periodId=${periodId}`)).text, form('draft'));
    expect(await flash(first.headers.location)).toContain('已生成考核排名通报草稿');
    const second = await officePage.submit((await officePage.get(`/assessment?periodId=${periodId}`)).text, form('draft'));
    expect(second.headers.location).toBe(first.headers.location);
    expect(await flash(second.headers.location)).toContain('已更新本期的考核排名通报草稿');
    expect((await circulars()).map((n) => n.status)).toEqual(['draft']);

    const question = await officePage.submit((await officePage.get(`/assessment?periodId=${periodId}`)).text, form('issue'));
    const asked = main(question.text);
    expect(asked).toContain('本期已印发无');
    expect(asked).toContain('申诉期已截止，无待处理申诉');
    expect(asked).toContain('印发本期已有的草稿');
    expect(asked).toContain('注意：测试市西山镇没有启用的账号，无人能在系统中签收');
    const issued = await officePage.confirm(question);
    expect(issued.headers.location).toBe(first.headers.location);
    const [circular] = await circulars();
    expect(circular).toMatchObject({ status: 'issued', number: expect.stringMatching(/〔2026〕1号$/) });
    expect(await flash(issued.headers.location)).toContain(`已印发考核排名通报${circular.number}。`);
    expect((await office.get(`/api/notices/${circular.id}`).expect(200)).body.content.rows.find((r: { unitName: string }) => r.unitName === '测试市东湖街道').total).toBe(87.5);

    const again = await officePage.submit((await officePage.get(`/assessment?periodId=${periodId}`)).text, form('issue'));
    expect(main(again.text)).toContain(`本期已印发考核排名通报${circular.number}，再次印发将另取文号，成为本期第2份通报`);
    expect(load(again.text)('#confirm-form button.primary').text()).toBe('仍然印发');
    expect(await circulars()).toHaveLength(1);

    // A new draft of the period, issued from the notice's own page: the same caution is asked there.
    const redraft = await officePage.submit((await officePage.get(`/assessment?periodId=${periodId}`)).text, form('draft'));
    const draftPage = (await officePage.get(redraft.headers.location)).text;
    const saved = await officePage.submit(draftPage, `form[action="${redraft.headers.location}/edit"]`, { then: 'issue' });
    expect(saved.headers.location).toBe(`${redraft.headers.location}/issue`);
    const fromNotice = await officePage.get(saved.headers.location);
    expect(main(fromNotice.text)).toContain(`本期已印发考核排名通报${circular.number}，再次印发将另取文号，成为本期第2份通报`);
    expect((await circulars()).map((n) => n.status)).toEqual(['issued', 'draft']);
  });

  it('issues the ranking as a circular with its table', async () => {
    await town.post(`/api/assessment/periods/${periodId}/circular`).send({ mode: 'draft' }).expect(403);
    await office.post(`/api/assessment/periods/${periodId}/circular`).send({ mode: 'loud' }).expect(400);
    const { noticeId } = (await office.post(`/api/assessment/periods/${periodId}/circular`).send({ mode: 'issue' }).expect(200)).body;
    const notice = (await office.get(`/api/notices/${noticeId}`).expect(200)).body;
    expect(notice).toMatchObject({ kind: 'assessment_circular', status: 'issued', title: '关于2026年3月成员单位考核排名情况的通报' });
    expect(notice.content.rows.map((r: { unitName: string; rank: number }) => [r.rank, r.unitName])).toEqual([
      [1, '测试市公安局'],
      [2, '测试市东湖街道'],
    ]);
    const html = (await office.get(`/api/notices/${noticeId}/preview`).expect(200)).text;
    expect(html).toContain('测试市东湖街道');
    expect(html).toContain('87.5');
    const pdf = await office.get(`/api/notices/${noticeId}/preview.pdf`).buffer(true).parse((res, done) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => done(null, Buffer.concat(chunks))); }).expect(200);
    expect((pdf.body as Buffer).subarray(0, 4).toString()).toBe('%PDF');
  });
});

describe(`the demo city's assessment (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO: 'true', DEMO_PASSWORD: PASSWORD });
  });
  afterAll(() => app.close());

  it('has last quarter’s ranking published, scored from its recorded work, with one objection pending', async () => {
    const office = as(app, await login(app, 'office'));
    const periods = (await office.get('/api/assessment/periods').expect(200)).body as Array<{ id: number; kind: string; status: string; currentVersion: number }>;
    expect(periods).toEqual([expect.objectContaining({ kind: 'quarter', status: 'published', currentVersion: 1 })]);
    const ranking = (await office.get(`/api/assessment/periods/${periods[0].id}`).expect(200)).body as { rows: Row[] };
    expect(ranking.rows.length).toBeGreaterThan(10);
    expect(ranking.rows[0].unitName).toBe('云澜市公安局');
    const pending = (await office.get('/api/assessment/objections?status=pending').expect(200)).body;
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ unitName: '中国电信股份有限公司云澜分公司', line: { rule: 'overdue_item' } });
  });
});
