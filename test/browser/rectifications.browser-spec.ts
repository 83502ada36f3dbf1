import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { launchChromium, serveOnLoopback, signIn as signInPage } from '../support/chromium';
import { as, login, seedOrganisation } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe('a rectification item worked through in headless Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let itemId: number;
  const photo = join(mkdtempSync(join(tmpdir(), 'dbs-photo-')), '整改后宣传栏.png');

  beforeAll(async () => {
    app = await startTestApp();
    const org = await seedOrganisation(app.dataSource);
    const office = as(app, await login(app, 'office'));
    const unit = as(app, await login(app, 'unit-town'));
    const inspection = await office
      .post('/api/inspections')
      .send({
        title: '反诈宣传明查暗访',
        type: 'unannounced',
        inspectedOn: '2026-11-02',
        inspectors: '联席办暗访组',
        summary: '抽查社区宣传阵地。',
        unitIds: [org.town.id],
        findings: [{ unitId: org.town.id, location: '东湖街道湖滨社区', problem: '反诈宣传栏内容陈旧', rule: '反诈宣传进社区工作方案', requirements: ['更新宣传栏内容'], deadlineDays: 10 }],
      })
      .expect(201);
    await office.post(`/api/inspections/${inspection.body.id}/issue`).send({ notices: 'none' }).expect(200);
    itemId = inspection.body.items[0].id;
    // The plan is agreed already: the browser part is the report with its evidence and the sign-off.
    const planned = await unit.post(`/api/rectifications/${itemId}/plan`).send({ version: 2, plan: '一周内更新宣传栏。' }).expect(200);
    await office.post(`/api/rectifications/${itemId}/plan/accept`).send({ version: planned.body.version }).expect(200);
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
  const status = (page: Page) => page.$eval('#item-status', (s) => s.textContent?.trim());

  it('lets the unit report with a photo, the office sign it off, and the leader see it signed off', async () => {
    const unit = await signIn('unit-town');
    await submit(unit, 'nav.nav a[href="/rectifications"]');
    expect(await unit.$eval('#rectification-list', (t) => t.textContent)).toContain('按方案整改到位后，报送整改报告');
    await submit(unit, `#rectification-list a[href="/rectifications/${itemId}"]`);
    await unit.type('#report-form textarea[name=report]', '宣传栏已全部更新，附整改后照片。');
    await (await unit.$('#report-form input[type=file]'))!.uploadFile(photo);
    await submit(unit, '#report-form button[type=submit]');
    expect(await status(unit)).toBe('报告待验收');
    expect(await unit.$eval('#history ul.files a', (a) => a.textContent)).toBe('整改后宣传栏.png');

    const office = await signIn('office');
    await office.goto(`${baseUrl}/rectifications/${itemId}`);
    // The evidence opens from the page with the office's session.
    const evidence = await office.$eval('#history ul.files a', (a) => a.getAttribute('href'));
    const download = await office.evaluate((url) => fetch(url!).then((r) => r.status), evidence);
    expect(download).toBe(200);
    // Signing off cannot be undone: the office is asked first, and told afterwards.
    await submit(office, '#sign-off-form button[type=submit]');
    expect(await office.$eval('#confirm h1', (h) => h.textContent)).toContain('确认销号');
    await submit(office, '#confirm-form button[type=submit]');
    expect(await status(office)).toBe('已销号');
    expect(await office.$eval('#flash', (f) => f.textContent)).toContain('已验收销号');

    const leader = await signIn('leader');
    await submit(leader, 'nav.nav a[href="/rectifications"]');
    const row = await leader.$eval(`#rectification-list a[href="/rectifications/${itemId}"]`, (a) => a.closest('tr')!.textContent);
    expect(row).toContain('已销号');
    await leader.goto(`${baseUrl}/rectifications/${itemId}`);
    expect(await status(leader)).toBe('已销号');
    expect(await leader.$('#sign-off-form')).toBeNull();
  });
});
