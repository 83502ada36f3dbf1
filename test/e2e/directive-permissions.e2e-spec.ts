import { as, login, Organisation, seedOrganisation } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

/**
 * Each role against its own unit's and another unit's task: read, list, write, download. Every cell
 * says the status it must answer.
 */
describe(`directive permission matrix (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let clients: Record<'office' | 'leader' | 'police' | 'town', ReturnType<typeof as>>;
  let policeTask: { id: number; version: number };
  let townTask: { id: number; version: number };
  let policeFile: string;
  let directiveId: number;

  beforeAll(async () => {
    app = await startTestApp();
    org = await seedOrganisation(app.dataSource);
    clients = {
      office: as(app, await login(app, 'office')),
      leader: as(app, await login(app, 'leader')),
      police: as(app, await login(app, 'unit-police')),
      town: as(app, await login(app, 'unit-town')),
    };
    // Two separate directives: neither unit is the other's lead, so neither may read the other's work.
    const make = async (leadUnitId: number) =>
      (await clients.office.post('/api/directives').send({ title: `事项 ${leadUnitId}`, requirement: 'r', category: 'c', priority: 'normal', deadline: '2029-06-30', leadUnitId }).expect(201)).body;
    const policeDirective = await make(org.police.id);
    directiveId = policeDirective.id;
    policeTask = policeDirective.assignments[0];
    townTask = (await make(org.town.id)).assignments[0];
    policeTask = (await clients.police.post(`/api/assignments/${policeTask.id}/acknowledge`).send({ version: policeTask.version }).expect(200)).body;
    const reported = await clients.police.post(`/api/assignments/${policeTask.id}/reports`).field('version', String(policeTask.version)).field('narrative', '进展').field('percentDone', '10').attach('files', PDF, 'a.pdf').expect(200);
    policeTask = reported.body;
    policeFile = reported.body.reports[0].attachments[0].url;
  });
  afterAll(() => app.close());

  // `tasks`: how many tasks the role's list holds (both, or its unit's one), so `listed` is never read off an empty list.
  const MATRIX: Array<[keyof typeof clients, 'own' | 'other', { read: number; write: number; download: number; listed: boolean; tasks: number }]> = [
    ['office', 'own', { read: 200, write: 403, download: 200, listed: true, tasks: 2 }],
    ['leader', 'own', { read: 200, write: 403, download: 200, listed: true, tasks: 2 }],
    ['police', 'own', { read: 200, write: 200, download: 200, listed: true, tasks: 1 }],
    ['town', 'other', { read: 404, write: 404, download: 404, listed: false, tasks: 1 }],
  ];

  it.each(MATRIX)('%s on the police task (%s unit)', async (role, _relation, expected) => {
    const client = clients[role];
    expect((await client.get(`/api/assignments/${policeTask.id}`)).status).toBe(expected.read);
    expect((await client.get(`/api/directives/${directiveId}`)).status).toBe(expected.read);
    expect((await client.get(policeFile)).status).toBe(expected.download);
    const tasks = (await client.get('/api/assignments').expect(200)).body.items as { id: number }[];
    expect(tasks).toHaveLength(expected.tasks);
    expect(tasks.some((a) => a.id === policeTask.id)).toBe(expected.listed);
    const current = (await clients.office.get(`/api/assignments/${policeTask.id}`).expect(200)).body;
    const write = await client.post(`/api/assignments/${policeTask.id}/reports`).send({ version: current.version, narrative: `${role} 的报告`, percentDone: 20 });
    expect(write.status).toBe(expected.write);
  });

  it('keeps the police contact away from the town task in every way', async () => {
    const police = clients.police;
    expect((await police.get(`/api/assignments/${townTask.id}`)).status).toBe(404);
    expect((await police.post(`/api/assignments/${townTask.id}/acknowledge`).send({ version: townTask.version })).status).toBe(404);
    expect((await police.post(`/api/assignments/${townTask.id}/extension-requests`).send({ version: townTask.version, requestedDeadline: '2029-12-31', reason: 'x' })).status).toBe(404);
    expect((await police.get(`/api/assignments?unitId=${org.town.id}`).expect(200)).body.total).toBe(0);
    expect((await police.get(`/api/directives?unitId=${org.town.id}`).expect(200)).body.total).toBe(0);
    expect((await clients.office.get(`/api/assignments/${townTask.id}`).expect(200)).body.status).toBe('issued');
  });

  it('lets only the office review, and never a unit or a leader', async () => {
    const report = (await clients.office.get(`/api/assignments/${policeTask.id}`).expect(200)).body.reports.at(-1);
    for (const role of ['leader', 'police', 'town'] as const) {
      expect((await clients[role].post(`/api/assignments/reports/${report.id}/review`).send({ decision: 'accept' })).status).toBe(403);
      expect((await clients[role].post(`/api/assignments/${policeTask.id}/cancel`).send({ version: 1, reason: 'x' })).status).toBe(403);
      expect((await clients[role].post('/api/documents').send({})).status).toBe(403);
    }
    expect((await clients.town.get('/api/documents')).status).toBe(403);
    await clients.office.post(`/api/assignments/reports/${report.id}/review`).send({ decision: 'accept' }).expect(200);
  });
});
