/// <reference lib="dom" />
import type { Browser, Page } from 'puppeteer';
import { launchChromium, serveOnLoopback, signIn } from '../support/chromium';
import { as, login, Organisation, seedOrganisation } from '../support/fixtures';
import { chinaTime, controlClock } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

const PHONE = { width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP = { width: 1280, height: 900 };

describe('the board (挂图作战) in headless Chromium', () => {
  let app: TestApp;
  let org: Organisation;
  let browser: Browser;
  let baseUrl: string;
  const tasks: Record<string, number> = {};

  beforeAll(async () => {
    app = await startTestApp();
    const clock = controlClock([app], chinaTime('2026-03-02', '10:00'));
    org = await seedOrganisation(app.dataSource);
    const office = as(app, await login(app, 'office'));
    const town = as(app, await login(app, 'unit-town'));
    const create = async (body: Record<string, unknown>) => (await office.post('/api/directives').send({ requirement: '按要求办理。', category: '宣传防范', priority: 'normal', ...body }).expect(201)).body.assignments as Array<{ id: number; unitId: number; version: number }>;
    const late = await create({ title: '反诈宣传进社区', deadline: '2026-03-10', leadUnitId: org.town.id, cooperatingUnitIds: [org.police.id] });
    tasks.late = late.find((a) => a.unitId === org.town.id)!.id;
    const [appTask] = await create({ title: '国家反诈中心APP安装率达标', deadline: '2026-06-30', leadUnitId: org.town.id, metric: { name: 'APP安装率', unit: '%', comparator: 'gte', target: 60 } });
    tasks.app = appTask.id;
    let version = (await town.post(`/api/assignments/${appTask.id}/acknowledge`).send({ version: appTask.version }).expect(200)).body.version;
    for (const [day, value] of [['2026-03-03', 35], ['2026-03-10', 48], ['2026-03-17', 63]] as const) {
      clock.set(chinaTime(day, '10:00'));
      version = (await town.post(`/api/assignments/${appTask.id}/reports`).field('version', String(version)).field('narrative', '推进中。').field('percentDone', '50').field('metricValue', String(value)).expect(200)).body.version;
    }
    clock.set(chinaTime('2026-03-19', '10:00'));
    baseUrl = await serveOnLoopback(app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /**
   * Each chart on the page, an image of its own: loaded (an SVG the browser could draw), with a size on
   * screen, and not hidden. Charts further down load when near the screen, so each is brought into view first.
   */
  const charts = async (page: Page) => {
    for (const image of await page.$$('figure.chart img')) await image.scrollIntoView();
    await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('figure.chart img')).every((img) => img.complete), { timeout: 10_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    return page.$$eval('figure.chart img', (images) =>
      images.map((img) => {
        const box = img.getBoundingClientRect();
        const style = getComputedStyle(img);
        return { width: box.width, height: box.height, visible: style.visibility !== 'hidden' && style.display !== 'none', drawnWidth: (img as HTMLImageElement).naturalWidth };
      }),
    );
  };

  it('shows the leader’s home as the board, its charts drawn and visible, each matrix cell opening its task', async () => {
    const page = await signIn(browser, baseUrl, 'leader');
    await page.setViewport(DESKTOP);
    await page.reload();
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('挂图作战');
    const drawn = await charts(page);
    // Per unit, the one target, and the trends.
    expect(drawn.length).toBe(3);
    for (const chart of drawn) {
      expect(chart.visible).toBe(true);
      expect(chart.width).toBeGreaterThan(200);
      expect(chart.height).toBeGreaterThan(100);
      // Loaded and drawn at the size it was drawn for, then scaled to its box.
      expect(chart.drawnWidth).toBe(560);
    }
    expect(await page.$eval('#target-' + (await page.$eval('#board-targets article', (a) => a.id.replace('target-', ''))), (a) => a.textContent)).toContain('63');
    await page.screenshot({ path: '/tmp/board-desktop.png', fullPage: true });

    const cell = await page.$eval(`#board-matrix a.cell[href="/tasks/${tasks.late}"]`, (a) => ({ className: a.className, text: a.textContent }));
    expect(cell).toEqual({ className: 'cell cell-red', text: '待签收' });
    await Promise.all([page.waitForNavigation(), page.click(`#board-matrix a.cell[href="/tasks/${tasks.late}"]`)]);
    expect(new URL(page.url()).pathname).toBe(`/tasks/${tasks.late}`);
    expect(await page.$eval('main', (m) => m.textContent)).toContain('反诈宣传进社区');
    await page.close();
  });

  it('fits a phone: nothing scrolls sideways but the matrix inside its own box', async () => {
    const page = await signIn(browser, baseUrl, 'office');
    await page.setViewport(PHONE);
    await page.goto(`${baseUrl}/board`);
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    expect(widths).toEqual({ page: 390, screen: 390 });
    const drawn = await charts(page);
    expect(drawn.length).toBe(3);
    for (const chart of drawn) expect(chart.width).toBeLessThanOrEqual(390);
    // The unit table reads as cards: its headings are hidden, each cell labelled.
    expect(await page.$eval('#board-unit-table thead', (h) => getComputedStyle(h).display)).toBe('none');
    expect(await page.$eval('#board-trend-table thead', (h) => getComputedStyle(h).display)).toBe('table-header-group');
    // Each card's labels stay clear of the next line's, however they wrap (按期办结率 is the longest).
    const overlaps = await page.$$eval('#board-unit-table tbody tr, #board-targets tbody tr', (rows) =>
      rows.flatMap((row) => {
        const cells = Array.from(row.querySelectorAll('td[data-label]'));
        return cells.slice(0, -1).flatMap((cell, i) => {
          const label = getComputedStyle(cell, '::before');
          const bottom = cell.getBoundingClientRect().top + parseFloat(getComputedStyle(cell).paddingTop) + parseFloat(label.height);
          const next = cells[i + 1].getBoundingClientRect().top;
          return bottom > next + 0.5 ? [`${cell.getAttribute('data-label')} runs ${(bottom - next).toFixed(1)} px into ${cells[i + 1].getAttribute('data-label')}`] : [];
        });
      }),
    );
    expect(overlaps).toEqual([]);
    expect(await page.$$eval('#board-unit-table td[data-label]', (cells) => cells.length)).toBeGreaterThan(9);
    await page.screenshot({ path: '/tmp/board-phone.png' });
    await (await page.$('#board-units'))!.screenshot({ path: '/tmp/board-phone-units.png' });
    await (await page.$('#board-matrix'))!.screenshot({ path: '/tmp/board-phone-matrix.png' });
    await (await page.$('#board-trends'))!.screenshot({ path: '/tmp/board-phone-trends.png' });
    await page.close();
  });

  it('says a refused filter right under the form, on a phone too, the typed dates kept', async () => {
    const page = await signIn(browser, baseUrl, 'leader');
    await page.setViewport(PHONE);
    const response = await page.goto(`${baseUrl}/?period=custom&from=2026-03-10&to=2026-03-01`);
    expect(response?.status()).toBe(400);
    const layout = await page.evaluate(() => {
      const form = document.querySelector('#board-filters')!.getBoundingClientRect();
      const message = document.querySelector('#board-filter-errors .alert-error')!.getBoundingClientRect();
      return { gap: Math.round(message.top - form.bottom), from: (document.querySelector('input[name=from]') as HTMLInputElement).value, width: document.documentElement.scrollWidth };
    });
    expect(layout.gap).toBeGreaterThanOrEqual(0);
    expect(layout.gap).toBeLessThan(40);
    expect(layout).toMatchObject({ from: '2026-03-10', width: 390 });
    expect(await page.$eval('#board-filter-errors', (e) => e.textContent)).toContain('起始日不能晚于截止日');
    await page.screenshot({ path: '/tmp/board-phone-refused.png' });
    await page.close();
  });

  it('filters through the form, and shows a unit contact its own row only', async () => {
    const page = await signIn(browser, baseUrl, 'unit-police');
    await page.setViewport(DESKTOP);
    await page.goto(`${baseUrl}/board`);
    expect(await page.$$eval('#board-unit-table tbody tr', (rows) => rows.map((r) => r.getAttribute('data-unit')))).toEqual([String(org.police.id)]);
    expect(await page.$(`a[href="/tasks/${tasks.app}"]`)).toBeNull();
    await page.select('select[name=period]', 'year');
    await Promise.all([page.waitForNavigation(), page.click('#board-filters button[type=submit]')]);
    expect(new URL(page.url()).searchParams.get('period')).toBe('year');
    expect(await page.$eval('#board-period', (p) => p.textContent)).toContain('2026-01-01 至 2026-12-31');
    await page.close();
  });
});
