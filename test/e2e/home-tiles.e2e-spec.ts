import { PageClient } from '../support/browser-session';
import { as, login, Organisation, PASSWORD, seedOrganisation } from '../support/fixtures';
import { chinaTime, controlClock, jobsEnv } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

/** Enough of a PNG for the content check: a rectification report needs a photo. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

type Client = ReturnType<typeof as>;

interface Tile {
  count: number;
  href: string;
  alert: boolean;
}

/** The figures of a home page, by their label. */
function tilesOf(html: string): Record<string, Tile> {
  const section = /<div class="tiles" id="home-tiles">([\s\S]*?)<\/div>/.exec(html);
  if (!section) throw new Error('no tiles on the home page');
  const tiles: Record<string, Tile> = {};
  for (const [, alert, href, count, label] of section[1].matchAll(/<a class="tile( tile-alert)?" href="([^"]+)"><span class="num">(\d+)<\/span><span>([^<]+)<\/span><\/a>/g)) {
    tiles[label] = { count: Number(count), href: href.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&'), alert: alert !== undefined };
  }
  return tiles;
}

/** Where each tile leads, by its label (a unit's own tiles say 本单位 first). */
const TILE_LINKS: Record<string, string> = {
  在办任务: '/tasks?open=true',
  已超期任务: '/tasks?overdue=true',
  '待审核（报告、办结、延期）': '/review',
  在办整改事项: '/rectifications?open=true',
  已超期整改事项: '/rectifications?overdue=true',
};

/** The total a list page states in its pager. */
const listed = (html: string): number => Number(/共 (\d+) 条/.exec(html)?.[1] ?? NaN);

describe(`home page figures (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let office: Client;
  let town: Client;
  const ids = { overdueTask: 0, cancelledTask: 0, policeItem: 0, townItem: 0, townReported: 0 };

  beforeAll(async () => {
    app = await startTestApp(jobsEnv());
    // Monday 2 March 2026: no holiday until April, so working days are plain weekdays.
    const clock = controlClock([app], chinaTime('2026-03-02', '10:00'));
    org = await seedOrganisation(app.dataSource);
    office = as(app, await login(app, 'office'));
    town = as(app, await login(app, 'unit-town'));

    const directive = (title: string, deadline: string) => ({ title, requirement: '按要求办理。', category: '综合', priority: 'normal', deadline, leadUnitId: org.town.id });
    const late = (await office.post('/api/directives').send(directive('街道反诈宣传进社区', '2026-03-10')).expect(201)).body;
    await office.post('/api/directives').send(directive('街道涉诈重点人员走访', '2026-04-30')).expect(201);
    ids.overdueTask = late.assignments[0].id;
    // A cancelled task, past its deadline too: neither open nor overdue, though the full list shows it.
    const dropped = (await office.post('/api/directives').send(directive('街道旧版宣传册回收', '2026-03-04')).expect(201)).body.assignments[0];
    ids.cancelledTask = dropped.id;
    await office.post(`/api/assignments/${dropped.id}/cancel`).send({ version: dropped.version, reason: '任务已并入宣传进社区' }).expect(200);

    const finding = (unitId: number, location: string) => ({ unitId, location, problem: `${location}未张贴防诈骗警示标识。`, rule: '《涉诈风险网点管理办法》第十二条', requirements: ['立即张贴警示标识'], deadlineDays: 10 });
    const inspection = (
      await office
        .post('/api/inspections')
        .send({ title: '涉诈风险网点明查暗访', type: 'unannounced', inspectedOn: '2026-02-27', inspectors: '反诈办 张三', summary: '明查暗访。', unitIds: [org.police.id, org.town.id], findings: [finding(org.police.id, '建设银行东湖支行'), finding(org.town.id, '东湖社区服务点'), finding(org.town.id, '东湖菜市场')] })
        .expect(201)
    ).body;
    const issued = (await office.post(`/api/inspections/${inspection.id}/issue`).send({ notices: 'none' }).expect(200)).body.items as { id: number; deadline: string }[];
    expect(issued.map((i) => i.deadline)).toEqual(['2026-03-16', '2026-03-16', '2026-03-16']);
    [ids.policeItem, ids.townItem, ids.townReported] = issued.map((i) => i.id);

    // One of the street's items waits for the office to verify its report: the unit owes nothing on it, so it is not overdue.
    let item = (await town.get(`/api/rectifications/${ids.townReported}`).expect(200)).body;
    item = (await town.post(`/api/rectifications/${ids.townReported}/plan`).send({ version: item.version, plan: '当日张贴。' }).expect(200)).body;
    item = (await office.post(`/api/rectifications/${ids.townReported}/plan/accept`).send({ version: item.version }).expect(200)).body;
    await town.post(`/api/rectifications/${ids.townReported}/report`).field('version', String(item.version)).field('report', '已张贴，附照片。').attach('files', PNG, '现场照片.png').expect(200);

    // Thursday 19 March: the items are three working days late, the first task seven.
    clock.set(chinaTime('2026-03-19', '10:00'));
  });
  afterAll(() => app.close());

  const homeTiles = async (username: string) => {
    const browser = new PageClient(app);
    expect((await browser.signIn(username, PASSWORD)).status).toBe(303);
    const home = await browser.get('/');
    expect(home.status).toBe(200);
    return { browser, tiles: tilesOf(home.text) };
  };

  /** Each figure is the total of the list its tile opens. */
  const expectListsMatch = async (browser: PageClient, tiles: Record<string, Tile>) => {
    const shown = Object.values(tiles).filter((tile) => tile.count > 0);
    expect(shown.length).toBeGreaterThan(0);
    for (const tile of shown) {
      const page = await browser.get(tile.href);
      expect([tile.href, page.status]).toEqual([tile.href, 200]);
      expect([tile.href, listed(page.text)]).toEqual([tile.href, tile.count]);
    }
  };

  /** What each account's tiles count on 19 March, by label. */
  it.each<[string, Record<string, number>]>([
    // Only a rectification item three days late: before, this unit's home said "0 已超期".
    ['unit-police', { 本单位在办任务: 0, 已超期任务: 0, 本单位在办整改事项: 1, 已超期整改事项: 1 }],
    ['unit-town', { 本单位在办任务: 2, 已超期任务: 1, 本单位在办整改事项: 2, 已超期整改事项: 1 }],
    ['office', { 在办任务: 2, 已超期任务: 1, '待审核（报告、办结、延期）': 0, 在办整改事项: 3, 已超期整改事项: 2 }],
  ])('shows %s open and overdue tasks and rectification items, each tile opening the list it counts', async (username, counts) => {
    const { browser, tiles } = await homeTiles(username);
    expect(Object.fromEntries(Object.entries(tiles).map(([label, tile]) => [label, tile.count]))).toEqual(counts);
    for (const [label, tile] of Object.entries(tiles)) {
      expect([label, tile.href, tile.alert]).toEqual([label, TILE_LINKS[label.replace('本单位', '')], label.startsWith('已超期')]);
    }
    await expectListsMatch(browser, tiles);
  });

  it('lists the overdue rectification item of the unit its tile counts, and not another unit’s', async () => {
    const { browser } = await homeTiles('unit-police');
    const overdue = await browser.get('/rectifications?overdue=true');
    expect(overdue.text).toContain(`href="/rectifications/${ids.policeItem}"`);
    expect(overdue.text).not.toContain(`href="/rectifications/${ids.townItem}"`);
  });

  it('counts on the rectification list the open and overdue items of each unit, the units most overdue first', async () => {
    const { browser, tiles } = await homeTiles('office');
    const table = /<table class="table" id="open-by-unit">([\s\S]*?)<\/table>/.exec((await browser.get('/rectifications')).text)?.[1] ?? '';
    const rows = [...table.matchAll(/<a href="\/rectifications\?unitId=\d+&open=true">([^<]+)<\/a>.*?<td data-label="未销号">(\d+)<\/td><td data-label="已逾期">(?:<span class="days overdue">)?(\d+)/g)].map(([, unit, open, overdue]) => [unit, Number(open), Number(overdue)]);
    expect(rows).toEqual([
      ['测试市东湖街道', 2, 1],
      ['测试市公安局', 1, 1],
    ]);
    // The same items the tiles count.
    expect(rows.reduce((sum, [, open]) => sum + Number(open), 0)).toBe(tiles['在办整改事项'].count);
    expect(rows.reduce((sum, [, , overdue]) => sum + Number(overdue), 0)).toBe(tiles['已超期整改事项'].count);
  });

  it('leaves out of the overdue figures an item whose report awaits verification and a cancelled task', async () => {
    const { browser } = await homeTiles('unit-town');
    const overdueTasks = await browser.get('/tasks?overdue=true');
    expect(overdueTasks.text).toContain(`href="/tasks/${ids.overdueTask}"`);
    expect(overdueTasks.text).not.toContain(`href="/tasks/${ids.cancelledTask}"`);
    expect(listed((await browser.get('/tasks')).text)).toBe(3);
    expect((await browser.get('/tasks?open=true')).text).not.toContain(`href="/tasks/${ids.cancelledTask}"`);
    expect((await town.get('/api/assignments?open=false').expect(200)).body.items.map((t: { id: number }) => t.id)).toEqual([ids.cancelledTask]);
    const overdueItems = await browser.get('/rectifications?overdue=true');
    expect(overdueItems.text).toContain(`href="/rectifications/${ids.townItem}"`);
    expect(overdueItems.text).not.toContain(`href="/rectifications/${ids.townReported}"`);
  });

  it('counts a progress report waiting for review in the office’s queue', async () => {
    let task = (await town.get(`/api/assignments/${ids.overdueTask}`).expect(200)).body;
    task = (await town.post(`/api/assignments/${ids.overdueTask}/acknowledge`).send({ version: task.version }).expect(200)).body;
    task = (await town.post(`/api/assignments/${ids.overdueTask}/reports`).field('version', String(task.version)).field('narrative', '已完成宣传。').field('percentDone', '60').expect(200)).body;
    expect(task.status).toBe('in_progress');
    const { browser, tiles } = await homeTiles('office');
    expect(tiles['待审核（报告、办结、延期）']).toEqual({ count: 1, href: '/review', alert: false });
    await expectListsMatch(browser, tiles);
  });

  it('describes what each role can do today and promises nothing for a later version', async () => {
    for (const username of ['office', 'unit-town']) {
      const browser = new PageClient(app);
      await browser.signIn(username, PASSWORD);
      const home = (await browser.get('/')).text;
      expect(home).not.toContain('后续版本');
      // 考核排名 is there now, as a link to the ranking in the menu.
      expect(home).toContain('<a href="/assessment"');
      expect(home).toContain('href="/notices"');
      expect(home).toContain('href="/rectifications');
    }
    const unit = new PageClient(app);
    await unit.signIn('unit-town', PASSWORD);
    const unitHome = (await unit.get('/')).text;
    expect(unitHome).toContain('收到提醒');
    expect(unitHome).toContain('href="/inbox"');
    const officeClient = new PageClient(app);
    await officeClient.signIn('office', PASSWORD);
    const officeHome = (await officeClient.get('/')).text;
    for (const link of ['/escalations', '/schedule', '/policies', '/inspections', '/listings']) expect(officeHome).toContain(`href="${link}"`);
  });
});
