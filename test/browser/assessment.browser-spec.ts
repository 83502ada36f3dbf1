/// <reference lib="dom" />
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { launchChromium, serveOnLoopback, signIn as signInPage } from '../support/chromium';
import { as, login, seedOrganisation } from '../support/fixtures';
import { chinaTime, controlClock } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

const PHONE = { width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** The month's ranking on a unit contact's phone: its lines as cards, an objection with a photo. */
describe('a unit contact objects to a line of the ranking on a phone (390 px), in headless Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let periodId: number;
  let office: ReturnType<typeof as>;
  const photo = join(mkdtempSync(join(tmpdir(), 'dbs-objection-')), '社区安装数据截图.png');

  beforeAll(async () => {
    app = await startTestApp();
    // A month of a year whose holidays are published: publishing works in working days of the month after.
    const clock = controlClock([app], chinaTime('2026-05-20', '10:00'));
    const org = await seedOrganisation(app.dataSource);
    let town: ReturnType<typeof as>;
    [office, town] = await Promise.all(['office', 'unit-town'].map(async (u) => as(app, await login(app, u))));
    const directive = (await office.post('/api/directives').send({ title: '国家反诈中心APP推广安装', requirement: '辖区安装率达到60%。', category: '宣传防范', priority: 'normal', deadline: '2029-06-30', leadUnitId: org.town.id }).expect(201)).body;
    const taskId = directive.assignments[0].id;
    const version = async () => (await town.get(`/api/assignments/${taskId}`).expect(200)).body.version as number;
    await town.post(`/api/assignments/${taskId}/acknowledge`).send({ version: await version() }).expect(200);
    const reported = (await town.post(`/api/assignments/${taskId}/reports`).send({ version: await version(), narrative: '已推广', percentDone: 30 }).expect(200)).body;
    // A report returned this month: the line the unit will object to.
    await office.post(`/api/assignments/reports/${reported.reports[0].id}/review`).send({ decision: 'return', note: '缺少各社区数据' }).expect(200);
    const period = (await office.post('/api/assessment/periods').send({ kind: 'month', year: 2026, number: 5 }).expect(201)).body;
    periodId = period.id;
    // A month is ranked once it has ended: published on the first day of the next.
    clock.set(chinaTime('2026-06-01'));
    await office.post(`/api/assessment/periods/${periodId}/publish`).send({ version: period.version }).expect(200);
    writeFileSync(photo, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    baseUrl = await serveOnLoopback(app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('shows the ranking and the unit’s lines as cards, and takes an objection with a photo', async () => {
    const page = await signInPage(browser, baseUrl, 'unit-town');
    await page.setViewport(PHONE);
    await page.goto(`${baseUrl}/assessment?periodId=${periodId}`);
    expect(await noSidewaysScroll(page)).toBe(true);
    // Each cell of a line is a card row with its heading.
    const cells = await page.$$eval('#lines-table tbody tr:first-child td', (tds) => tds.map((td) => ({ label: (td as HTMLElement).dataset.label, shown: getComputedStyle(td, '::before').content, right: td.getBoundingClientRect().right })));
    expect(cells.length).toBeGreaterThan(3);
    expect(cells.every((c) => c.shown === `"${c.label}"` && c.right <= 390)).toBe(true);

    await page.click('#lines-table tbody tr:first-child details summary');
    await page.type('#lines-table tbody tr:first-child textarea[name=reason]', '次日已补充各社区数据。');
    await (await page.$('#lines-table tbody tr:first-child input[type=file]'))!.uploadFile(photo);
    await Promise.all([page.waitForNavigation(), page.click('#lines-table tbody tr:first-child button[type=submit]')]);
    expect(await page.$eval('#flash', (f) => f.textContent?.trim())).toContain('已提出申诉（附 1 个佐证材料）');
    expect(await page.$eval('main', (m) => m.textContent)).toContain('社区安装数据截图.png');
    expect(await noSidewaysScroll(page)).toBe(true);
  });

  it('keeps a long correction note within the page, on a phone and on a desktop', async () => {
    const [objection] = (await office.get('/api/assessment/objections?status=pending').expect(200)).body;
    const note = `经核实，该单位已于次日补充各社区数据并经审核采纳，原退回记录不再计分。${'补充的数据包括各社区安装户数、安装率和未安装原因分析，'.repeat(14)}`;
    expect(note.length).toBeGreaterThan(400);
    await office.post(`/api/assessment/objections/${objection.id}/accept`).send({ version: objection.version, points: 0, note }).expect(200);
    const page = await signInPage(browser, baseUrl, 'unit-town');
    for (const viewport of [PHONE, { width: 1280, height: 800 }]) {
      await page.setViewport(viewport);
      await page.goto(`${baseUrl}/assessment?periodId=${periodId}`);
      expect(await page.$eval('#lines-table', (t) => t.textContent)).toContain('经核实');
      expect({ width: viewport.width, fits: await noSidewaysScroll(page) }).toEqual({ width: viewport.width, fits: true });
    }
  });
});
