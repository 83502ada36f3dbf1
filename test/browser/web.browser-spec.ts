import type { Browser, Page } from 'puppeteer';
import { launchChromium, serveOnLoopback } from '../support/chromium';
import { PASSWORD, seedOrganisation } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';


describe('the web shell in headless Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    app = await startTestApp();
    await seedOrganisation(app.dataSource);
    baseUrl = await serveOnLoopback(app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function signIn(username: string): Promise<Page> {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    // Not signed in: the app sends the browser to the sign-in page.
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.type('input[name=username]', username);
    await page.type('input[name=password]', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    return page;
  }

  const navLabels = (page: Page) => page.$$eval('nav.nav a', (links) => links.map((a) => a.textContent?.trim()));

  it('signs the office in to its home page, and shows it the unit list', async () => {
    const page = await signIn('office');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.$eval('h1', (h) => h.textContent)).toContain('您好');
    expect(await navLabels(page)).toEqual(['首页', '挂图作战', '待审核', '督办审批', '公文通知', '整改事项', '督导检查', '挂牌整治', '考核排名', '督办事项', '来源文件', '催办计划', '单位管理', '工作日历', '用户管理', '审计日志']);

    await Promise.all([page.waitForNavigation(), page.click('nav.nav a[href="/units"]')]);
    const names = await page.$$eval('#unit-list tbody tr td:first-child', (cells) => cells.map((c) => c.textContent?.trim()));
    expect(names).toEqual(expect.arrayContaining(['测试市反诈联席办', '测试市公安局', '测试市东湖街道']));
    expect(await page.$('a[href="/units/new"]')).not.toBeNull();
    await page.close();
  });

  it('shows a unit contact no unit management', async () => {
    const page = await signIn('unit-police');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await navLabels(page)).toEqual(['首页', '我的任务', '公文通知', '整改事项', '考核排名']);
    expect(await page.$('a[href="/units"]')).toBeNull();
    expect(await page.$eval('main', (m) => m.textContent)).toContain('测试市公安局');

    const response = await page.goto(`${baseUrl}/users`);
    expect(response?.status()).toBe(403);
    expect(await page.$eval('main', (m) => m.textContent)).toContain('当前账号无权执行此操作');
    await page.close();
  });
});
