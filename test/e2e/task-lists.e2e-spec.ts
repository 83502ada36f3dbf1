import { DataSource } from 'typeorm';
import { taskSortKey, awaitsReview } from '../../src/assignments/task-order';
import { PageClient } from '../support/browser-session';
import { as, login, Organisation, PASSWORD, seedOrganisation } from '../support/fixtures';
import { chinaTime, controlClock } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

type Client = ReturnType<typeof as>;

interface Row {
  id: number;
  status: string;
  deadline: string | null;
  sort_key: string;
  awaiting_review: number | boolean;
  priority: string;
  pending_reports: number | string;
  pending_extensions: number | string;
}

/** Every assignment's stored list columns agree with the rules they are kept by. */
async function expectListColumnsKept(dataSource: DataSource): Promise<void> {
  const rows: Row[] = await dataSource.query(
    `SELECT a.id, a.status, a.deadline, a.sort_key, a.awaiting_review, d.priority,
       (SELECT COUNT(*) FROM progress_reports r WHERE r.assignment_id = a.id AND r.status = 'submitted' AND r.is_final = 0) AS pending_reports,
       (SELECT COUNT(*) FROM extension_requests e WHERE e.assignment_id = a.id AND e.status = 'pending') AS pending_extensions
     FROM assignments a JOIN directives d ON d.id = a.directive_id ORDER BY a.id`,
  );
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    const expected = {
      sortKey: taskSortKey(row.status as never, row.deadline, row.priority as never),
      awaitingReview: awaitsReview(row.status as never, { report: Number(row.pending_reports) > 0, extension: Number(row.pending_extensions) > 0 }),
    };
    expect({ id: row.id, sortKey: row.sort_key, awaitingReview: Boolean(Number(row.awaiting_review)) }).toEqual({ id: row.id, ...expected });
  }
}

describe(`task lists: stored order, review queue and paging (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let office: Client;
  let town: Client;

  beforeAll(async () => {
    app = await startTestApp();
    // Monday 2 March 2026: no holiday until April.
    controlClock([app], chinaTime('2026-03-02', '10:00'));
    org = await seedOrganisation(app.dataSource);
    office = as(app, await login(app, 'office'));
    town = as(app, await login(app, 'unit-town'));
    const deadlines = ['2026-03-20', '2026-03-10', null, '2026-03-20', '2026-04-30', '2026-03-10', null, '2026-03-31'];
    const priorities = ['normal', 'urgent', 'important'];
    for (let i = 0; i < 24; i++) {
      const deadline = deadlines[i % deadlines.length];
      await office
        .post('/api/directives')
        .send({
          title: `排序事项${i}`,
          requirement: '按要求办理。',
          category: '综合',
          priority: priorities[i % priorities.length],
          ...(deadline ? { deadline } : { reportCycle: 'monthly', reportDay: 5 }),
          leadUnitId: i % 2 ? org.town.id : org.police.id,
          cooperatingUnitIds: i % 3 ? [] : [i % 2 ? org.police.id : org.town.id],
        })
        .expect(201);
    }
  });
  afterAll(() => app.close());

  const all = async (client: Client, query: string) => (await client.get(`/api/assignments?pageSize=100&${query}`).expect(200)).body;

  it('lists open work first, by deadline with standing work last, then by priority', async () => {
    const page = await all(office, '');
    expect(page.total).toBe(32);
    expect(page.totalCapped).toBe(false);
    const rank = { urgent: 0, important: 1, normal: 2 } as Record<string, number>;
    const keys = page.items.map((a: { deadline: string | null; priority: string; id: number }) => [a.deadline ?? '9999-12-31', rank[a.priority], a.id]);
    expect(keys).toEqual([...keys].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1] || x[2] - y[2])));
  });

  it('pages by key: each next page starts after the last row, none lost or repeated, filters kept', async () => {
    for (const query of ['', 'overdue=false', 'dueWithin=10']) {
      const whole = (await all(office, query)).items.map((a: { id: number }) => a.id);
      const seen: number[] = [];
      let next: string | null = null;
      let pages = 0;
      do {
        const path: string = `/api/assignments?pageSize=5&${query}${next ? `&after=${next}` : ''}`;
        const page = (await office.get(path).expect(200)).body;
        seen.push(...page.items.map((a: { id: number }) => a.id));
        next = page.next;
        pages++;
      } while (next);
      expect(seen).toEqual(whole);
      expect(pages).toBe(Math.max(1, Math.ceil(whole.length / 5)));
    }
  });

  it('refuses a page number past the numbered reach, and a key that is not one, with a message', async () => {
    const deep = await office.get('/api/assignments?page=600&pageSize=20').expect(400);
    expect(deep.body.code).toBe('PAGE_TOO_DEEP');
    expect(deep.body.message).toContain('下一页');
    const forged = await office.get(`/api/assignments?after=${Buffer.from('[1]').toString('base64url')}`).expect(400);
    expect(forged.body.message).toContain('翻页位置无效');
    await office.get('/api/assignments?after=not%20a%20key').expect(400);
  });

  it('the list page links "next" by key and keeps the filters', async () => {
    const browser = new PageClient(app);
    await browser.signIn('unit-town', PASSWORD);
    const first = await browser.get('/tasks?pageSize=3&overdue=false');
    expect(first.status).toBe(200);
    const html = first.text;
    expect(html).toMatch(/共 \d+ 条，第 1\/\d+ 页/);
    const next = /href="(\?[^"]*after=[^"]+)">下一页/.exec(html.replace(/&amp;/g, '&').replace(/&#x3D;/g, '='));
    expect(next?.[1]).toContain('overdue=false');
    const second = await browser.get(`/tasks${next![1]}`);
    expect(second.status).toBe(200);
    expect(second.text).toContain('第 2/');
    expect(second.text).toContain('上一页');
  });

  it('keeps the order and the review queue through every step of the work', async () => {
    const { items } = await all(town, 'status=issued');
    const [first, second, third] = items as Array<{ id: number; version: number }>;
    const version = async (id: number) => (await town.get(`/api/assignments/${id}`).expect(200)).body.version as number;
    const queue = async () => (await all(office, 'awaitingReview=true')).items.map((a: { id: number }) => a.id).sort();

    await town.post(`/api/assignments/${first.id}/acknowledge`).send({ version: first.version }).expect(200);
    const report = (await town.post(`/api/assignments/${first.id}/reports`).send({ version: await version(first.id), narrative: '已部署。', percentDone: 40 }).expect(200)).body;
    expect(await queue()).toEqual([first.id]);
    await expectListColumnsKept(app.dataSource);

    await office.post(`/api/assignments/reports/${report.reports[0].id}/review`).send({ decision: 'accept' }).expect(200);
    expect(await queue()).toEqual([]);

    await town.post(`/api/assignments/${second.id}/acknowledge`).send({ version: second.version }).expect(200);
    const asked = (await town.post(`/api/assignments/${second.id}/extension-requests`).send({ version: await version(second.id), requestedDeadline: '2026-05-29', reason: '需协调。' }).expect(200)).body;
    expect(await queue()).toEqual([second.id]);
    await office.post(`/api/assignments/extension-requests/${asked.extensions[0].id}/decision`).send({ decision: 'grant' }).expect(200);
    expect(await queue()).toEqual([]);
    await expectListColumnsKept(app.dataSource);

    await town.post(`/api/assignments/${first.id}/completion-request`).send({ version: await version(first.id), narrative: '已完成。', percentDone: 100 }).expect(200);
    expect(await queue()).toEqual([first.id]);
    await office.post(`/api/assignments/${first.id}/return`).send({ version: await version(first.id), reason: '材料不全。' }).expect(200);
    expect(await queue()).toEqual([]);
    await town.post(`/api/assignments/${first.id}/completion-request`).send({ version: await version(first.id), narrative: '已补全。', percentDone: 100 }).expect(200);
    await office.post(`/api/assignments/${first.id}/close`).send({ version: await version(first.id) }).expect(200);
    await office.post(`/api/assignments/${third.id}/cancel`).send({ version: third.version, reason: '合并办理。' }).expect(200);
    await expectListColumnsKept(app.dataSource);

    // The finished tasks go to the end of the list; the extended one moves to its new deadline.
    const order = (await all(town, '')).items.map((a: { id: number }) => a.id);
    expect(order.slice(-2).sort()).toEqual([first.id, third.id].sort());
    const open = (await all(town, 'open=true')).items as Array<{ id: number; deadline: string | null }>;
    expect(open.find((a) => a.id === second.id)!.deadline).toBe('2026-05-29');
  });

  it('moves a directive\'s tasks when its deadline or priority changes', async () => {
    const directive = (await office.get('/api/directives?sort=newest&pageSize=1').expect(200)).body.items[0];
    await office.patch(`/api/directives/${directive.id}`).send({ version: directive.version, priority: 'urgent', ...(directive.deadline ? { deadline: '2026-06-30' } : {}) }).expect(200);
    await expectListColumnsKept(app.dataSource);
    const byPriority = (await office.get('/api/directives?sort=priority&pageSize=100').expect(200)).body.items as Array<{ id: number; priority: string }>;
    expect(byPriority.findIndex((d) => d.id === directive.id)).toBeLessThan(byPriority.findIndex((d) => d.priority !== 'urgent'));
  });
});
