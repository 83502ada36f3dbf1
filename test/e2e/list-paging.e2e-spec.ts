import { as, login, seedOrganisation } from '../support/fixtures';
import { chinaTime, controlClock } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

type Client = ReturnType<typeof as>;
type Who = 'office' | 'unit-police';

/** [who, list, page size]: each list with more rows than a page, ties in its order included. */
const LISTS: Array<[Who, string, number]> = [
  ['office', '/api/rectifications', 2],
  ['unit-police', '/api/rectifications', 1],
  ['office', '/api/scheduled-actions?withinDays=60', 3],
  ['office', '/api/scheduled-actions?status=cancelled', 2],
  ['unit-police', '/api/scheduled-actions?withinDays=60', 2],
  ['unit-police', '/api/notifications', 2],
  ['office', '/api/documents', 2],
  ['office', '/api/units', 1],
  ['office', '/api/users', 1],
  ['office', '/api/audit', 4],
];

/**
 * A list read by key (`after`, the previous page's `next`) gives the rows it gives by page number: the same
 * ones in the same order, none twice, none left out, on both databases — the key conditions compare dates,
 * sort keys and ids as each database stores them.
 */
describe(`lists paged by key (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  const clients = new Map<Who, Client>();

  beforeAll(async () => {
    app = await startTestApp();
    // Monday 2 March 2026; the tasks' reminders and rungs fall in the weeks after it, several at the same time.
    controlClock([app], chinaTime('2026-03-02', '10:00'));
    const org = await seedOrganisation(app.dataSource);
    for (const who of ['office', 'unit-police'] as const) clients.set(who, as(app, await login(app, who)));
    const office = clients.get('office')!;
    for (const [title, deadline] of [
      ['涉诈账户清理', '2026-03-20'],
      ['反诈宣传进社区', '2026-03-20'],
      ['重点人员走访', '2026-03-27'],
    ]) {
      await office.post('/api/directives').send({ title, requirement: '按要求办理。', category: '综合', priority: 'normal', deadline, leadUnitId: org.police.id, cooperatingUnitIds: [org.town.id] }).expect(201);
    }
    // A cancelled task: its schedule is cancelled.
    const dropped = (await office.post('/api/directives').send({ title: '旧宣传册回收', requirement: '回收。', category: '综合', priority: 'normal', deadline: '2026-03-13', leadUnitId: org.police.id }).expect(201)).body.assignments[0];
    await office.post(`/api/assignments/${dropped.id}/cancel`).send({ version: dropped.version, reason: '并入宣传进社区' }).expect(200);
    const finding = (unitId: number, location: string) => ({ unitId, location, problem: `${location}未张贴警示标识。`, rule: '第十二条', requirements: ['张贴警示标识'], deadlineDays: 10 });
    const inspect = (title: string, inspectedOn: string) =>
      office
        .post('/api/inspections')
        .send({ title, type: 'unannounced', inspectedOn, inspectors: '反诈办', summary: '明查暗访。', unitIds: [org.police.id, org.town.id], findings: [finding(org.police.id, '东湖支行'), finding(org.town.id, '东湖社区'), finding(org.police.id, '西山支行'), finding(org.police.id, '北湖网点')] })
        .expect(201);
    // Issued items share their deadline; the second inspection's stay drafts (no deadline yet).
    await office.post(`/api/inspections/${(await inspect('第一次明查暗访', '2026-02-27')).body.id}/issue`).send({ notices: 'none' }).expect(200);
    await inspect('第二次明查暗访', '2026-02-28');
    for (const [title, issuedOn] of [
      ['会议纪要一', '2026-02-20'],
      ['会议纪要二', '2026-02-20'],
      ['会议纪要三', '2026-02-21'],
    ]) {
      await office.post('/api/documents').send({ kind: 'minutes', title, issuer: '反诈办', issuedOn, body: '纪要。' }).expect(201);
    }
  });
  afterAll(() => app.close());

  const ids = (body: { items: Array<{ id: number }> }) => body.items.map((item) => item.id);
  const withPage = (path: string, params: Record<string, string | number>) => `${path}${path.includes('?') ? '&' : '?'}${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`;

  it.each(LISTS)('%s %s, %i a page', async (who, path, pageSize) => {
    const client = clients.get(who)!;
    const first = (await client.get(withPage(path, { pageSize })).expect(200)).body;
    expect(first.total).toBeGreaterThan(pageSize * 2);
    const byNumber: number[] = [];
    for (let page = 1; (page - 1) * pageSize < first.total; page += 1) byNumber.push(...ids((await client.get(withPage(path, { pageSize, page })).expect(200)).body));
    const byKey: number[] = ids(first);
    for (let next = first.next; next !== null; ) {
      const body = (await client.get(withPage(path, { pageSize, after: next })).expect(200)).body;
      byKey.push(...ids(body));
      next = body.next;
    }
    expect(byKey).toEqual(byNumber);
    expect(new Set(byKey).size).toBe(first.total);
  });
});
