import type { Browser, Page } from 'puppeteer';
import { launchChromium, serveOnLoopback, signIn as signInPage } from '../support/chromium';
import { as, login, seedOrganisation } from '../support/fixtures';
import { chinaTime, controlClock } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

const BODY = ['会议要求：', '一、全面推广国家反诈中心APP，10月底前完成全市社区覆盖（测试市公安局牵头，测试市东湖街道配合）。', '二、开展校园反诈宣传，11月底前完成中小学全覆盖（测试市东湖街道牵头，各学校配合）。'].join('\n');

describe('任务分解 in headless Chromium: the review page marks each proposal’s sentence', () => {
  let app: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let documentId: number;

  beforeAll(async () => {
    app = await startTestApp();
    controlClock([app], chinaTime('2026-09-21', '10:00'));
    await seedOrganisation(app.dataSource);
    const office = as(app, await login(app, 'office'));
    // A long name, as a development zone's bureaus have: the alias form's list of units must still fit a phone.
    await office.post('/api/units').send({ name: '测试市高新技术产业开发区管理委员会社会事务局（民政和人力资源社会保障局）', shortName: '高新区社会事务局', kind: 'department' }).expect(201);
    documentId = (await office.post('/api/documents').send({ kind: 'minutes', title: '第三次联席会议纪要', issuer: '测试市反诈联席办', issuedOn: '2026-09-18', body: BODY }).expect(201)).body.id;
    baseUrl = await serveOnLoopback(app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Each mark of the text: what it says, its colour, and whether it is laid out where it can be seen. */
  const marks = (page: Page) =>
    page.$$eval('.marked-text mark', (list) =>
      list.map((mark) => {
        const box = mark.getBoundingClientRect();
        return { text: mark.textContent, background: getComputedStyle(mark).backgroundColor, shown: box.width > 0 && box.height > 0 };
      }),
    );

  it('opens from 分解任务, shows the sentences highlighted beside the proposals, and issues the ticked ones', async () => {
    const page = await signInPage(browser, baseUrl, 'office');
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}/documents/${documentId}`);
    await Promise.all([page.waitForNavigation(), page.click('#extract-button')]);
    expect(page.url()).toBe(`${baseUrl}/documents/${documentId}/extraction`);
    const shown = await marks(page);
    expect(shown.map((m) => m.text)).toEqual([BODY.split('\n')[1], BODY.split('\n')[2]]);
    for (const mark of shown) {
      expect(mark.shown).toBe(true);
      // Highlighted: not the page's transparent background.
      expect(mark.background).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    }
    // The text and the proposals stand side by side on a wide screen.
    const [text, proposals] = await Promise.all([page.$eval('.review-text', (e) => e.getBoundingClientRect().toJSON()), page.$eval('.review-proposals', (e) => e.getBoundingClientRect().toJSON())]);
    expect(proposals.left).toBeGreaterThanOrEqual(text.right);
    expect(await page.$eval('#proposal-2 .owner.unmatched', (e) => e.textContent)).toContain('各学校');

    // Untick the second, then issue: one directive, and the document lists it.
    await page.click('#proposal-2 input[name=accept]');
    await Promise.all([page.waitForNavigation(), page.click('#proposals-form button[type=submit]')]);
    expect(page.url()).toBe(`${baseUrl}/documents/${documentId}`);
    expect(await page.$eval('#flash', (e) => e.textContent)).toMatch(/已据本文件下达 1 项督办事项/);
    // Its sentence stays marked in the document, linked to the directive.
    expect((await marks(page)).map((m) => m.text)).toEqual([BODY.split('\n')[1]]);
  });

  it('works on a phone: the text above the proposals, nothing wider than the screen', async () => {
    const page = await signInPage(browser, baseUrl, 'office');
    await page.setViewport({ width: 390, height: 844, isMobile: true });
    await page.goto(`${baseUrl}/documents/${documentId}/extraction`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.$eval('#unmatched select[name=unitId]', (e) => e.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
    const [text, proposals] = await Promise.all([page.$eval('.review-text', (e) => e.getBoundingClientRect().toJSON()), page.$eval('.review-proposals', (e) => e.getBoundingClientRect().toJSON())]);
    expect(proposals.top).toBeGreaterThanOrEqual(text.bottom);
    expect((await marks(page)).every((m) => m.shown)).toBe(true);
  });
});
