import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { launchChromium, serveOnLoopback, signIn as signInPage } from '../support/chromium';
import { as, login, seedOrganisation } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';


describe('a task worked through in headless Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let taskId: number;
  const photo = join(mkdtempSync(join(tmpdir(), 'dbs-photo-')), '宣传现场.png');

  beforeAll(async () => {
    app = await startTestApp();
    const org = await seedOrganisation(app.dataSource);
    const office = as(app, await login(app, 'office'));
    const directive = await office.post('/api/directives').send({ title: '反诈宣传进社区', requirement: '每个社区开展一次反诈宣传。', category: '宣传防范', priority: 'important', deadline: '2029-12-31', leadUnitId: org.town.id }).expect(201);
    taskId = directive.body.assignments[0].id;
    writeFileSync(photo, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    baseUrl = await serveOnLoopback(app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const signIn = (username: string) => signInPage(browser, baseUrl, username);

  const submit = (page: Page, selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]);
  const text = (page: Page) => page.$eval('main', (m) => m.textContent ?? '');

  it('lets the unit acknowledge and report with a photo, the office return it, and the unit read why', async () => {
    const unit = await signIn('unit-town');
    await Promise.all([unit.waitForNavigation(), unit.click('nav.nav a[href="/tasks"]')]);
    await Promise.all([unit.waitForNavigation(), unit.click(`a[href="/tasks/${taskId}"]`)]);
    await submit(unit, `form[action="/tasks/${taskId}/acknowledge"] button`);
    expect(await text(unit)).toContain('已签收');

    await unit.type('#report-form textarea[name=narrative]', '已在 12 个社区开展宣传，发放资料 3000 份。');
    await unit.type('#report-form input[name=percentDone]', '40');
    const upload = await unit.$('#report-form input[type=file]');
    await upload!.uploadFile(photo);
    await submit(unit, '#report-form button[type=submit]');
    expect(await text(unit)).toContain('已在 12 个社区开展宣传');
    expect(await unit.$eval('.report ul.files a', (a) => a.textContent)).toBe('宣传现场.png');

    const office = await signIn('office');
    await Promise.all([office.waitForNavigation(), office.click('nav.nav a[href="/review"]')]);
    await Promise.all([office.waitForNavigation(), office.click(`a[href="/tasks/${taskId}"]`)]);
    await office.type('.review-actions input[name=note]', '请补充宣传现场的签到表');
    await submit(office, '.review-actions .inline-form button');
    expect(await text(office)).toContain('已退回');

    await unit.reload();
    expect(await unit.$eval('.review-note', (p) => p.textContent)).toContain('请补充宣传现场的签到表');
    expect(await text(unit)).toContain('已退回');
  });
});
