import { PageClient } from '../support/browser-session';
import { as, login, Organisation, PASSWORD, seedOrganisation } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe(`directive and task pages (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let taskId: number;

  beforeAll(async () => {
    app = await startTestApp();
    org = await seedOrganisation(app.dataSource);
    const office = as(app, await login(app, 'office'));
    taskId = (await office.post('/api/directives').send({ title: '页面测试事项', requirement: '要求', category: '宣传防范', priority: 'normal', deadline: '2029-06-30', leadUnitId: org.town.id }).expect(201)).body.assignments[0].id;
  });
  afterAll(() => app.close());

  const reports = async () => Number((await app.dataSource.query('SELECT COUNT(*) AS n FROM progress_reports'))[0].n);

  it('creates a directive through the form, keeping what was typed when it is incomplete', async () => {
    const browser = new PageClient(app);
    await browser.signIn('office', PASSWORD);
    const token = await browser.csrfToken('/directives/new');
    const incomplete = await browser.post('/directives', { _csrf: token, title: '防范宣传进校园', requirement: '', category: '宣传防范', priority: 'normal', deadlineKind: 'workingDays', deadlineWorkingDays: '5', leadUnitId: '' });
    expect(incomplete.status).toBe(400);
    expect(incomplete.text).toContain('不能为空');
    expect(incomplete.text).toContain('value="防范宣传进校园"');
    const created = await browser.post('/directives', {
      _csrf: await browser.csrfToken('/directives/new'),
      title: '防范宣传进校园',
      requirement: '每所学校开展一次反诈主题班会。',
      category: '宣传防范',
      priority: 'important',
      deadlineKind: 'date',
      deadline: '2029-03-31',
      leadUnitId: String(org.police.id),
      cooperatingUnitIds: String(org.town.id),
    });
    expect(created.status).toBe(303);
    const detail = await browser.get(created.headers.location);
    expect(detail.text).toContain('防范宣传进校园');
    expect(detail.text).toContain('公安局');
    expect(detail.text).toContain('东湖街道');
  });

  it('takes a unit through acknowledge and a report by form, refusing a multipart post without its token', async () => {
    const browser = new PageClient(app);
    await browser.signIn('unit-town', PASSWORD);
    const page = await browser.get(`/tasks/${taskId}`);
    const version = /name="version" value="(\d+)"/.exec(page.text)![1];
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    expect((await browser.post(`/tasks/${taskId}/acknowledge`, { _csrf: token, version })).status).toBe(303);

    const form = await browser.get(`/tasks/${taskId}`);
    const nextVersion = /name="version" value="(\d+)"/.exec(form.text)![1];
    const before = await reports();
    const file = { field: 'files', name: '记录.pdf', content: Buffer.from('%PDF-1.4\n') };
    // Without the form's token an upload is refused like any other form.
    const forged = await app.http().post(`/tasks/${taskId}/report`).set('Cookie', browser.cookieHeader()).field('version', nextVersion).field('narrative', '已开展宣传 5 场').field('percentDone', '30').attach('files', file.content, file.name);
    expect(forged.status).toBe(403);
    const post = (percent: string) => browser.submit(form.text, '#report-form', { narrative: '已开展宣传 5 场', percentDone: percent }, [file]);
    const invalid = await post('130');
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain('不能大于 100');
    // The typed text goes back into the report form only, not into the completion form beside it.
    expect(invalid.text.split('已开展宣传 5 场').length - 1).toBe(1);
    expect(invalid.text).toMatch(/<textarea name="narrative" rows="5"[^>]*>已开展宣传 5 场<\/textarea>/);
    expect(await reports()).toBe(before);
    expect((await post('30')).status).toBe(303);
    expect(await reports()).toBe(before + 1);
    const after = await browser.get(`/tasks/${taskId}`);
    expect(after.text).toContain('记录.pdf');
    expect(after.text).toContain('办理中');
    // The file opens from the page with the browser's session, and only for those who may see it.
    const link = /href="(\/attachments\/\d+)"[^>]*>记录\.pdf/.exec(after.text)![1];
    const download = await browser.get(link);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    const stranger = new PageClient(app);
    await stranger.signIn('unit-police', PASSWORD);
    expect((await stranger.get(link)).status).toBe(404);
    // 2029 is beyond the calendar's years: the page says so instead of guessing working days.
    expect(after.text).toContain('节假日安排未公布');
  });

  it('shows a refused step on the task page with its reason instead of an error page', async () => {
    const browser = new PageClient(app);
    await browser.signIn('unit-town', PASSWORD);
    const page = await browser.get(`/tasks/${taskId}`);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const stale = await browser.post(`/tasks/${taskId}/acknowledge`, { _csrf: token, version: '1' });
    expect(stale.status).toBe(409);
    expect(stale.text).toMatch(/已被他人更新|不能签收/);
    expect(stale.text).toContain('页面测试事项');
  });

  it('shows the leader every directive with its units and no actions', async () => {
    const browser = new PageClient(app);
    await browser.signIn('leader', PASSWORD);
    const list = await browser.get('/directives');
    expect(list.text).toContain('页面测试事项');
    expect(list.text).not.toContain('新建督办事项');
    const task = await browser.get(`/tasks/${taskId}`);
    expect(task.status).toBe(200);
    expect(task.text).not.toContain('name="version"');
  });
});
