import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { User } from '../../src/users/user.entity';
import { PageClient } from '../support/browser-session';
import { as, login, Organisation, PASSWORD, seedOrganisation, tableCounts } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

const setCookies = (res: { headers: Record<string, unknown> }): string[] => ([] as string[]).concat((res.headers['set-cookie'] as string[] | undefined) ?? []);
const cookieHeader = (lines: string[]) => lines.map((line) => line.split(';')[0]).join('; ');

/** Signs in through the sign-in form, every request with the given headers; answers every cookie the server set. */
async function signInCookies(app: TestApp, headers: Record<string, string>): Promise<string[]> {
  const form = await app.http().get('/login').set(headers).expect(200);
  const first = setCookies(form);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
  const signedIn = await app.http().post('/login').set(headers).set('Cookie', cookieHeader(first)).type('form').send({ _csrf: csrf, username: 'office', password: PASSWORD, next: '/' });
  expect(signedIn.status).toBe(303);
  return [...first, ...setCookies(signedIn)];
}

describe(`session cookies behind a proxy (${process.env.TEST_DB})`, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ TRUST_PROXY: '1' });
    await seedOrganisation(app.dataSource);
  });
  afterAll(() => app.close());

  it('marks every cookie Secure when the trusted proxy says the request came over HTTPS', async () => {
    const cookies = await signInCookies(app, { 'X-Forwarded-Proto': 'https' });
    expect(cookies.map((c) => c.split('=')[0])).toEqual(expect.arrayContaining(['dbs_sid', 'dbs_csrf', 'dbs_token']));
    for (const cookie of cookies) expect(cookie).toMatch(/; Secure/);
  });

  it('leaves them without Secure over plain HTTP, where the browser would drop them', async () => {
    const cookies = await signInCookies(app, {});
    expect(cookies.map((c) => c.split('=')[0])).toEqual(expect.arrayContaining(['dbs_sid', 'dbs_csrf', 'dbs_token']));
    for (const cookie of cookies) expect(cookie).not.toMatch(/Secure/);
  });
});

describe(`session cookies without a trusted proxy (${process.env.TEST_DB})`, () => {
  let app: TestApp;

  afterEach(() => app.close());

  it('does not believe X-Forwarded-Proto from a proxy it was not told to trust', async () => {
    app = await startTestApp();
    await seedOrganisation(app.dataSource);
    const cookies = await signInCookies(app, { 'X-Forwarded-Proto': 'https' });
    expect(cookies.length).toBeGreaterThanOrEqual(3);
    for (const cookie of cookies) expect(cookie).not.toMatch(/Secure/);
  });

  it('marks every cookie Secure with COOKIE_SECURE=true, whatever the request', async () => {
    app = await startTestApp({ COOKIE_SECURE: 'true' });
    await seedOrganisation(app.dataSource);
    const cookies = await signInCookies(app, {});
    expect(cookies.length).toBeGreaterThanOrEqual(3);
    for (const cookie of cookies) expect(cookie).toMatch(/; Secure/);
  });
});

describe(`security of signed-in answers (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let office: ReturnType<typeof as>;

  beforeAll(async () => {
    app = await startTestApp();
    org = await seedOrganisation(app.dataSource);
    office = as(app, await login(app, 'office'));
  });
  afterAll(() => app.close());

  it('tells browsers and proxies not to keep pages, API answers or files, but lets them keep the stylesheet', async () => {
    const browser = new PageClient(app);
    await browser.signIn('unit-police', PASSWORD);
    const police = as(app, await login(app, 'unit-police'));
    const document = await office.post('/api/documents').field('kind', 'speech').field('title', '缓存测试纪要').field('issuer', '反诈办').field('issuedOn', '2026-02-01').field('body', '正文').attach('files', PDF, 'minutes.pdf').expect(201);
    const answers = [
      await browser.get('/'),
      await browser.get('/account/password'),
      await browser.get('/no-such-page'),
      await police.get('/api/auth/me'),
      await police.get('/api/units/999999'),
      await office.get(`/api/attachments/${document.body.attachments[0].id}`),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 404, 200, 404, 200]);
    for (const res of answers) expect(res.headers['cache-control']).toBe('no-store');

    const stylesheet = await app.http().get('/assets/app.css').expect(200);
    expect(stylesheet.headers['cache-control']).toMatch(/max-age=3600/);
    expect(stylesheet.headers['cache-control']).not.toContain('no-store');
  });

  it("shows a unit contact its own unit's card only, on every page that shows cards", async () => {
    const directive = (await office.post('/api/directives').send({ title: '联合开展涉诈账户清理', requirement: '按要求办理。', category: '资金查控', priority: 'normal', deadlineWorkingDays: 20, leadUnitId: org.town.id, cooperatingUnitIds: [org.police.id] }).expect(201)).body as { id: number };
    const listing = (await office.post('/api/listings').send({ unitId: org.police.id, card: 'yellow', reason: '涉诈案件高发', conditionsText: '连续30天无逾期事项' }).expect(201)).body as { id: number };
    const town = new PageClient(app);
    await town.signIn('unit-town', PASSWORD);
    // What the API says: the town cannot see the police's listing.
    await as(app, await login(app, 'unit-town')).get(`/api/listings/${listing.id}`).expect(404);

    // As the lead unit the town sees its cooperator's row on the directive page, but not the police's card.
    const page = await town.get(`/directives/${directive.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('公安局');
    for (const path of [`/directives/${directive.id}`, '/', '/tasks', '/rectifications', '/units']) {
      const res = await town.get(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect([path, res.text.includes('card-badge')]).toEqual([path, false]);
    }

    // The listed unit and the office do see it.
    const police = new PageClient(app);
    await police.signIn('unit-police', PASSWORD);
    expect((await police.get(`/directives/${directive.id}`)).text).toContain('card-badge card-yellow');
    const officePage = new PageClient(app);
    await officePage.signIn('office', PASSWORD);
    expect((await officePage.get(`/directives/${directive.id}`)).text).toContain('card-badge card-yellow');
  });

  it('records uploads to an inspection in the audit trail, naming the files', async () => {
    const inspection = (await office.post('/api/inspections').send({ title: '网点明查暗访', type: 'unannounced', inspectedOn: '2026-02-27', inspectors: '反诈办 张三', summary: '对银行网点进行明查暗访。', unitIds: [org.police.id] }).expect(201)).body as { id: number };
    const res = await office.post(`/api/inspections/${inspection.id}/attachments`).attach('files', PNG, '现场照片.png').attach('files', PDF, '检查记录.pdf').expect(200);
    const uploaded = res.body.attachments as { id: number; fileName: string }[];
    expect(uploaded).toHaveLength(2);

    const entries = await app.dataSource.getRepository(AuditEntry).findBy({ action: 'inspection.attach', objectId: String(inspection.id) });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ objectType: 'inspection', actorUserId: org.users.office.id });
    expect(entries[0].changes).toEqual({ attachments: [null, uploaded.map(({ id, fileName }) => ({ id, fileName }))] });

    // A refused upload (no files) records nothing.
    await office.post(`/api/inspections/${inspection.id}/attachments`).expect(400);
    expect(await app.dataSource.getRepository(AuditEntry).countBy({ action: 'inspection.attach' })).toBe(1);
  });
});

describe(`weak passwords on the pages (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;

  beforeAll(async () => {
    app = await startTestApp();
    org = await seedOrganisation(app.dataSource);
  });
  afterAll(() => app.close());

  it('re-shows the password form with what to do, and keeps the password', async () => {
    const browser = new PageClient(app);
    await browser.signIn('unit-town', PASSWORD);
    const hashBefore = (await app.dataSource.getRepository(User).findOneByOrFail({ id: org.users.town.id })).passwordHash;
    for (const [weak, says] of [
      ['password1234', '是常见密码'],
      ['my-unit-town-pass', '包含了用户名'],
      ['12345678', '12 个字符'],
    ]) {
      const res = await browser.post('/account/password', { _csrf: await browser.csrfToken('/account/password'), currentPassword: PASSWORD, newPassword: weak, confirmPassword: weak });
      expect([weak, res.status]).toEqual([weak, 400]);
      expect(res.text).toContain(says);
    }
    const shown = await browser.post('/account/password', { _csrf: await browser.csrfToken('/account/password'), currentPassword: PASSWORD, newPassword: 'password1234', confirmPassword: 'password1234' });
    expect(shown.text).toContain('密码至少 12 个字符，不能包含用户名，也不能是常见密码；建议用几个词组成的短句');
    expect((await app.dataSource.getRepository(User).findOneByOrFail({ id: org.users.town.id })).passwordHash).toBe(hashBefore);
    expect((await new PageClient(app).signIn('unit-town', PASSWORD)).status).toBe(303);
  });

  it('refuses a new account whose password contains its username, storing nothing', async () => {
    const browser = new PageClient(app);
    await browser.signIn('office', PASSWORD);
    const before = await tableCounts(app.dataSource);
    const res = await browser.post('/users', { _csrf: await browser.csrfToken('/users/new'), username: 'zhang-wei', displayName: '张伟', role: 'unit', unitId: String(org.police.id), password: 'Zhang-Wei-2026-spring' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('包含了用户名');
    expect(await tableCounts(app.dataSource)).toEqual(before);
  });
});
