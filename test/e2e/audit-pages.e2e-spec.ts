import { AUDIT_ACTION_LABELS } from '../../src/audit/audit-actions';
import { PageClient } from '../support/browser-session';
import { as, login, Organisation, PASSWORD, seedOrganisation } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** The page with Handlebars' escapes undone (it writes `=` in a link as `&#x3D;`). */
function decoded(html: string): string {
  return html
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** What a person reads on a page: the text without tags and attribute values. */
const visibleText = (html: string): string => decoded(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');

function section(html: string, pattern: RegExp): string {
  const found = pattern.exec(html);
  if (!found) throw new Error(`no ${pattern} on the page`);
  return found[1];
}
const auditTable = (html: string) => decoded(section(html, /<table class="table" id="audit-list">([\s\S]*?)<\/table>/));
const recentAudit = (html: string) => decoded(section(html, /<section class="card" id="recent-audit">([\s\S]*?)<\/section>/));

/** Neither codes, nor JSON, nor "user #7": the words a person reads. */
function expectReadable(text: string): void {
  const codes = Object.keys(AUDIT_ACTION_LABELS);
  expect(codes.length).toBeGreaterThan(0);
  expect(codes.filter((code) => text.includes(code))).toEqual([]);
  expect(text).not.toMatch(/[{}]|\["|":/);
  expect(text).not.toMatch(/#\s?\d/);
  expect(text).not.toMatch(/\b(user|unit|assignment|directive|notice|route)\s*#/);
}

describe(`audit trail pages (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let browser: PageClient;
  const ids = { directive: 0, code: '', task: 0, notice: 0 };

  beforeAll(async () => {
    app = await startTestApp();
    org = await seedOrganisation(app.dataSource);
    const office = as(app, await login(app, 'office'));
    const police = as(app, await login(app, 'unit-police'));

    await office.patch(`/api/users/${org.users.police.id}`).send({ displayName: '王警官' }).expect(200);
    const directive = (await office.post('/api/directives').send({ title: '涉诈高风险电话卡二次实人核验', requirement: '核验率达到100%。', category: '综合', priority: 'urgent', deadline: '2029-06-30', leadUnitId: org.police.id }).expect(201)).body;
    ids.directive = directive.id;
    ids.code = directive.code;
    ids.task = directive.assignments[0].id;
    let task = (await police.get(`/api/assignments/${ids.task}`).expect(200)).body;
    task = (await police.post(`/api/assignments/${ids.task}/acknowledge`).send({ version: task.version }).expect(200)).body;
    await police.post(`/api/assignments/${ids.task}/reports`).field('version', String(task.version)).field('narrative', '已核验六成。').field('percentDone', '60').expect(200);
    ids.notice = (await office.post('/api/notices').send({ kind: 'supervision_notice', assignmentId: ids.task }).expect(201)).body.id;
    // A unit contact reaching for the audit trail, and two failed sign-ins.
    await police.get('/api/audit').expect(403);
    await app.http().post('/api/auth/login').send({ username: 'nobody', password: 'whatever-it-is' }).expect(401);
    await app.http().post('/api/auth/login').send({ username: 'unit-police', password: 'wrong-password' }).expect(401);

    browser = new PageClient(app);
    expect((await browser.signIn('office', PASSWORD)).status).toBe(303);
  });
  afterAll(() => app.close());

  it('names actions in Chinese and people by name and username, links the objects and reads the changes', async () => {
    const page = await browser.get('/audit');
    expect(page.status).toBe(200);
    const table = auditTable(page.text);
    const text = visibleText(table);
    for (const label of ['登录', '登录失败', '修改用户', '下达督办事项', '签收任务', '报送进展', '起草公文', '越权访问被拒绝']) expect(text).toContain(label);

    // People: the actor by display name and username, linked to their entries; an unknown sign-in name as tried.
    expect(table).toContain(`<a href="/audit?actorUserId=${org.users.police.id}" title="只看此人的操作">王警官（unit-police）</a>`);
    expect(text).toContain('nobody（无此账号）');
    // Objects: named and linked to their pages.
    expect(table).toContain(`<a href="/users/${org.users.police.id}/edit">王警官（unit-police）</a>`);
    expect(table).toContain(`<a href="/tasks/${ids.task}">测试市公安局：涉诈高风险电话卡二次实人核验</a>`);
    expect(table).toContain(`<a href="/directives/${ids.directive}">${ids.code} 涉诈高风险电话卡二次实人核验</a>`);
    expect(table).toContain(`<a href="/notices/${ids.notice}">`);
    // Changes: in words.
    for (const summary of [
      '姓名：unit-police → 王警官',
      '状态：待签收 → 已签收',
      '状态：已签收 → 办理中；完成比例：0% → 60%',
      `编号：${ids.code}；承办单位：测试市公安局；标题：涉诈高风险电话卡二次实人核验`,
      '优先级：紧急',
      '文种：督办通知书',
      '所需权限：查看审计日志',
      '原因：账号不存在',
      '原因：密码错误',
    ]) {
      expect(text).toContain(summary);
    }
    expectReadable(visibleText(page.text));
  });

  it('offers the actions and objects by Chinese name in the filter, and filters by a whole group', async () => {
    const all = await browser.get('/audit');
    expect(all.text).toContain('<option value="assignment.acknowledge">签收任务</option>');
    expect(all.text).toContain('<option value="auth.">全部登录操作</option>');
    expect(all.text).toContain('<option value="assignment">任务</option>');

    const tasks = await browser.get('/audit?action=assignment.');
    expect(tasks.status).toBe(200);
    expect(tasks.text).toContain('<option value="assignment." selected>全部任务操作</option>');
    const rows = [...auditTable(tasks.text).matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) => visibleText(row));
    // The header row and the two steps on the task.
    expect(rows.length).toBe(3);
    expect(rows.slice(1).map((row) => /签收任务|报送进展/.exec(row)?.[0])).toEqual(['报送进展', '签收任务']);

    const byType = await browser.get('/audit?objectType=notice');
    expect(byType.text).toContain('<option value="notice" selected>公文通知</option>');
    expect(visibleText(auditTable(byType.text))).toContain('起草公文');
    expect(visibleText(auditTable(byType.text))).not.toContain('签收任务');
  });

  it('shows one person’s entries from the link on their name', async () => {
    const page = await browser.get(`/audit?actorUserId=${org.users.police.id}`);
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain('只看 王警官（unit-police） 的操作');
    expect(page.text).toContain(`<input type="hidden" name="actorUserId" value="${org.users.police.id}">`);
    const text = visibleText(auditTable(page.text));
    expect(text).toContain('签收任务');
    expect(text).not.toContain('下达督办事项');
  });

  it('lists the office’s recent entries on its home page in the same words', async () => {
    const home = await browser.get('/');
    expect(home.status).toBe(200);
    const recent = recentAudit(home.text);
    const text = visibleText(recent);
    expect(text).toContain('office · 登录');
    expect(text).toContain('王警官（unit-police） · 登录失败 · 用户 王警官（unit-police）');
    expect(text).toContain('原因：密码错误');
    expect(recent).toContain(`<a href="/users/${org.users.police.id}/edit">`);
    expectReadable(text);
  });

  it('keeps answering the codes on the API, with the Chinese name beside them', async () => {
    const office = as(app, await login(app, 'office'));
    const res = await office.get('/api/audit?action=assignment.').expect(200);
    expect(res.body.items.map((e: { action: string; actionLabel: string }) => [e.action, e.actionLabel])).toEqual([
      ['assignment.report', '报送进展'],
      ['assignment.acknowledge', '签收任务'],
    ]);
  });
});
