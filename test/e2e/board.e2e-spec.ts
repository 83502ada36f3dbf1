import type { UnitFigures } from '../../src/board/board-rules';
import { load } from 'cheerio';
import { PdfRenderer } from '../../src/notices/pdf-renderer.service';
import { formOn, PageClient } from '../support/browser-session';
import { as, binary, login, Organisation, PASSWORD, seedOrganisation } from '../support/fixtures';
import { pdfPageSize, pdfText } from '../support/pdf-tools';
import { chinaTime, controlClock } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

type Client = ReturnType<typeof as>;

interface Task {
  id: number;
  unitId: number;
  version: number;
  reports: Array<{ id: number }>;
}

type Row = UnitFigures & { unitId: number; unitName: string; card: string | null };

/** The charts a board page shows: each an image of its own, with its size and a text for who cannot see it. */
const chartImages = (html: string) =>
  load(html)('figure.chart img')
    .map((_, img) => ({ src: img.attribs.src, alt: img.attribs.alt, width: img.attribs.width, height: img.attribs.height }))
    .get() as Array<{ src: string; alt: string; width: string; height: string }>;

/** A chart as the browser fetches it for the page: status, headers and the SVG's text. */
async function fetchChart(app: TestApp, browser: PageClient, src: string, headers: Record<string, string> = {}) {
  let req = app.http().get(src).set('Cookie', browser.cookieHeader());
  for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
  const res = await req.buffer(true).parse(binary);
  return { status: res.status, headers: res.headers as Record<string, string>, text: (res.body as Buffer).toString('utf8') };
}

/** The texts an SVG draws (unit names, labels, the axis). */
const drawnTexts = (svg: string) => load(svg)('text').map((_, t) => load(t).text()).get() as string[];

const figuresOf = (row: Row) => {
  const { open, onTime, dueSoon, overdue, closed, closedOnTime, onTimeRate, rectificationsOpen, rectificationsOverdue } = row;
  return { open, onTime, dueSoon, overdue, closed, closedOnTime, onTimeRate, rectificationsOpen, rectificationsOverdue };
};

describe(`the board, 挂图作战 (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let office: Client;
  let police: Client;
  let town: Client;
  let clock: ReturnType<typeof controlClock>;
  const task: Record<string, Task> = {};
  const directive: Record<string, number> = {};

  const step = async (client: Client, path: string, body: Record<string, unknown>): Promise<Task> => (await client.post(path).send(body).expect(200)).body;
  const report = async (client: Client, id: string, fields: { percentDone: number; metricValue?: number }, completion = false): Promise<Task> => {
    const request = client
      .post(`/api/assignments/${task[id].id}/${completion ? 'completion-request' : 'reports'}`)
      .field('version', String(task[id].version))
      .field('narrative', '按要求推进。')
      .field('percentDone', String(fields.percentDone));
    if (fields.metricValue !== undefined) request.field('metricValue', String(fields.metricValue));
    task[id] = (await request.expect(200)).body;
    return task[id];
  };
  const acknowledge = async (client: Client, id: string) => (task[id] = await step(client, `/api/assignments/${task[id].id}/acknowledge`, { version: task[id].version }));

  beforeAll(async () => {
    app = await startTestApp();
    // Monday 2 March 2026: no holiday until April, so working days are plain weekdays.
    clock = controlClock([app], chinaTime('2026-03-02', '10:00'));
    org = await seedOrganisation(app.dataSource);
    office = as(app, await login(app, 'office'));
    police = as(app, await login(app, 'unit-police'));
    town = as(app, await login(app, 'unit-town'));

    const create = async (key: string, body: Record<string, unknown>) => {
      const created = (await office.post('/api/directives').send({ requirement: '按要求办理。', ...body }).expect(201)).body;
      directive[key] = created.id;
      for (const a of created.assignments as Task[]) task[`${key}-${a.unitId === org.police.id ? 'police' : 'town'}`] = a;
    };
    await create('outreach', { title: '反诈宣传进社区', category: '宣传防范', priority: 'normal', deadline: '2026-03-10', leadUnitId: org.town.id, cooperatingUnitIds: [org.police.id] });
    await create('app', {
      title: '国家反诈中心APP安装率达标',
      category: '宣传防范',
      priority: 'important',
      deadline: '2026-04-30',
      leadUnitId: org.town.id,
      cooperatingUnitIds: [org.police.id],
      metric: { name: '国家反诈中心APP安装率', unit: '%', comparator: 'gte', target: 60 },
      unitTargets: [{ unitId: org.police.id, value: 100 }],
    });
    await create('funds', { title: '涉诈资金快速查控', category: '行业治理', priority: 'urgent', deadline: '2026-03-20', leadUnitId: org.police.id });
    await create('leaflets', { title: '防骗宣传册发放', category: '宣传防范', priority: 'normal', deadline: '2026-03-04', leadUnitId: org.town.id });

    for (const id of Object.keys(task)) await acknowledge(id.endsWith('police') ? police : town, id);
    // A rectification item for the police, five working days from Monday: overdue by the 19th.
    const inspection = (
      await office
        .post('/api/inspections')
        .send({ title: '涉诈风险网点明查暗访', type: 'unannounced', inspectedOn: '2026-02-27', inspectors: '反诈办 张三', summary: '明查暗访。', unitIds: [org.police.id], findings: [{ unitId: org.police.id, location: '城东派出所', problem: '未张贴警示标识。', rule: '《涉诈风险网点管理办法》第十二条', requirements: ['立即张贴'], deadlineDays: 5 }] })
        .expect(201)
    ).body;
    await office.post(`/api/inspections/${inspection.id}/issue`).send({ notices: 'none' }).expect(200);

    clock.set(chinaTime('2026-03-03', '10:00'));
    await report(town, 'app-town', { percentDone: 30, metricValue: 40 });
    clock.set(chinaTime('2026-03-04', '10:00'));
    await report(police, 'app-police', { percentDone: 50, metricValue: 80 });
    // The police close their share of the outreach on time (deadline 10 March).
    clock.set(chinaTime('2026-03-05', '10:00'));
    await report(police, 'outreach-police', { percentDone: 90 });
    await report(police, 'outreach-police', { percentDone: 100 }, true);
    task['outreach-police'] = await step(office, `/api/assignments/${task['outreach-police'].id}/close`, { version: task['outreach-police'].version });
    // The street closes the leaflets two days late (deadline 4 March).
    clock.set(chinaTime('2026-03-06', '10:00'));
    await report(town, 'leaflets-town', { percentDone: 90 });
    await report(town, 'leaflets-town', { percentDone: 100 }, true);
    task['leaflets-town'] = await step(office, `/api/assignments/${task['leaflets-town'].id}/close`, { version: task['leaflets-town'].version });
    clock.set(chinaTime('2026-03-12', '10:00'));
    await report(town, 'app-town', { percentDone: 70, metricValue: 65 });
    // The police's second figure is returned: it is not their latest reported value, and the cell turns yellow.
    const returned = await report(police, 'app-police', { percentDone: 60, metricValue: 90 });
    await office.post(`/api/assignments/reports/${returned.reports[0].id}/review`).send({ decision: 'return', note: '数据口径不对，请核实。' }).expect(200);
    task['app-police'] = (await police.get(`/api/assignments/${task['app-police'].id}`).expect(200)).body;

    // Thursday 19 March.
    clock.set(chinaTime('2026-03-19', '10:00'));
  });
  afterAll(() => app.close());

  it('counts each unit’s open, on-time, due-soon and overdue tasks, the month’s closings and rectification items', async () => {
    const board = (await office.get('/api/board').expect(200)).body;
    expect(board.period).toEqual({ kind: 'month', from: '2026-03-01', to: '2026-03-31' });
    expect(board.today).toBe('2026-03-19');
    expect(board.dueLimit).toBe('2026-03-26');
    const rows = Object.fromEntries((board.units as Row[]).map((row) => [row.unitId, figuresOf(row)]));
    expect(Object.keys(rows).map(Number).sort()).toEqual([org.police.id, org.town.id].sort());
    expect(rows[org.town.id]).toEqual({ open: 2, onTime: 1, dueSoon: 0, overdue: 1, closed: 1, closedOnTime: 0, onTimeRate: 0, rectificationsOpen: 0, rectificationsOverdue: 0 });
    expect(rows[org.police.id]).toEqual({ open: 2, onTime: 1, dueSoon: 1, overdue: 0, closed: 1, closedOnTime: 1, onTimeRate: 100, rectificationsOpen: 1, rectificationsOverdue: 1 });
    expect(board.totals).toEqual({ open: 4, onTime: 2, dueSoon: 1, overdue: 1, closed: 2, closedOnTime: 1, onTimeRate: 50, rectificationsOpen: 1, rectificationsOverdue: 1 });
  });

  it('splits the open tasks into on time, due soon and overdue, on the tiles, in the table and in the API alike', async () => {
    const board = (await office.get('/api/board?dueWithin=30').expect(200)).body;
    for (const row of [...(board.units as Row[]), board.totals as Row]) expect(row.onTime + row.dueSoon + row.overdue).toBe(row.open);
    const browser = new PageClient(app);
    await browser.signIn('office', PASSWORD);
    const $ = load((await browser.get('/board?dueWithin=30')).text);
    const tile = (label: string) => Number($('#board-totals .tile').filter((_, t) => $(t).find('span').last().text() === label).find('.num').text());
    const column = (label: string) => $(`#board-unit-table td[data-label="${label}"]`).map((_, td) => Number($(td).text())).get() as number[];
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect([tile('在办任务'), tile('按期'), tile('临期'), tile('已超期')]).toEqual([board.totals.open, board.totals.onTime, board.totals.dueSoon, board.totals.overdue]);
    expect([sum(column('按期')), sum(column('临期')), sum(column('超期'))]).toEqual([board.totals.onTime, board.totals.dueSoon, board.totals.overdue]);
    expect(tile('按期') + tile('临期') + tile('已超期')).toBe(tile('在办任务'));
  });

  it('takes dates given with a month, quarter or year as a custom period, and says so', async () => {
    const typed = (await office.get('/api/board?period=month&from=2026-03-05&to=2026-03-12').expect(200)).body;
    expect(typed.period).toEqual({ kind: 'custom', from: '2026-03-05', to: '2026-03-12' });
    const ownDates = (await office.get('/api/board?period=year&from=2026-01-01&to=2026-12-31').expect(200)).body;
    expect(ownDates.period).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });

    // Through the form: 本月 shown, dates edited, 筛选 — a custom period, said beside the period.
    const browser = new PageClient(app);
    await browser.signIn('office', PASSWORD);
    const submit = async (page: { text: string }, changes: Record<string, string>) => {
      const fields = formOn(page.text, '#board-filters').fields.map(([name, value]): [string, string] => [name, changes[name] ?? value]);
      return browser.get(`/board?${new URLSearchParams(fields).toString()}`);
    };
    const month = await browser.get('/board');
    expect(load(month.text)('#board-made-custom').length).toBe(0);
    const edited = await submit(month, { from: '2026-03-05', to: '2026-03-12' });
    expect(edited.status).toBe(200);
    const $ = load(edited.text);
    expect($('#board-period').text()).toContain('2026-03-05 至 2026-03-12');
    expect($('#board-made-custom').text()).toContain('已按自定义统计期 2026-03-05 至 2026-03-12 统计');
    expect($('select[name=period] option[selected]').attr('value')).toBe('custom');
    // Choosing another period without touching the dates it showed: that period, not the old dates.
    const year = await submit(edited, { period: 'year' });
    expect(load(year.text)('#board-period').text()).toContain('2026-01-01 至 2026-12-31');
    expect(load(year.text)('#board-made-custom').length).toBe(0);
  });

  it('says that a past period’s open, due-soon and overdue figures are today’s', async () => {
    const browser = new PageClient(app);
    await browser.signIn('office', PASSWORD);
    const past = load((await browser.get('/board?period=custom&from=2026-02-01&to=2026-02-28')).text);
    expect(past('#board-as-of-today').text()).toContain('今天（2026-03-19）的情况');
    expect(load((await browser.get('/board')).text)('#board-as-of-today').length).toBe(0);
  });

  it.each([
    ['/board', 'office', 'period=custom&from=2026-03-10&to=2026-03-01', '起始日不能晚于截止日', { period: 'custom', from: '2026-03-10', to: '2026-03-01' }],
    ['/board', 'office', 'period=custom&from=2026-03-10&to=', '请填写截止日', { period: 'custom', from: '2026-03-10', to: '' }],
    ['/board', 'unit-police', 'period=custom&from=&to=', '请填写起始日', { period: 'custom', from: '', to: '' }],
    ['/board', 'office', 'period=week&from=2026-03-10', '统计期', { from: '2026-03-10' }],
    ['/board', 'office', 'dueWithin=0', '临期工作日数', { period: 'month', from: '2026-03-01', to: '2026-03-31' }],
    // Fields not sent show the board's own values (临期 5 days, not the list's first choice).
    ['/board', 'office', 'period=custom&from=2026-03-10&to=2026-03-01&category=', '起始日不能晚于截止日', { dueWithin: '5', category: '' }],
    ['/', 'leader', 'period=custom&from=2026-03-10&to=2026-03-01', '起始日不能晚于截止日', { period: 'custom', from: '2026-03-10', to: '2026-03-01' }],
  ])('shows %s again for %s when refusing %s: the board of the default period, the message by the form, the typed values kept', async (path, username, query, words, kept) => {
    const browser = new PageClient(app);
    await browser.signIn(username, PASSWORD);
    // The default board's page is shared between requests; the refused one is the request's own.
    expect((await browser.get(path)).status).toBe(200);
    const page = await browser.get(`${path}?${query}`);
    expect(page.status).toBe(400);
    const $ = load(page.text);
    expect($('#board-filter-errors .alert-error').text()).toContain(words);
    // The filters' form sits just before the message, with what was typed.
    expect($('#board-filters').next().attr('id')).toBe('board-filter-errors');
    const form = Object.fromEntries(formOn(page.text, '#board-filters').fields);
    expect(form).toMatchObject(kept);
    for (const part of ['board-totals', 'board-units', 'board-matrix', 'board-targets', 'board-trends']) expect($(`#${part}`).length).toBe(1);
    expect($('#board-period').text()).toContain('2026-03-01 至 2026-03-31');
    const again = load((await browser.get(path)).text);
    expect(again('#board-filter-errors .alert-error').length).toBe(0);
    expect(again('input[name=from]').attr('value')).toBe('2026-03-01');
  });

  it('keeps a unit contact’s denied unit an error page, and the API’s refusals JSON', async () => {
    const browser = new PageClient(app);
    await browser.signIn('unit-police', PASSWORD);
    expect((await browser.get(`/board?unitId=${org.town.id}`)).status).toBe(404);
    const res = await office.get('/api/board?period=custom&from=2026-03-10&to=2026-03-01').expect(400);
    expect(res.headers['content-type']).toMatch(/json/);
  });

  it.each<[string, Record<string, unknown>]>([
    ['category=行业治理', { police: { open: 1, dueSoon: 1, closed: 0 }, town: { open: 0, dueSoon: 0, closed: 0 } }],
    ['priority=important', { police: { open: 1, dueSoon: 0, closed: 0 }, town: { open: 1, dueSoon: 0, closed: 0 } }],
    ['period=custom&from=2026-03-06&to=2026-03-31', { police: { open: 2, dueSoon: 1, closed: 0 }, town: { open: 2, dueSoon: 0, closed: 1 } }],
    ['period=custom&from=2026-02-01&to=2026-02-28', { police: { open: 2, dueSoon: 1, closed: 0 }, town: { open: 2, dueSoon: 0, closed: 0 } }],
    ['period=quarter', { police: { open: 2, dueSoon: 1, closed: 1 }, town: { open: 2, dueSoon: 0, closed: 1 } }],
    ['period=year&dueWithin=1', { police: { open: 2, dueSoon: 1, closed: 1 }, town: { open: 2, dueSoon: 0, closed: 1 } }],
    ['dueWithin=30', { police: { open: 2, dueSoon: 2, closed: 1 }, town: { open: 2, dueSoon: 1, closed: 1 } }],
  ])('filters by %s', async (filter, expected) => {
    const board = (await office.get(`/api/board?${encodeURI(filter)}`).expect(200)).body;
    const byName = Object.fromEntries((board.units as Row[]).map((row) => [row.unitId === org.police.id ? 'police' : 'town', { open: row.open, dueSoon: row.dueSoon, closed: row.closed }]));
    expect(byName).toEqual(expected);
  });

  it('narrows to one unit by the unit filter', async () => {
    const board = (await office.get(`/api/board?unitId=${org.town.id}`).expect(200)).body;
    expect((board.units as Row[]).map((row) => row.unitId)).toEqual([org.town.id]);
    expect(board.totals.open).toBe(2);
  });

  it('colours the matrix by state and deadline, in deadline order, each cell a task', async () => {
    const matrix = (await office.get('/api/board/matrix').expect(200)).body;
    expect(matrix.next).toBeNull();
    expect(matrix.units.map((u: { id: number }) => u.id).sort()).toEqual([org.police.id, org.town.id].sort());
    const colours = matrix.rows.map((row: { directiveId: number; cells: Array<{ assignmentId: number; colour: string }> }) => [row.directiveId, Object.fromEntries(row.cells.map((c) => [c.assignmentId, c.colour]))]);
    expect(colours).toEqual([
      [directive.leaflets, { [task['leaflets-town'].id]: 'grey' }],
      [directive.outreach, { [task['outreach-town'].id]: 'red', [task['outreach-police'].id]: 'grey' }],
      [directive.funds, { [task['funds-police'].id]: 'yellow' }],
      [directive.app, { [task['app-town'].id]: 'green', [task['app-police'].id]: 'yellow' }],
    ]);
    // A period before anything closed leaves out what closed since, and pages by key.
    const page = (await office.get('/api/board/matrix?period=custom&from=2026-02-01&to=2026-02-28').expect(200)).body;
    expect(page.rows.map((row: { directiveId: number }) => row.directiveId)).toEqual([directive.outreach, directive.funds, directive.app]);
  });

  it('sets each unit’s latest reported value against its own target, with the trend of values', async () => {
    const targets = (await office.get('/api/board/targets').expect(200)).body;
    expect(targets.directives).toHaveLength(1);
    const [appTarget] = targets.directives;
    expect(appTarget).toMatchObject({ directiveId: directive.app, metricName: '国家反诈中心APP安装率', metricUnit: '%', comparator: 'gte', target: 60, metCount: 1 });
    const byUnit = Object.fromEntries(appTarget.units.map((u: { unitId: number }) => [u.unitId, u]));
    expect(byUnit[org.town.id]).toMatchObject({ target: 60, latest: 65, met: true, percent: 108.3, trend: [{ date: '2026-03-03', value: 40 }, { date: '2026-03-12', value: 65 }] });
    expect(byUnit[org.police.id]).toMatchObject({ target: 100, latest: 80, met: false, percent: 80, trend: [{ date: '2026-03-04', value: 80 }] });

    // The chart draws each unit's own target, the police's 100 above every value reported, on the axis.
    const browser = new PageClient(app);
    await browser.signIn('leader', PASSWORD);
    const $ = load((await browser.get('/')).text);
    expect($(`#target-${directive.app} > p`).text()).toContain('≥ 60 %（事项目标；各单位目标见图中虚线和下表）');
    const src = $(`#target-${directive.app} figure img`).attr('src')!;
    expect(src).toMatch(new RegExp(`^/board/charts/targets/${directive.app}\\.svg\\?`));
    const chart = await fetchChart(app, browser, src);
    expect(chart.status).toBe(200);
    expect(drawnTexts(chart.text)).toEqual(expect.arrayContaining(['东湖街道目标 60', '公安局目标 100', '100']));
  });

  it('counts completions, new overdue tasks and rectification sign-offs by week for twelve weeks', async () => {
    const { weeks } = (await office.get('/api/board/trends').expect(200)).body;
    expect(weeks).toHaveLength(12);
    expect(weeks[11].weekStart).toBe('2026-03-16');
    const recent = weeks.slice(-3).map((w: Record<string, unknown>) => [w.weekStart, w.completions, w.newOverdue, w.rectificationsClosed]);
    expect(recent).toEqual([
      // Leaflets overdue from 5 March (closed on the 6th); the outreach overdue from the 11th.
      ['2026-03-02', 2, 1, 0],
      ['2026-03-09', 0, 1, 0],
      ['2026-03-16', 0, 0, 0],
    ]);
    expect(weeks.slice(0, 9).every((w: Record<string, number>) => w.completions + w.newOverdue + w.rectificationsClosed === 0)).toBe(true);
  });

  it('shows a unit contact its own unit only, everywhere on the board', async () => {
    const board = (await police.get('/api/board').expect(200)).body;
    expect((board.units as Row[]).map((row) => row.unitId)).toEqual([org.police.id]);
    expect(board.totals.open).toBe(2);
    const matrix = (await police.get('/api/board/matrix').expect(200)).body;
    expect(matrix.units.map((u: { id: number }) => u.id)).toEqual([org.police.id]);
    const cells = matrix.rows.flatMap((row: { cells: Array<{ unitId: number }> }) => row.cells);
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c: { unitId: number }) => c.unitId === org.police.id)).toBe(true);
    const targets = (await police.get('/api/board/targets').expect(200)).body;
    expect(targets.directives[0].units.map((u: { unitId: number }) => u.unitId)).toEqual([org.police.id]);
    // Another unit's board is not there for them.
    await police.get(`/api/board?unitId=${org.town.id}`).expect(404);
    await police.get(`/api/board/matrix?unitId=${org.town.id}`).expect(404);

    const browser = new PageClient(app);
    await browser.signIn('unit-police', PASSWORD);
    const page = await browser.get('/board');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`href="/tasks/${task['funds-police'].id}"`);
    for (const id of ['outreach-town', 'app-town', 'leaflets-town']) expect(page.text).not.toContain(`href="/tasks/${task[id].id}"`);
    expect(page.text).not.toContain('东湖街道');
    expect(page.text).not.toContain('name="unitId"');
    expect(load(page.text)('#board-units h2').text()).toBe('本单位办理情况');
  });

  it.each([
    ['office', '/board', ['公安局', '东湖街道']],
    ['leader', '/', ['公安局', '东湖街道']],
    ['unit-police', '/board', ['公安局']],
  ])('serves each chart of %s’s %s as an SVG image of its own, in the page’s reach', async (username, path, units) => {
    const browser = new PageClient(app);
    await browser.signIn(username, PASSWORD);
    const images = chartImages((await browser.get(path)).text);
    // The unit chart, the one target's and the trends.
    expect(images.map((image) => image.src.split('?')[0])).toEqual(['/board/charts/units.svg', `/board/charts/targets/${directive.app}.svg`, '/board/charts/trends.svg']);
    for (const image of images) {
      expect(image.alt.length).toBeGreaterThan(4);
      expect(Number(image.width)).toBeGreaterThan(200);
      expect(Number(image.height)).toBeGreaterThan(80);
      // The page's filters go with it.
      expect(new URL(image.src, 'http://x').searchParams.get('period')).toBe('month');
      const chart = await fetchChart(app, browser, image.src);
      expect([image.src, chart.status]).toEqual([image.src, 200]);
      expect(chart.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
      expect(chart.headers['cache-control']).toBe('private, no-cache');
      expect(chart.headers.etag).toMatch(/^"[\w-]+"$/);
      expect(chart.text).toMatch(new RegExp(`^<svg width="${image.width}" height="${image.height}" xmlns="http://www.w3.org/2000/svg"`));
    }
    // The unit chart names the units in reach, and only those.
    const unitChart = drawnTexts((await fetchChart(app, browser, images[0].src)).text);
    for (const name of ['公安局', '东湖街道']) expect([name, unitChart.includes(name)]).toEqual([name, units.includes(name)]);
    const targetChart = (await fetchChart(app, browser, images[1].src)).text;
    for (const name of ['公安局', '东湖街道']) expect([name, targetChart.includes(name)]).toEqual([name, units.includes(name)]);
  });

  it('answers a chart again as 304 without its body while nothing changed, and draws it anew after a write', async () => {
    const browser = new PageClient(app);
    await browser.signIn('leader', PASSWORD);
    const home = await browser.get('/');
    // The page itself is kept by no one, so it carries no tag to ask with.
    expect([home.headers['cache-control'], home.headers.etag]).toEqual(['no-store', undefined]);
    const [units] = chartImages(home.text);
    const first = await fetchChart(app, browser, units.src);
    expect(first.status).toBe(200);
    const again = await fetchChart(app, browser, units.src, { 'If-None-Match': first.headers.etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect((await fetchChart(app, browser, units.src, { 'If-None-Match': '"another"' })).status).toBe(200);
    // Another reach draws another chart: the police's own has its own tag.
    const police = new PageClient(app);
    await police.signIn('unit-police', PASSWORD);
    const [own] = chartImages((await police.get('/board')).text);
    expect((await fetchChart(app, police, own.src, { 'If-None-Match': first.headers.etag })).status).toBe(200);
    // A new directive gives the street one more task on time: the chart changes, and so does its tag.
    const created = (await office.post('/api/directives').send({ title: '反诈宣传进校园', requirement: '按要求办理。', category: '宣传防范', priority: 'normal', deadline: '2026-04-30', leadUnitId: org.town.id }).expect(201)).body;
    const [added] = created.assignments as Task[];
    try {
      const changed = await fetchChart(app, browser, units.src, { 'If-None-Match': first.headers.etag });
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).not.toBe(first.headers.etag);
    } finally {
      // Cancelled, the task leaves the open figures the later tests count.
      await office.post(`/api/assignments/${added.id}/cancel`).send({ reason: '测试完毕。', version: added.version }).expect(200);
    }
    expect((await fetchChart(app, browser, units.src, { 'If-None-Match': first.headers.etag })).status).toBe(304);
  });

  it.each([
    ['unit-police', () => `/board/charts/units.svg?unitId=${org.town.id}`, 404, '不存在或无权查看'],
    ['unit-police', () => `/board/charts/targets/${directive.app}.svg?unitId=${org.town.id}`, 404, '不存在或无权查看'],
    // A directive without a target, and one that does not exist, have no target chart.
    ['office', () => `/board/charts/targets/${directive.funds}.svg`, 404, '不在当前筛选条件下的量化目标中'],
    ['office', () => '/board/charts/targets/999999.svg', 404, '不在当前筛选条件下的量化目标中'],
    // Outside the filters: the app's target is not a 行业治理 directive.
    ['leader', () => `/board/charts/targets/${directive.app}.svg?category=${encodeURIComponent('行业治理')}`, 404, '不在当前筛选条件下的量化目标中'],
    ['leader', () => '/board/charts/units.svg?dueWithin=0', 400, '临期工作日数'],
    ['leader', () => '/board/charts/trends.svg?period=custom&from=2026-03-10&to=2026-03-01', 400, '起始日不能晚于截止日'],
    ['office', () => '/board/charts/units.svg?period=week', 400, '统计期'],
    ['office', () => '/board/charts/targets/abc.svg', 400, '事项编号'],
  ])('refuses %s the chart %s with %s and a short message, and draws the next chart', async (username, path, status, words) => {
    const browser = new PageClient(app);
    await browser.signIn(username, PASSWORD);
    const refused = await fetchChart(app, browser, path());
    expect([refused.status, refused.headers['content-type']]).toEqual([status, 'text/plain; charset=utf-8']);
    expect(refused.text).toContain(words);
    expect(refused.text.length).toBeLessThan(200);
    expect((await fetchChart(app, browser, '/board/charts/units.svg')).status).toBe(200);
  });

  it('prints as a PDF report with its charts, the filters and the reader’s reach kept', async () => {
    const leader = new PageClient(app);
    await leader.signIn('leader', PASSWORD);
    const home = await leader.get(`/?unitId=${org.police.id}`);
    const link = load(home.text)('#board-report').attr('href')!;
    expect(link).toContain(`unitId=${org.police.id}`);
    // The renderer loads nothing from the service: the charts are drawn into the HTML it is given.
    const render = jest.spyOn(app.app.get(PdfRenderer), 'render');
    const report = await app.http().get(link).set('Cookie', leader.cookieHeader()).buffer(true).parse(binary).expect(200);
    const html = render.mock.calls[0][0];
    render.mockRestore();
    expect((html.match(/<svg /g) ?? []).length).toBe(3);
    expect(html).not.toContain('<img');
    expect(report.headers['content-type']).toBe('application/pdf');
    expect(report.headers['content-disposition']).toMatch(/^attachment; .*\.pdf/);
    const text = pdfText(report.body as Buffer);
    for (const words of ['挂图作战', '各单位办理情况', '作战图', '最近12周趋势', '公安局']) expect(text).toContain(words);
    // Drawn in the charts alone: the trend chart's week labels (the table gives whole dates).
    for (const words of ['3/9', '3/16']) expect(text).toContain(words);
    expect(text).not.toContain('全部类别');
    expect(pdfPageSize(report.body as Buffer)).toMatch(/^841\.\d+ x 59\d\.\d+ pts \(A4\)/);

    const unit = new PageClient(app);
    await unit.signIn('unit-police', PASSWORD);
    const own = await app.http().get('/board/report.pdf').set('Cookie', unit.cookieHeader()).buffer(true).parse(binary).expect(200);
    const ownText = pdfText(own.body as Buffer);
    expect(ownText).toContain('本单位挂图作战');
    expect(ownText).not.toContain('东湖街道');
    expect((await app.http().get(`/board/report.pdf?unitId=${org.town.id}`).set('Cookie', unit.cookieHeader())).status).toBe(404);
  });

  it('is the leader’s home page, and the office’s home stays its overview', async () => {
    const leader = new PageClient(app);
    await leader.signIn('leader', PASSWORD);
    const home = await leader.get('/');
    expect(home.status).toBe(200);
    for (const part of ['board-units', 'board-matrix', 'board-targets', 'board-trends']) expect(home.text).toContain(`id="${part}"`);
    expect(home.text).toContain(`href="/tasks/${task['outreach-town'].id}"`);
    // The charts are images of their own, not drawn into the page.
    expect(chartImages(home.text).length).toBeGreaterThanOrEqual(3);
    expect(home.text).not.toContain('<svg');
    // Filters work on the home page too.
    expect((await leader.get(`/?unitId=${org.police.id}&category=${encodeURIComponent('行业治理')}`)).text).toContain(`href="/tasks/${task['funds-police'].id}"`);
    const officeBrowser = new PageClient(app);
    await officeBrowser.signIn('office', PASSWORD);
    const officeHome = await officeBrowser.get('/');
    expect(officeHome.text).toContain('id="home-tiles"');
    expect(officeHome.text).not.toContain('id="board-matrix"');
    expect((await officeBrowser.get('/board')).text).toContain('id="board-matrix"');
  });

  it.each([
    ['period=custom&from=2026-03-10&to=2026-03-01', '起始日不能晚于截止日'],
    ['period=custom&from=2026-03-10', '请填写截止日'],
    ['period=week', '统计期'],
    ['dueWithin=0', '临期工作日数'],
    ['unitId=abc', '承办单位'],
    ['colour=red', 'colour'],
  ])('refuses %s with a message a person can act on', async (query, words) => {
    const res = await office.get(`/api/board?${query}`).expect(400);
    expect(JSON.stringify(res.body)).toContain(words);
  });
});

describe(`the board of an empty installation (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await seedOrganisation(app.dataSource);
  });
  afterAll(() => app.close());

  it('renders with nothing to show, in every part', async () => {
    const office = as(app, await login(app, 'office'));
    const board = (await office.get('/api/board').expect(200)).body;
    expect(board.units.length).toBe(2);
    expect(board.totals).toMatchObject({ open: 0, overdue: 0, closed: 0, onTimeRate: null });
    expect((await office.get('/api/board/matrix').expect(200)).body).toEqual({ units: [], rows: [], next: null });
    expect((await office.get('/api/board/targets').expect(200)).body).toEqual({ directives: [], next: null });
    for (const username of ['office', 'leader', 'unit-town']) {
      const browser = new PageClient(app);
      await browser.signIn(username, PASSWORD);
      const page = await browser.get('/board');
      expect([username, page.status]).toEqual([username, 200]);
      expect(page.text).toContain('没有在办或本期销号的督办事项');
      // The unit chart and the trends, drawn empty.
      const images = chartImages(page.text);
      expect(images.map((image) => image.src.split('?')[0])).toEqual(['/board/charts/units.svg', '/board/charts/trends.svg']);
      for (const image of images) {
        const chart = await fetchChart(app, browser, image.src);
        expect([username, chart.status, chart.headers['content-type']]).toEqual([username, 200, 'image/svg+xml; charset=utf-8']);
        expect(chart.text.startsWith('<svg')).toBe(true);
      }
    }
  });
});
