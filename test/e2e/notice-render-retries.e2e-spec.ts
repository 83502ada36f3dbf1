import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { load } from 'cheerio';
import { DEBIAN_CHROMIUM, DEBIAN_HEADLESS_SHELL } from '../../src/config/app-config';
import { Notice } from '../../src/notices/notice.entity';
import { NoticesService } from '../../src/notices/notices.service';
import { PageClient } from '../support/browser-session';
import { as, login, PASSWORD, seedOrganisation } from '../support/fixtures';
import { chinaTime, controlClock, drain, jobsEnv } from '../support/scheduling';
import { startTestApp, testDb, TestApp } from '../support/test-app';

describe(`a notice PDF that cannot be rendered backs off (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let clock: ReturnType<typeof controlClock>;
  let noticeId: number;
  let warnings: jest.SpyInstance;
  // A browser that is not there, as on a machine where Chromium was never installed.
  const nowhere = mkdtempSync(join(tmpdir(), 'no-chromium-'));
  const missingBrowser = join(nowhere, 'chromium-headless-shell');

  const row = () => app.dataSource.getRepository(Notice).findOneByOrFail({ id: noticeId });
  const failureWarnings = () => warnings.mock.calls.filter(([message]) => /的 PDF 第 \d+ 次生成失败/.test(String(message)));

  beforeAll(async () => {
    app = await startTestApp({ ...jobsEnv(), CHROMIUM_PATH: missingBrowser });
    clock = controlClock([app], chinaTime('2026-03-02', '10:00'));
    const org = await seedOrganisation(app.dataSource);
    const office = as(app, await login(app, 'office'));
    const directive = await office.post('/api/directives').send({ title: '涉诈高风险电话卡二次实人核验', requirement: '核验率达到100%。', category: '综合', priority: 'normal', deadline: '2026-03-04', leadUnitId: org.police.id }).expect(201);
    clock.set(chinaTime('2026-03-09', '10:00'));
    const draft = (await office.post('/api/notices').send({ kind: 'supervision_notice', assignmentId: directive.body.assignments[0].id }).expect(201)).body;
    noticeId = draft.id;
    warnings = jest.spyOn(Logger.prototype, 'warn');
    await office.post(`/api/notices/${noticeId}/issue`).send({ version: draft.version }).expect(200);
  });
  afterAll(async () => {
    warnings.mockRestore();
    await app.close();
    rmSync(nowhere, { recursive: true, force: true });
  });

  it('records the failure with a retry 30 s later, logs it once and does not throw it at the runner', async () => {
    await drain([app]);
    const notice = await row();
    expect(notice).toMatchObject({ pdfSha256: null, renderFailures: 1, renderError: expect.stringContaining(`Browser was not found at the configured executablePath (${missingBrowser})`) });
    expect(notice.renderRetryAt?.toISOString()).toBe(new Date('2026-03-09T10:00:30+08:00').toISOString());
    expect(failureWarnings()).toEqual([[expect.stringContaining('反诈办督〔2026〕1号 的 PDF 第 1 次生成失败：Browser was not found')]]);
    const office = as(app, await login(app, 'office'));
    const view = (await office.get(`/api/notices/${noticeId}`).expect(200)).body;
    expect(view).toMatchObject({ status: 'issued', pdfSha256: null, pdfStatus: 'failing', pdfFailures: 1, pdfRetryAt: '2026-03-09T02:00:30.000Z' });
    expect((await office.get(`/api/notices/${noticeId}/pdf`).expect(409)).body.code).toBe('PDF_NOT_READY');
  });

  it('leaves it alone until the retry time: a poll or a stray run before then does nothing', async () => {
    const runner = app.app.get(NoticesService);
    expect(await runner.due(clock.now(), 100)).toEqual([]);
    expect(await runner.pending()).toEqual([{ id: noticeId, runAt: new Date('2026-03-09T10:00:30+08:00') }]);
    await runner.run(noticeId);
    clock.set('2026-03-09T10:00:20+08:00');
    await drain([app]);
    expect(await row()).toMatchObject({ renderFailures: 1 });
    expect(failureWarnings()).toHaveLength(1);
  });

  it('answers /health with 200, degraded, counting the notices waiting and failing, without the reason', async () => {
    const res = await app.http().get('/health').expect(200);
    expect(res.body).toEqual({
      status: 'degraded',
      checks: {
        database: { status: 'up' },
        ...(testDb() === 'mysql' ? { redis: { status: 'up' } } : {}),
        pdf: { status: 'degraded', waiting: 1, failing: 1, nextRetryAt: '2026-03-09T02:00:30.000Z' },
      },
    });
    expect(res.text).not.toContain('Browser');
  });

  it('shows the office why and when it is tried again, with the fix; a unit and the leader see only that it is being prepared', async () => {
    const office = new PageClient(app);
    await office.signIn('office', PASSWORD);
    const page = await office.get(`/notices/${noticeId}`);
    expect(page.status).toBe(200);
    // Said in Chinese; the browser's own words after it, smaller, for support.
    const failing = load(page.text)('#pdf-failing');
    expect(failing.find('p').first().text()).toBe('PDF 生成失败（第 1 次）：找不到生成 PDF 所需的浏览器（chromium-headless-shell）；将于 2026-03-09 10:00 自动重试。');
    expect(failing.find('#pdf-error.small').text()).toBe(`错误信息（供技术支持）：Browser was not found at the configured executablePath (${missingBrowser})`);
    expect(page.text).toContain('将于 2026-03-09 10:00 自动重试');
    expect(page.text).toContain(`CHROMIUM_PATH 指向的 ${missingBrowser} 不存在或不能执行`);
    expect(page.text).toContain('apt-get install -y --no-install-recommends chromium-headless-shell');
    expect(page.text).not.toContain('下载 PDF');
    for (const username of ['unit-police', 'leader']) {
      const reader = new PageClient(app);
      await reader.signIn(username, PASSWORD);
      const seen = await reader.get(`/notices/${noticeId}`);
      expect(seen.status).toBe(200);
      expect(seen.text).toContain('PDF 生成中');
      expect(seen.text).not.toContain('生成失败');
      expect(seen.text).not.toContain('Browser was not found');
      expect(seen.text).not.toContain('apt-get');
      // Nobody is asked to read or sign what is not there yet.
      expect(seen.text).not.toContain('action="/notices/' + noticeId + '/acknowledge"');
      expect((await reader.get('/inbox')).text).not.toContain('请查阅并签收');
    }
  });

  it('tries again once the retry time has passed, and then waits twice as long', async () => {
    clock.set('2026-03-09T10:00:31+08:00');
    await drain([app]);
    const notice = await row();
    expect(notice).toMatchObject({ pdfSha256: null, renderFailures: 2 });
    expect(notice.renderRetryAt?.toISOString()).toBe(new Date('2026-03-09T10:01:31+08:00').toISOString());
    expect(failureWarnings()).toHaveLength(2);
    expect(failureWarnings()[1][0]).toContain('第 2 次生成失败');
    const office = new PageClient(app);
    await office.signIn('office', PASSWORD);
    expect((await office.get(`/notices/${noticeId}`)).text).toContain('PDF 生成失败（第 2 次）');
  });

  it('renders it at the next retry once there is a browser, and /health is ok again', async () => {
    // The browser is installed meanwhile (here: the configuration is pointed at Debian's).
    app.config.pdf.chromiumPath = existsSync(DEBIAN_HEADLESS_SHELL) ? DEBIAN_HEADLESS_SHELL : DEBIAN_CHROMIUM;
    clock.set('2026-03-09T10:01:32+08:00');
    await drain([app]);
    expect((await row()).pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    const police = as(app, await login(app, 'unit-police'));
    expect((await police.get(`/api/notices/${noticeId}`).expect(200)).body).toMatchObject({ pdfStatus: 'ready', pdfRetryAt: null });
    await police.get(`/api/notices/${noticeId}/pdf`).expect(200);
    // Told now, once, and able to sign.
    const told = (await police.get('/api/notifications').expect(200)).body.items.filter((n: { link: string }) => n.link === `/notices/${noticeId}`);
    expect(told).toHaveLength(1);
    await police.post(`/api/notices/${noticeId}/acknowledge`).expect(200);
    const health = await app.http().get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', checks: { pdf: { status: 'up', waiting: 0, failing: 0, nextRetryAt: null } } });
    expect(failureWarnings()).toHaveLength(2);
  });
});
