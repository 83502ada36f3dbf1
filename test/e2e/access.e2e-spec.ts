import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { as, login, Organisation, seedOrganisation, tableCounts } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe(`roles and object-level permissions (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let office: ReturnType<typeof as>;
  let leader: ReturnType<typeof as>;
  let police: ReturnType<typeof as>;
  let town: ReturnType<typeof as>;

  beforeAll(async () => {
    app = await startTestApp();
    org = await seedOrganisation(app.dataSource);
    office = as(app, await login(app, 'office'));
    leader = as(app, await login(app, 'leader'));
    police = as(app, await login(app, 'unit-police'));
    town = as(app, await login(app, 'unit-town'));
  });
  afterAll(() => app.close());

  const denials = () => app.dataSource.getRepository(AuditEntry).count({ where: { action: 'access.denied' } });

  it('lets the office see and manage every unit and user', async () => {
    const units = await office.get('/api/units').expect(200);
    expect(units.body.total).toBe(3);
    await office.get(`/api/units/${org.town.id}`).expect(200);
    const users = await office.get('/api/users').expect(200);
    expect(users.body.items.map((u: { username: string }) => u.username).sort()).toEqual(['leader', 'office', 'unit-police', 'unit-town']);
    await office.patch(`/api/units/${org.town.id}`).send({ contact: { phone: '0571-1234567' } }).expect(200);
  });

  it('searches units and users by name, treating wildcards as plain characters', async () => {
    const found = await office.get(`/api/units?q=${encodeURIComponent('公安')}`).expect(200);
    expect(found.body.items.map((u: { id: number }) => u.id)).toEqual([org.police.id]);
    expect((await office.get(`/api/units?q=${encodeURIComponent('%')}`).expect(200)).body.total).toBe(0);
    expect((await office.get('/api/units?q=_').expect(200)).body.total).toBe(0);
    const users = await office.get('/api/users?q=unit-').expect(200);
    expect(users.body.items.map((u: { username: string }) => u.username).sort()).toEqual(['unit-police', 'unit-town']);
    expect((await office.get('/api/users?q=unit_').expect(200)).body.total).toBe(0);
    // The office unit is listed first, before member units.
    expect((await office.get('/api/units').expect(200)).body.items[0].kind).toBe('office');
  });

  it('lets a leader read everything and change nothing', async () => {
    expect((await leader.get('/api/units').expect(200)).body.total).toBe(3);
    await leader.get(`/api/users/${org.users.police.id}`).expect(200);
    const before = await tableCounts(app.dataSource);
    const denied = await leader.post('/api/units').send({ name: '领导新建的单位', shortName: '新单位', kind: 'other' }).expect(403);
    expect(denied.body).toMatchObject({ code: 'FORBIDDEN', message: '当前账号无权执行此操作' });
    await leader.patch(`/api/units/${org.police.id}`).send({ shortName: '改名' }).expect(403);
    await leader.post('/api/users').send({ username: 'sneaky', displayName: 'x', role: 'office', unitId: org.office.id, password: 'password-1' }).expect(403);
    await leader.get('/api/audit').expect(403);
    expect(await tableCounts(app.dataSource)).toEqual(before);
    expect((await office.get(`/api/units/${org.police.id}`).expect(200)).body.shortName).toBe('公安局');
  });

  it('shows a unit contact only their own unit and its people', async () => {
    const units = await police.get('/api/units').expect(200);
    expect(units.body.items.map((u: { id: number }) => u.id)).toEqual([org.police.id]);
    const users = await police.get('/api/users').expect(200);
    expect(users.body.items.map((u: { username: string }) => u.username)).toEqual(['unit-police']);
    // Filters cannot widen the scope.
    const filtered = await police.get(`/api/users?unitId=${org.town.id}`).expect(200);
    expect(filtered.body.total).toBe(0);
    await police.get(`/api/units/${org.police.id}`).expect(200);
  });

  it("answers 404 for another unit's objects, so their existence does not leak, and audits the attempt", async () => {
    const before = await denials();
    const unit = await police.get(`/api/units/${org.town.id}`).expect(404);
    expect(unit.body).toMatchObject({ code: 'NOT_FOUND', message: '单位不存在或无权查看' });
    const missing = await police.get('/api/units/999999').expect(404);
    expect(missing.body.message).toBe(unit.body.message);
    await police.get(`/api/users/${org.users.town.id}`).expect(404);
    await town.get(`/api/users/${org.users.police.id}`).expect(404);
    expect(await denials()).toBe(before + 3);
    const last = await app.dataSource.getRepository(AuditEntry).findOneOrFail({ where: { action: 'access.denied' }, order: { id: 'DESC' } });
    expect(last).toMatchObject({ actorUsername: 'unit-town', actorUnitId: org.town.id, objectType: 'user', objectId: String(org.users.police.id) });
  });

  it('never lets a unit contact manage units or users, even their own', async () => {
    const before = await tableCounts(app.dataSource);
    await police.patch(`/api/units/${org.police.id}`).send({ shortName: '自改' }).expect(403);
    await police.patch(`/api/units/${org.town.id}`).send({ shortName: '他改' }).expect(403);
    await police.post('/api/users').send({ username: 'helper', displayName: '帮手', role: 'unit', unitId: org.police.id, password: 'password-1' }).expect(403);
    await police.patch(`/api/users/${org.users.police.id}`).send({ role: 'office' }).expect(403);
    await police.post(`/api/users/${org.users.town.id}/password`).send({ newPassword: 'taken-over-1' }).expect(403);
    await police.get('/api/audit').expect(403);
    expect(await tableCounts(app.dataSource)).toEqual(before);
    const police2 = await office.get(`/api/users/${org.users.police.id}`).expect(200);
    expect(police2.body.role).toBe('unit');
    // The town contact's password was not changed by the refused reset.
    await login(app, 'unit-town');
  });

  it('keeps the office from locking itself out', async () => {
    const res = await office.patch(`/api/users/${org.users.office.id}`).send({ active: false }).expect(409);
    expect(res.body.code).toBe('SELF_LOCKOUT');
    await office.get('/api/auth/me').expect(200);
  });

  it('ends the sessions of a user whose role the office changes', async () => {
    const token = await login(app, 'unit-town');
    await office.patch(`/api/users/${org.users.town.id}`).send({ role: 'leader', unitId: null }).expect(200);
    await as(app, token).get('/api/auth/me').expect(401);
    const again = as(app, await login(app, 'unit-town'));
    expect((await again.get('/api/units').expect(200)).body.total).toBe(3);
    await again.post('/api/units').send({ name: '新单位', shortName: '新', kind: 'other' }).expect(403);
    await office.patch(`/api/users/${org.users.town.id}`).send({ role: 'unit', unitId: org.town.id }).expect(200);
  });
});
