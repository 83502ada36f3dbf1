/// <reference lib="dom" />
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'puppeteer';
import { launchChromium, serveOnLoopback, signIn as signInPage } from '../support/chromium';
import { as, login, seedOrganisation } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** An ordinary phone's screen, in CSS pixels. */
const PHONE = { width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

describe('a unit contact’s week on a phone (390 px), in headless Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let taskId: number;
  let noticeId: number;
  const photo = join(mkdtempSync(join(tmpdir(), 'dbs-photo-')), '社区宣传现场照片_2026年11月_第一批.png');

  beforeAll(async () => {
    app = await startTestApp();
    const org = await seedOrganisation(app.dataSource);
    const office = as(app, await login(app, 'office'));
    const directive = await office
      .post('/api/directives')
      .send({ title: '在全部村（社区）开展“反诈宣传进万家”集中宣传活动，材料见https://www.yunlan.gov.cn/fzb/2026/xcjwj/notice_20261102_0001234567890.html', requirement: '每个村（社区）至少开展一次集中宣传。', category: '宣传防范', priority: 'urgent', deadline: '2029-06-30', leadUnitId: org.town.id, cooperatingUnitIds: [org.police.id] })
      .expect(201);
    taskId = directive.body.assignments.find((a: { unitId: number }) => a.unitId === org.town.id).id;
    // A supervision notice to the unit, issued, for it to acknowledge.
    const draft = (await office.post('/api/notices').send({ kind: 'supervision_notice', assignmentId: taskId }).expect(201)).body;
    const content = Object.fromEntries(Object.entries(draft.content as Record<string, unknown>).map(([key, value]) => [key, value === '' || value === null ? '请于五个工作日内书面报告' : value]));
    const edited = (await office.patch(`/api/notices/${draft.id}`).send({ version: draft.version, content }).expect(200)).body;
    await office.post(`/api/notices/${draft.id}/issue`).send({ version: edited.version }).expect(200);
    noticeId = draft.id;
    writeFileSync(photo, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    baseUrl = await serveOnLoopback(app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const phone = async (username: string) => {
    const page = await signInPage(browser, baseUrl, username);
    await page.setViewport(PHONE);
    await page.reload();
    return page;
  };
  const submit = (page: Page, selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]);
  const flash = (page: Page) => page.$eval('#flash', (f) => f.textContent?.trim());

  /** Nothing on the page reaches past the screen's right edge: no sideways scrolling. */
  const expectNoSidewaysScroll = async (page: Page) => {
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    expect({ url: page.url(), ...widths }).toEqual({ url: page.url(), page: widths.screen, screen: 390 });
  };

  it('acknowledges, reports with a photo, asks for an extension and acknowledges a notice without sideways scrolling', async () => {
    const unit = await phone('unit-town');
    await expectNoSidewaysScroll(unit);
    // The menu folds: the sections appear once 菜单 is tapped; the inbox stays in reach.
    expect(await unit.$eval('nav.nav', (n) => getComputedStyle(n).display)).toBe('none');
    expect(await unit.$eval('a.inbox-link', (a) => a.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
    await unit.click('label.menu-button');
    expect(await unit.$eval('nav.nav', (n) => getComputedStyle(n).display)).toBe('flex');
    await submit(unit, 'nav.nav a[href="/tasks"]');
    await expectNoSidewaysScroll(unit);
    // The list is a column of cards, each cell with its heading: 剩余 and 办理时限 are on screen.
    const card = await unit.$eval(`#task-list a[href="/tasks/${taskId}"]`, (a) => {
      const row = a.closest('tr')!;
      const cells = Array.from(row.querySelectorAll('td')).map((td) => ({ label: td.dataset.label, right: td.getBoundingClientRect().right, shown: getComputedStyle(td, '::before').content }));
      return { right: row.getBoundingClientRect().right, cells };
    });
    expect(card.right).toBeLessThanOrEqual(390);
    expect(card.cells.map((c) => c.label)).toEqual(expect.arrayContaining(['剩余', '办理时限']));
    expect(card.cells.every((c) => c.right <= 390 && c.shown === `"${c.label}"`)).toBe(true);

    await submit(unit, `#task-list a[href="/tasks/${taskId}"]`);
    // Even the web address in its title breaks rather than widening the page.
    await expectNoSidewaysScroll(unit);
    await submit(unit, `form[action="/tasks/${taskId}/acknowledge"] button`);
    expect(await flash(unit)).toContain('已签收');

    await unit.type('#report-form textarea[name=narrative]', '已在 12 个社区开展集中宣传，发放资料 3000 份。');
    await unit.type('#report-form input[name=percentDone]', '40');
    await (await unit.$('#report-form input[type=file]'))!.uploadFile(photo);
    await submit(unit, '#report-form button[type=submit]');
    expect(await flash(unit)).toContain('已报送进展（附 1 个文件）');
    await expectNoSidewaysScroll(unit);

    await unit.$eval('#extension input[name=requestedDeadline]', (input) => ((input as HTMLInputElement).value = '2029-09-30'));
    await unit.type('#extension input[name=reason]', '春节前后集中宣传场地紧张');
    await submit(unit, '#extension button[type=submit]');
    expect(await flash(unit)).toContain('已提交延期申请');
    // While it waits, the form gives way to what was asked.
    expect(await unit.$eval('#extension', (s) => s.textContent)).toContain('正在等待协调办审批');
    expect(await unit.$('#extension form')).toBeNull();
    await expectNoSidewaysScroll(unit);

    await unit.goto(`${baseUrl}/notices/${noticeId}`);
    await expectNoSidewaysScroll(unit);
    await submit(unit, `form[action="/notices/${noticeId}/acknowledge"] button`);
    expect(await flash(unit)).toBe('已签收。');
    expect(await unit.$eval('main', (m) => m.textContent)).toMatch(/已签收（unit-town，/);
    await expectNoSidewaysScroll(unit);

    // Everything that concerned the unit this week is in its inbox.
    await unit.goto(`${baseUrl}/inbox`);
    await expectNoSidewaysScroll(unit);
    const inbox = await unit.$eval('#inbox', (t) => t.textContent ?? '');
    expect(inbox).toContain('反诈宣传进万家');
    expect(inbox).toContain('督办通知书');
  });

  it('previews a task-division table on a phone, each row a card with its errors beside the cells', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dbs-table-'));
    try {
      const file = join(dir, '反诈工作分工方案（2026年）.xlsx');
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('分工方案').addRows([
        ['序号', '任务', '牵头单位', '配合单位', '完成时限'],
        [1, '在全部村（社区）开展“反诈宣传进万家”集中宣传活动，每个村（社区）至少开展一次并报送活动图片和台账材料', '测试市东湖街道', '测试市公安局', '2029年6月30日'],
        [2, '清理涉诈电话卡', '测试市教育局', '', '6月底前'],
      ]);
      writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
      const office = await phone('office');
      await office.goto(`${baseUrl}/imports/directives`);
      await expectNoSidewaysScroll(office);
      await (await office.$('#import-upload input[type=file]'))!.uploadFile(file);
      await submit(office, '#import-upload button[type=submit]');
      expect(await office.$eval('#import-rows', (table) => table.textContent)).toContain('“测试市教育局”不是已登记的单位');
      // Cards: the header row hidden, each row a block whose cells say their column.
      expect(await office.$$eval('#import-rows tbody tr', (rows) => rows.map((row) => getComputedStyle(row).display))).toEqual(['block', 'block']);
      expect(await office.$eval('#import-rows thead', (head) => getComputedStyle(head).display)).toBe('none');
      await expectNoSidewaysScroll(office);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows the office’s pages on a phone without sideways scrolling too', async () => {
    const office = await phone('office');
    for (const path of ['/', '/directives', '/directives/1', '/review', `/tasks/${taskId}`, '/escalations', '/notices', `/notices/${noticeId}`, '/rectifications', '/inspections', '/listings', '/schedule', '/units', '/users', '/audit', '/calendar', '/policies', '/directives/new']) {
      await office.goto(`${baseUrl}${path}`);
      await expectNoSidewaysScroll(office);
    }
  });
});
