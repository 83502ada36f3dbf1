import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { as, login, Organisation, seedOrganisation } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe(`audit trail (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let office: ReturnType<typeof as>;

  beforeAll(async () => {
    app = await startTestApp();
    org = await seedOrganisation(app.dataSource);
    office = as(app, await login(app, 'office'));
  });
  afterAll(() => app.close());

  const entries = () => app.dataSource.getRepository(AuditEntry);

  it('records a creation with who, which unit, what, the new values and the correlation id', async () => {
    const res = await office.post('/api/units').set('X-Request-Id', 'create-unit-0001').send({ name: '市邮政管理局', shortName: '邮政局', kind: 'department', contact: { person: '许工' } }).expect(201);
    const entry = await entries().findOneByOrFail({ action: 'unit.create', objectId: String(res.body.id) });
    expect(entry).toMatchObject({
      actorUserId: org.users.office.id,
      actorUsername: 'office',
      actorUnitId: org.office.id,
      objectType: 'unit',
      correlationId: 'create-unit-0001',
    });
    expect(entry.changes).toMatchObject({ name: [null, '市邮政管理局'], kind: [null, 'department'], contactPerson: [null, '许工'], active: [null, true] });
    expect(entry.occurredAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('records an update with only the changed fields, before and after', async () => {
    await office.patch(`/api/users/${org.users.police.id}`).send({ displayName: '王警官', phone: '13800000000', role: 'unit' }).expect(200);
    const entry = await entries().findOneOrFail({ where: { action: 'user.update', objectId: String(org.users.police.id) }, order: { id: 'DESC' } });
    expect(entry.changes).toEqual({ displayName: ['unit-police', '王警官'], phone: [null, '13800000000'] });
  });

  it('writes nothing when an update changes nothing', async () => {
    const before = await entries().count();
    await office.patch(`/api/units/${org.police.id}`).send({ shortName: '公安局' }).expect(200);
    expect(await entries().count()).toBe(before);
  });

  it('never stores a password or its hash', async () => {
    await office.post('/api/users').send({ username: 'new-contact', displayName: '新联络员', role: 'unit', unitId: org.town.id, password: 'secret-initial-1' }).expect(201);
    await office.post(`/api/users/${org.users.town.id}/password`).send({ newPassword: 'secret-reset-22' }).expect(204);
    const all = JSON.stringify(await entries().find());
    expect(all).not.toMatch(/secret-initial-1|secret-reset-22|argon2/);
    expect(await entries().countBy({ action: 'user.password_reset', objectId: String(org.users.town.id) })).toBe(1);
  });

  it('records sign-ins', async () => {
    await login(app, 'leader');
    const entry = await entries().findOneOrFail({ where: { action: 'auth.login' }, order: { id: 'DESC' } });
    expect(entry).toMatchObject({ actorUsername: 'leader', objectId: String(org.users.leader.id) });
  });

  it('lets the office list and filter entries, newest first', async () => {
    const all = await office.get('/api/audit').expect(200);
    expect(all.body.total).toBeGreaterThanOrEqual(5);
    const ids = all.body.items.map((e: { id: number }) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const units = await office.get('/api/audit?objectType=unit&action=unit.create').expect(200);
    expect(units.body.items).toHaveLength(1);
    expect(units.body.items.every((e: { action: string }) => e.action === 'unit.create')).toBe(true);
    expect(units.body.total).toBe(1);

    const byPrefix = await office.get('/api/audit?action=auth.').expect(200);
    expect(byPrefix.body.items.length).toBeGreaterThan(0);
    expect(byPrefix.body.items.every((e: { action: string }) => e.action.startsWith('auth.'))).toBe(true);

    const byActor = await office.get(`/api/audit?actorUserId=${org.users.leader.id}`).expect(200);
    expect(byActor.body.items).toHaveLength(1);
    expect(byActor.body.items.every((e: { actorUsername: string }) => e.actorUsername === 'leader')).toBe(true);

    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect((await office.get(`/api/audit?from=${future}`).expect(200)).body.total).toBe(0);
    expect((await office.get(`/api/audit?to=${future}`).expect(200)).body.total).toBe(all.body.total);
    await office.get('/api/audit?from=yesterday').expect(400);
  });

  it('offers no way to edit or delete entries', async () => {
    const [entry] = (await office.get('/api/audit').expect(200)).body.items;
    const count = await entries().count();
    await office.patch(`/api/audit/${entry.id}`).send({ action: 'tampered' }).expect(404);
    await office.put(`/api/audit/${entry.id}`).send({ action: 'tampered' }).expect(404);
    await office.delete(`/api/audit/${entry.id}`).expect(404);
    await office.delete('/api/audit').expect(404);
    expect(await entries().count()).toBe(count);
    expect((await entries().findOneByOrFail({ id: entry.id })).action).toBe(entry.action);
  });
});
