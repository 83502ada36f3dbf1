import { as, login, Organisation, seedOrganisation, tableCounts } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe(`bad input (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let office: ReturnType<typeof as>;
  let counts: Record<string, number>;

  beforeAll(async () => {
    app = await startTestApp();
    org = await seedOrganisation(app.dataSource);
    office = as(app, await login(app, 'office'));
  });
  afterAll(() => app.close());

  beforeEach(async () => {
    counts = await tableCounts(app.dataSource);
  });
  afterEach(async () => {
    expect(await tableCounts(app.dataSource)).toEqual(counts);
  });

  const validUnit = { name: '市网信办', shortName: '网信办', kind: 'department' };

  it('refuses unknown fields, naming them', async () => {
    const res = await office.post('/api/units').send({ ...validUnit, budget: 100 }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details).toContainEqual({ field: 'budget', message: '“budget”是不允许的字段' });
    expect(res.body.message).toContain('budget');
  });

  it('refuses unknown fields inside nested objects', async () => {
    const res = await office.post('/api/units').send({ ...validUnit, contact: { phone: '123', fax: '456' } }).expect(400);
    expect(res.body.details).toContainEqual({ field: 'contact.fax', message: '“fax”是不允许的字段' });
  });

  it('refuses wrong types with a Chinese message per field', async () => {
    const res = await office.post('/api/units').send({ name: 42, shortName: '网信办', kind: 'ministry', parentId: 'one', active: 'yes' }).expect(400);
    const byField = Object.fromEntries(res.body.details.map((d: { field: string; message: string }) => [d.field, d.message]));
    expect(byField.name).toBe('单位全称应为文本');
    expect(byField.kind).toMatch(/^单位类别应为以下值之一：office, department/);
    expect(byField.parentId).toBe('上级单位应为有效的编号（正整数）');
    expect(byField.active).toBe('是否启用应为 true 或 false');
  });

  it('validates nested objects with their own rules', async () => {
    const res = await office.post('/api/units').send({ ...validUnit, contact: { email: 'not-an-email', phone: 12345 } }).expect(400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['contact.email', 'contact.phone']));
    await office.post('/api/units').send({ ...validUnit, contact: 'call us' }).expect(400);
  });

  it('refuses __proto__ and constructor keys anywhere in the body', async () => {
    const proto = await office
      .post('/api/units')
      .set('Content-Type', 'application/json')
      .send('{"name":"原型单位","shortName":"原型","kind":"other","__proto__":{"isAdmin":true}}')
      .expect(400);
    expect(proto.body.message).toContain('__proto__');
    await office
      .post('/api/units')
      .set('Content-Type', 'application/json')
      .send('{"name":"原型单位","shortName":"原型","kind":"other","contact":{"constructor":{"prototype":{"x":1}}}}')
      .expect(400);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('refuses oversized strings, and bodies beyond the size limit', async () => {
    const res = await office.post('/api/units').send({ ...validUnit, name: '局'.repeat(101) }).expect(400);
    expect(res.body.details).toContainEqual({ field: 'name', message: '单位全称不能超过 100 个字符' });
    await office.post('/api/users').send({ username: 'ok-name', displayName: '某'.repeat(51), role: 'unit', unitId: org.police.id, password: 'x'.repeat(129) }).expect(400);
    const huge = await office.post('/api/units').send({ ...validUnit, note: 'x'.repeat(3 * 1024 * 1024) }).expect(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a body that is not JSON with 415, saying what to send, storing nothing', async () => {
    const [{ n: before }] = await app.dataSource.query('SELECT COUNT(*) AS n FROM units');
    const text = await office.post('/api/units').set('Content-Type', 'text/plain').send('name=文本单位').expect(415);
    expect(text.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('Content-Type: application/json') });
    expect(text.body.message).toContain('收到的是 text/plain');
    const form = await office.post('/api/extractions').type('form').send({ text: '6月底前完成宣传。', documentDate: '2026-09-18' }).expect(415);
    expect(form.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    // JSON in an encoding other than UTF-8 is refused by the parser with the same code.
    const latin1 = await office.post('/api/units').set('Content-Type', 'application/json; charset=latin1').send('{}').expect(415);
    expect(latin1.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '请求体的编码不受支持，请用 UTF-8 的 JSON' });
    const [{ n: after }] = await app.dataSource.query('SELECT COUNT(*) AS n FROM units');
    expect(Number(after)).toBe(Number(before));
    // multipart/form-data is for routes that take files; elsewhere it is refused as well.
    const multipart = await office.post('/api/extractions').field('text', '6月底前完成宣传。').field('documentDate', '2026-09-18').expect(415);
    expect(multipart.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '此接口不收文件：请求体须为 JSON，请设置 Content-Type: application/json' });
    // JSON, and a request without a body, go on as before.
    await office.post('/api/units').set('Content-Type', 'application/json; charset=utf-8').send(JSON.stringify({ name: '' })).expect(400);
    await office.get('/api/units').expect(200);
  });

  it('refuses malformed JSON with a clear message', async () => {
    const res = await office.post('/api/units').set('Content-Type', 'application/json').send('{"name": ').expect(400);
    expect(res.body).toMatchObject({ code: 'MALFORMED_REQUEST', message: '请求格式有误，无法解析' });
  });

  it('refuses invalid users: bad username, short password, unit contact without a unit', async () => {
    const res = await office.post('/api/users').send({ username: '../Admin', displayName: '甲', role: 'unit', unitId: org.police.id, password: 'short' }).expect(400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'password']));
    const noUnit = await office.post('/api/users').send({ username: 'no-unit', displayName: '乙', role: 'unit', password: 'long-enough-1' }).expect(400);
    expect(noUnit.body.message).toMatch(/必须指定所属单位/);
    const dup = await office.post('/api/users').send({ username: 'office', displayName: '丙', role: 'office', unitId: org.office.id, password: 'long-enough-1' }).expect(409);
    expect(dup.body.code).toBe('USERNAME_TAKEN');
  });

  it('refuses a duplicate unit name and a parent cycle with 409', async () => {
    const dup = await office.post('/api/units').send({ ...validUnit, name: '测试市公安局' }).expect(409);
    expect(dup.body.code).toBe('UNIT_NAME_TAKEN');
    await office.patch(`/api/units/${org.town.id}`).send({ parentId: org.police.id }).expect(200);
    const cycle = await office.patch(`/api/units/${org.police.id}`).send({ parentId: org.town.id }).expect(409);
    expect(cycle.body.code).toBe('UNIT_HIERARCHY_CYCLE');
    await office.patch(`/api/units/${org.town.id}`).send({ parentId: null }).expect(200);
  });

  it('refuses null for a field that must have a value, while clearing optional ones works', async () => {
    for (const body of [{ name: null }, { shortName: null }, { kind: null }, { active: null }]) {
      const res = await office.patch(`/api/units/${org.police.id}`).send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    await office.patch(`/api/users/${org.users.police.id}`).send({ displayName: null }).expect(400);
    await office.patch(`/api/users/${org.users.police.id}`).send({ role: null }).expect(400);
    await office.patch(`/api/users/${org.users.police.id}`).send({ phone: null, email: null }).expect(200);
    expect((await office.get(`/api/units/${org.police.id}`).expect(200)).body.name).toBe('测试市公安局');
  });

  it('refuses non-numeric ids and bad query parameters', async () => {
    await office.get('/api/units/abc').expect(400);
    const res = await office.get('/api/units?pageSize=1000').expect(400);
    expect(res.body.details).toContainEqual({ field: 'pageSize', message: '每页条数不能大于 100' });
    await office.get('/api/units?sort=name').expect(400);
  });
});
