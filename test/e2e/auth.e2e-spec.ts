import { createHmac } from 'node:crypto';
import { In } from 'typeorm';
import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { User } from '../../src/users/user.entity';
import { PageClient } from '../support/browser-session';
import { as, login, Organisation, PASSWORD, seedOrganisation } from '../support/fixtures';
import { startTestApp, TEST_JWT_SECRET, TestApp } from '../support/test-app';

const base64url = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function signHs256(payload: object, secret = TEST_JWT_SECRET): string {
  const head = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

describe(`sign-in (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;

  beforeAll(async () => {
    app = await startTestApp();
    org = await seedOrganisation(app.dataSource);
  });
  afterAll(() => app.close());

  it('signs in with the right password and answers a token with the user, never the hash', async () => {
    const res = await app.http().post('/api/auth/login').send({ username: 'unit-police', password: PASSWORD }).expect(200);
    expect(res.body.accessToken.split('.')).toHaveLength(3);
    expect(res.body.expiresIn).toBe(8 * 3600);
    expect(res.body.user).toMatchObject({ username: 'unit-police', role: 'unit', unitId: org.police.id, unitName: '公安局' });
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|passwordHash|tokenVersion/);
    const header = JSON.parse(Buffer.from(res.body.accessToken.split('.')[0], 'base64url').toString());
    expect(header.alg).toBe('HS256');

    const me = await as(app, res.body.accessToken).get('/api/auth/me').expect(200);
    expect(me.body.username).toBe('unit-police');
  });

  it('refuses a wrong password and an unknown user alike, and audits both', async () => {
    const wrong = await app.http().post('/api/auth/login').send({ username: 'office', password: 'not-the-password' }).expect(401);
    const unknown = await app.http().post('/api/auth/login').send({ username: 'nobody', password: 'whatever1' }).expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.message).toBe(wrong.body.message);
    expect(wrong.body.message).toMatch(/用户名或密码错误/);

    const failures = await app.dataSource.getRepository(AuditEntry).find({ where: { action: 'auth.login_failed' }, order: { id: 'ASC' } });
    expect(failures.map((f) => [f.actorUsername, f.changes?.reason?.[1]])).toEqual([
      ['office', 'wrong_password'],
      ['nobody', 'unknown_user'],
    ]);
    expect(failures[0].correlationId).toBe(wrong.headers['x-request-id']);
  });

  it('refuses a deactivated account even with the right password', async () => {
    const token = await login(app, 'unit-town');
    await app.dataSource.query('UPDATE users SET active = 0 WHERE id = ?', [org.users.town.id]);
    await app.http().post('/api/auth/login').send({ username: 'unit-town', password: PASSWORD }).expect(401);
    // The token issued before deactivation stops working at once.
    await as(app, token).get('/api/auth/me').expect(401);
    await app.dataSource.query('UPDATE users SET active = 1 WHERE id = ?', [org.users.town.id]);
  });

  it('rejects requests without a token, with a malformed one, or with an expired one', async () => {
    await app.http().get('/api/units').expect(401);
    await app.http().get('/api/units').set('Authorization', 'Bearer not-a-jwt').expect(401);
    const now = Math.floor(Date.now() / 1000);
    const expired = signHs256({ sub: String(org.users.office.id), tv: 0, role: 'office', unit: org.office.id, iat: now - 7200, exp: now - 3600 });
    const res = await app.http().get('/api/units').set('Authorization', `Bearer ${expired}`).expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    // The same claims, still valid, are accepted: the rejection above is the expiry.
    const valid = signHs256({ sub: String(org.users.office.id), tv: 0, role: 'office', unit: org.office.id, iat: now, exp: now + 600 });
    await app.http().get('/api/units').set('Authorization', `Bearer ${valid}`).expect(200);
  });

  it('rejects an unsigned token (alg: none)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: String(org.users.office.id), tv: 0, role: 'office', iat: now, exp: now + 600 })}.`;
    await app.http().get('/api/units').set('Authorization', `Bearer ${unsigned}`).expect(401);
  });

  it('rejects a token whose role was edited, and one signed with another key', async () => {
    const token = await login(app, 'unit-police');
    const [head, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const edited = `${head}.${base64url({ ...claims, role: 'office', unit: org.office.id })}.${signature}`;
    await app.http().get('/api/users').set('Authorization', `Bearer ${edited}`).expect(401);

    const now = Math.floor(Date.now() / 1000);
    const foreign = signHs256({ sub: String(org.users.office.id), tv: 0, role: 'office', iat: now, exp: now + 600 }, 'another-secret-another-secret-another-secret');
    await app.http().get('/api/users').set('Authorization', `Bearer ${foreign}`).expect(401);
  });

  it('changes the own password, revoking earlier tokens and returning a new one', async () => {
    const old = await login(app, 'leader');
    const bad = await as(app, old).post('/api/auth/password').send({ currentPassword: 'wrong-one-1', newPassword: 'brand-new-pass' }).expect(409);
    expect(bad.body.code).toBe('WRONG_PASSWORD');
    const res = await as(app, old).post('/api/auth/password').send({ currentPassword: PASSWORD, newPassword: 'brand-new-pass' }).expect(200);
    await as(app, old).get('/api/auth/me').expect(401);
    await as(app, res.body.accessToken).get('/api/auth/me').expect(200);
    await login(app, 'leader', 'brand-new-pass');
    const audit = await app.dataSource.getRepository(AuditEntry).findOneByOrFail({ action: 'user.password_change' });
    expect(audit.objectId).toBe(String(org.users.leader.id));
    expect(JSON.stringify(audit.changes)).not.toContain('brand-new-pass');
  });

  it('refuses weak passwords wherever one is set, saying what to do, and changes nothing', async () => {
    const office = as(app, await login(app, 'office'));
    const town = as(app, await login(app, 'unit-town'));
    const hashes = async () => (await app.dataSource.getRepository(User).find({ order: { id: 'ASC' } })).map((u) => [u.username, u.passwordHash]);
    const before = { hashes: await hashes(), audit: await app.dataSource.getRepository(AuditEntry).countBy({ action: In(['user.create', 'user.password_reset', 'user.password_change']) }) };
    const refusals = [
      [await office.post('/api/users').send({ username: 'new-contact', displayName: '新联络员', role: 'unit', unitId: org.town.id, password: 'password1234' }), 'password', '常见密码'],
      [await office.post('/api/users').send({ username: 'new-contact', displayName: '新联络员', role: 'unit', unitId: org.town.id, password: 'NEW-CONTACT-river-lamp' }), 'password', '包含了用户名'],
      [await office.post('/api/users').send({ username: 'new-contact', displayName: '新联络员', role: 'unit', unitId: org.town.id, password: '12345678' }), 'password', '12 个字符'],
      [await office.post(`/api/users/${org.users.town.id}/password`).send({ newPassword: 'Unit-Town-river-lamp' }), 'newPassword', '包含了用户名'],
      [await office.post(`/api/users/${org.users.town.id}/password`).send({ newPassword: '1qaz2wsx3edc' }), 'newPassword', '常见密码'],
      [await town.post('/api/auth/password').send({ currentPassword: PASSWORD, newPassword: 'qwertyuiop123' }), 'newPassword', '常见密码'],
      [await town.post('/api/auth/password').send({ currentPassword: PASSWORD, newPassword: 'my-unit-town-password' }), 'newPassword', '包含了用户名'],
    ] as const;
    for (const [res, field, says] of refusals) {
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.details).toEqual([expect.objectContaining({ field })]);
      expect(res.body.details[0].message).toContain(says);
    }
    expect(refusals.find(([res]) => res.body.message.includes('常见密码'))![0].body.message).toContain('密码至少 12 个字符，不能包含用户名，也不能是常见密码；建议用几个词组成的短句');
    expect(await hashes()).toEqual(before.hashes);
    expect(await app.dataSource.getRepository(AuditEntry).countBy({ action: In(['user.create', 'user.password_reset', 'user.password_change']) })).toBe(before.audit);
    // The town's sessions were not ended by the refused reset and change.
    await town.get('/api/auth/me').expect(200);

    // A few words are accepted on each path.
    await office.post('/api/users').send({ username: 'new-contact', displayName: '新联络员', role: 'unit', unitId: org.town.id, password: 'harbour lantern quietly' }).expect(201);
    await office.post(`/api/users/${org.users.town.id}/password`).send({ newPassword: 'river lamp cloud' }).expect(204);
    await login(app, 'unit-town', 'river lamp cloud');
  });
});

describe(`sign-in rate limit (${process.env.TEST_DB})`, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW_SECONDS: '60' });
    await seedOrganisation(app.dataSource);
  });
  afterAll(() => app.close());

  it('answers 429 after too many attempts, counting the API and the sign-in page together', async () => {
    for (let i = 0; i < 2; i++) {
      await app.http().post('/api/auth/login').send({ username: 'office', password: 'guess-number-' + i }).expect(401);
    }
    expect((await new PageClient(app).signIn('office', 'guess-on-the-page')).status).toBe(401);
    const res = await app.http().post('/api/auth/login').send({ username: 'office', password: PASSWORD }).expect(429);
    expect(res.body.code).toBe('RATE_LIMITED');
    expect(res.body.message).toMatch(/频繁/);
  });
});
