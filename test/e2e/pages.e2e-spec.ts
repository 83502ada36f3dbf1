import { Unit } from '../../src/units/unit.entity';
import { PageClient } from '../support/browser-session';
import { Organisation, PASSWORD, seedOrganisation, tableCounts } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe(`web pages (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;

  beforeAll(async () => {
    app = await startTestApp();
    org = await seedOrganisation(app.dataSource);
  });
  afterAll(() => app.close());

  it('sends a visitor without a session to the sign-in page, keeping where they were going', async () => {
    const res = await new PageClient(app).get('/users');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/login?next=%2Fusers');
  });

  it('signs in through the form into an HttpOnly cookie and lands on the role home page', async () => {
    const browser = new PageClient(app);
    const res = await browser.signIn('office', PASSWORD);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const tokenCookie = ([] as string[]).concat(res.headers['set-cookie']).find((c) => c.startsWith('dbs_token='))!;
    expect(tokenCookie).toMatch(/HttpOnly/);
    expect(tokenCookie).toMatch(/SameSite=Lax/);
    const home = await browser.get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('office，您好');
    expect(home.text).toContain('单位管理');
    expect(home.text).toContain('审计日志');
  });

  it('shows the sign-in form again with a message on a wrong password', async () => {
    const res = await new PageClient(app).signIn('office', 'wrong-password');
    expect(res.status).toBe(401);
    expect(res.text).toContain('用户名或密码错误');
  });

  it('refuses a form post without a valid CSRF token and changes nothing', async () => {
    const browser = new PageClient(app);
    await browser.signIn('office', PASSWORD);
    const before = await tableCounts(app.dataSource);
    const missing = await browser.post('/units', { name: '跨站单位', shortName: '跨站', kind: 'other' });
    expect(missing.status).toBe(403);
    expect(missing.text).toContain('表单已失效');
    const forged = await browser.post('/units', { _csrf: 'a'.repeat(64) + '.' + 'b'.repeat(64), name: '跨站单位', shortName: '跨站', kind: 'other' });
    expect(forged.status).toBe(403);
    // A token from another browser session does not fit this one.
    const other = new PageClient(app);
    const foreignToken = await other.csrfToken('/login');
    expect((await browser.post('/units', { _csrf: foreignToken, name: '跨站单位', shortName: '跨站', kind: 'other' })).status).toBe(403);
    expect(await tableCounts(app.dataSource)).toEqual(before);
  });

  it('lets the office add a unit through the form, and re-shows the form with Chinese errors when it is wrong', async () => {
    const browser = new PageClient(app);
    await browser.signIn('office', PASSWORD);
    const invalid = await browser.post('/units', { _csrf: await browser.csrfToken('/units/new'), name: '', shortName: '简称', kind: 'department' });
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain('不能为空');
    expect(invalid.text).toContain('value="简称"');

    const duplicate = await browser.post('/units', { _csrf: await browser.csrfToken('/units/new'), name: '测试市公安局', shortName: '重复', kind: 'department' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.text).toContain('单位名称不能重复');

    const created = await browser.post('/units', {
      _csrf: await browser.csrfToken('/units/new'),
      name: '测试市教育局',
      shortName: '教育局',
      kind: 'department',
      parentId: '',
      contactPerson: '何老师',
      contactPhone: '0571-5550000',
      active: 'on',
    });
    expect(created.status).toBe(303);
    const unit = await app.dataSource.getRepository(Unit).findOneByOrFail({ name: '测试市教育局' });
    expect(unit).toMatchObject({ shortName: '教育局', contactPerson: '何老师', active: true, parentId: null });
    expect((await browser.get('/units')).text).toContain('测试市教育局');
  });

  it('escapes user text on every page', async () => {
    const browser = new PageClient(app);
    await browser.signIn('office', PASSWORD);
    await browser.post('/units', { _csrf: await browser.csrfToken('/units/new'), name: '<script>alert(1)</script>', shortName: '"><img src=x>', kind: 'other', active: 'on' });
    const list = await browser.get('/units');
    expect(list.text).not.toContain('<script>alert(1)</script>');
    expect(list.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(list.text).not.toContain('"><img src=x>');
  });

  it('gives a unit contact no management pages and only their own unit', async () => {
    const browser = new PageClient(app);
    await browser.signIn('unit-police', PASSWORD);
    const home = await browser.get('/');
    expect(home.text).toContain('测试市公安局');
    expect(home.text).not.toContain('单位管理');
    expect(home.text).not.toContain('用户管理');
    const users = await browser.get('/users');
    expect(users.status).toBe(403);
    expect(users.text).toContain('当前账号无权执行此操作');
    expect((await browser.get(`/units/${org.town.id}/edit`)).status).toBe(403);
    const units = await browser.get('/units');
    expect(units.text).toContain('测试市公安局');
    expect(units.text).not.toContain('测试市东湖街道');
    expect(units.text).not.toContain('新增单位');
  });

  it('never lets the page cookie authorise an API call, whatever the case of the path', async () => {
    const browser = new PageClient(app);
    await browser.signIn('office', PASSWORD);
    for (const path of ['/api/units', '/API/units', '/Api/Users']) {
      expect((await app.http().get(path).set('Cookie', browser.cookieHeader())).status).toBe(401);
    }
  });

  it('refuses a form that repeats a field, changing nothing', async () => {
    const browser = new PageClient(app);
    await browser.signIn('office', PASSWORD);
    const before = await tableCounts(app.dataSource);
    const token = await browser.csrfToken('/units/new');
    const res = await app
      .http()
      .post('/units')
      .set('Cookie', browser.cookieHeader())
      .type('form')
      .send(`_csrf=${encodeURIComponent(token)}&name=a&name=b&shortName=x&kind=other`);
    expect(res.status).toBe(400);
    expect(res.text).toContain('重复或无法识别的字段');
    expect(await tableCounts(app.dataSource)).toEqual(before);
  });

  it('gives a leader read-only pages', async () => {
    const browser = new PageClient(app);
    await browser.signIn('leader', PASSWORD);
    const units = await browser.get('/units');
    expect(units.status).toBe(200);
    expect(units.text).toContain('测试市东湖街道');
    expect(units.text).not.toContain('新增单位');
    expect((await browser.get('/units/new')).status).toBe(403);
    expect((await browser.get('/audit')).status).toBe(403);
  });

  it('changes the own password through the form and signs out', async () => {
    const browser = new PageClient(app);
    await browser.signIn('unit-town', PASSWORD);
    const mismatch = await browser.post('/account/password', { _csrf: await browser.csrfToken('/account/password'), currentPassword: PASSWORD, newPassword: 'new-password-1', confirmPassword: 'new-password-2' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.text).toContain('两次输入的新密码不一致');
    const changed = await browser.post('/account/password', { _csrf: await browser.csrfToken('/account/password'), currentPassword: PASSWORD, newPassword: 'new-password-1', confirmPassword: 'new-password-1' });
    expect(changed.status).toBe(303);
    expect((await browser.get('/')).status).toBe(200);
    const cookiesBeforeSignOut = browser.cookieHeader();
    const out = await browser.post('/logout', { _csrf: await browser.csrfToken('/') });
    expect(out.headers.location).toBe('/login');
    expect((await browser.get('/')).status).toBe(303);
    // Signing out revokes the token itself, not only the cookie: a copy of it no longer works.
    expect((await app.http().get('/').set('Cookie', cookiesBeforeSignOut)).status).toBe(303);
    expect((await new PageClient(app).signIn('unit-town', 'new-password-1')).status).toBe(303);
  });
});
