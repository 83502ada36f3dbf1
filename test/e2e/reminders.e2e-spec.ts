import { ActionRunner } from '../../src/reminders/action-runner.service';
import { as, login, Organisation, seedOrganisation } from '../support/fixtures';
import { chinaTime, controlClock, drain, jobsEnv } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

type Client = ReturnType<typeof as>;
interface Action {
  id: number;
  kind: string;
  periodKey: string;
  dueAt: string;
  status: string;
  outcome: string | null;
}

describe(`reminders and the escalation ladder (${process.env.TEST_DB}, ${process.env.TEST_DB === 'mysql' ? 'Bull' : 'in-process'})`, () => {
  let app: TestApp;
  let org: Organisation;
  let clock: ReturnType<typeof controlClock>;
  let office: Client;
  let leader: Client;
  let police: Client;
  let town: Client;

  beforeAll(async () => {
    app = await startTestApp(jobsEnv());
    // Monday 21 September 2026, 10:00 China time.
    clock = controlClock([app], chinaTime('2026-09-21', '10:00'));
    org = await seedOrganisation(app.dataSource);
    [office, leader, police, town] = await Promise.all(['office', 'leader', 'unit-police', 'unit-town'].map(async (u) => as(app, await login(app, u))));
  });
  afterAll(() => app.close());

  const schedule = async (client: Client, assignmentId: number, status = 'pending') =>
    (await client.get(`/api/scheduled-actions?assignmentId=${assignmentId}&status=${status}&pageSize=100`).expect(200)).body.items as Action[];
  // The ladder's messages; what each side is told of the task's own steps is task-news.e2e-spec.ts's.
  const inbox = async (client: Client) =>
    ((await client.get('/api/notifications?pageSize=100').expect(200)).body.items as { id: number; kind: string; title: string; body: string; read: boolean }[]).filter((n) => n.kind !== 'task' && n.kind !== 'review');
  const at = async (date: string, time = '09:00') => {
    clock.set(chinaTime(date, time));
    await drain([app]);
  };

  let policeTask: number;
  let townTask: number;

  it('plans reminders 5, 3 and 1 working days before the deadline, around the National Day holiday, and the rungs after it', async () => {
    const directive = await office
      .post('/api/directives')
      .send({ title: '涉诈高风险账户清理', requirement: '完成辖区涉诈高风险账户排查清理。', category: '资金查控', priority: 'normal', deadline: '2026-10-12', leadUnitId: org.police.id, cooperatingUnitIds: [org.town.id] })
      .expect(201);
    policeTask = directive.body.assignments.find((a: { unitId: number }) => a.unitId === org.police.id).id;
    townTask = directive.body.assignments.find((a: { unitId: number }) => a.unitId === org.town.id).id;
    const planned = await schedule(office, policeTask);
    expect(planned.map((a) => [a.kind, a.dueAt])).toEqual([
      ['reminder', new Date(chinaTime('2026-09-29')).toISOString()],
      ['reminder', new Date(chinaTime('2026-10-08')).toISOString()],
      ['reminder', new Date(chinaTime('2026-10-10')).toISOString()], // the make-up Saturday
      ['supervision_notice', new Date(chinaTime('2026-10-13')).toISOString()],
      ['circular', new Date(chinaTime('2026-10-20')).toISOString()],
      ['interview', new Date(chinaTime('2026-10-27')).toISOString()],
      ['yellow_card', new Date(chinaTime('2026-11-03')).toISOString()],
      ['red_card', new Date(chinaTime('2026-11-17')).toISOString()],
    ]);
    // A unit sees its own task's schedule, and not another unit's.
    expect(await schedule(police, policeTask)).toHaveLength(8);
    await police.get(`/api/scheduled-actions?assignmentId=${townTask}`).expect(404);
    const upcoming = (await police.get('/api/scheduled-actions?withinDays=10').expect(200)).body.items as { assignmentId: number }[];
    expect(upcoming).toHaveLength(3);
    expect(upcoming.every((a) => a.assignmentId === policeTask)).toBe(true);
  });

  it('reminds nobody before the time, then each unit contact once at the office hour', async () => {
    await at('2026-09-29', '08:59');
    expect(await inbox(police)).toEqual([]);
    await at('2026-09-29', '09:00');
    await drain([app]);
    const [reminder, ...others] = await inbox(police);
    expect(others).toEqual([]);
    expect(reminder).toMatchObject({ kind: 'reminder', read: false, title: expect.stringContaining('还有 5 个工作日') });
    expect((await inbox(town)).map((n) => n.title)).toEqual([expect.stringContaining('还有 5 个工作日')]);
    // The reminder and the message of the task's issue.
    expect((await police.get('/api/notifications/unread-count').expect(200)).body).toEqual({ unread: 2 });
    // The office and the leaders are not bothered with reminders.
    expect(await inbox(office)).toEqual([]);
    expect(await inbox(leader)).toEqual([]);
  });

  it('runs an action once however often it is delivered, even twice at the same moment', async () => {
    const [done] = (await schedule(office, policeTask, 'done')) as Action[];
    const runner = app.app.get(ActionRunner);
    await Promise.all([runner.run(done.id), runner.run(done.id), runner.run(done.id)]);
    expect(await inbox(police)).toHaveLength(1);
  });

  it('keeps each inbox private: marking another person’s message answers 404', async () => {
    const [mine] = await inbox(police);
    await town.post(`/api/notifications/${mine.id}/read`).expect(404);
    await police.post(`/api/notifications/${mine.id}/read`).expect(200);
    expect((await police.get('/api/notifications/unread-count').expect(200)).body).toEqual({ unread: 1 });
  });

  it('moves the reminders and rungs when an extension is granted', async () => {
    await at('2026-10-08');
    const task = (await police.get(`/api/assignments/${policeTask}`).expect(200)).body;
    const asked = await police.post(`/api/assignments/${policeTask}/extension-requests`).send({ version: task.version, requestedDeadline: '2026-10-30', reason: '账户数量大，需延长排查时间' }).expect(200);
    const extensionId = asked.body.extensions[0].id;
    await office.post(`/api/assignments/extension-requests/${extensionId}/decision`).send({ decision: 'grant' }).expect(200);
    const planned = await schedule(office, policeTask);
    expect(planned.map((a) => a.periodKey)).toEqual(['2026-10-30:5', '2026-10-30:3', '2026-10-30:1', ...Array(5).fill('2026-10-30')]);
    const cancelled = await schedule(office, policeTask, 'cancelled');
    expect(cancelled.map((a) => a.periodKey)).toEqual(expect.arrayContaining(['2026-10-12:1', '2026-10-12']));
    // The town's own deadline did not move.
    expect((await schedule(office, townTask))[0].periodKey).toBe('2026-10-12:1');
  });

  it('prepares a supervision notice for the lagging unit at the deadline and waits for the office', async () => {
    await at('2026-10-13');
    const queue = (await office.get('/api/escalations').expect(200)).body.items;
    expect(queue).toEqual([expect.objectContaining({ assignmentId: townTask, rung: 'supervision_notice', status: 'pending', summary: expect.stringContaining('督办通知书') })]);
    // The office hears of it; the unit does not, until it is issued.
    expect((await inbox(office)).map((n) => n.kind)).toEqual(['approval']);
    expect((await inbox(town)).filter((n) => n.kind === 'escalation')).toEqual([]);
    await town.post(`/api/escalations/${queue[0].id}/approve`).send({}).expect(403);
    await leader.post(`/api/escalations/${queue[0].id}/approve`).send({}).expect(403);
    await office.post(`/api/escalations/${queue[0].id}/dismiss`).send({ reason: '  ' }).expect(400);

    const approved = await office.post(`/api/escalations/${queue[0].id}/approve`).send({ note: '同意' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'issued', decisionNote: '同意' });
    expect((await office.post(`/api/escalations/${queue[0].id}/approve`).send({}).expect(409)).body.code).toBe('ALREADY_DECIDED');
    await drain([app]);
    // Approving issued the rung's notice, drafted when the rung was reached: numbered, rendered, addressed to the unit and copied to the leader.
    for (const client of [town, leader]) {
      expect((await inbox(client)).filter((n) => n.kind === 'escalation').map((n) => n.title)).toEqual([expect.stringContaining('【督办通知书】反诈办督〔2026〕1号')]);
    }
    expect((await inbox(police)).filter((n) => n.kind === 'escalation')).toEqual([]);
    const [notice] = (await town.get('/api/notices').expect(200)).body.items;
    expect(notice).toMatchObject({ id: approved.body.noticeId, kind: 'supervision_notice', status: 'issued', addressee: '测试市东湖街道', pdfSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('cancels everything pending when the task is closed, and withdraws prepared rungs', async () => {
    await at('2026-10-20');
    const queue = (await office.get('/api/escalations').expect(200)).body.items;
    expect(queue.map((e: { rung: string }) => e.rung)).toEqual(['circular']);
    const circular = (await office.get(`/api/notices/${queue[0].noticeId}`).expect(200)).body;
    expect(circular).toMatchObject({ kind: 'circular', status: 'draft' });
    expect(circular.content.lagging.map((l: { unitName: string }) => l.unitName)).toEqual(['测试市东湖街道']);
    let task = (await town.get(`/api/assignments/${townTask}`).expect(200)).body;
    task = (await town.post(`/api/assignments/${townTask}/acknowledge`).send({ version: task.version }).expect(200)).body;
    task = (await town.post(`/api/assignments/${townTask}/reports`).send({ version: task.version, narrative: '已清理 80%', percentDone: 80 }).expect(200)).body;
    task = (await town.post(`/api/assignments/${townTask}/completion-request`).send({ version: task.version, narrative: '已全部清理', percentDone: 100 }).expect(200)).body;
    expect(await schedule(office, townTask)).toEqual([]);
    expect((await office.get(`/api/escalations?status=dismissed&assignmentId=${townTask}`).expect(200)).body.items.map((e: { rung: string }) => e.rung)).toEqual(['circular']);
    // The circular drafted for the withdrawn rung went with it.
    expect((await office.get('/api/notices?status=draft').expect(200)).body.items).toEqual([]);
    await office.post(`/api/assignments/${townTask}/close`).send({ version: task.version }).expect(200);
    await at('2026-10-27');
    expect((await office.get('/api/escalations').expect(200)).body.items).toEqual([]);
  });

  it('re-plans open assignments when the office changes the policy, and refuses a ladder out of order', async () => {
    const policies = (await office.get('/api/escalation-policies').expect(200)).body as { priority: string; ladder: { reminderDays: number[]; rungs: Record<string, { afterDays: number; mode: string }> }; version: number; isDefault: boolean }[];
    const normal = policies.find((p) => p.priority === 'normal')!;
    expect(normal).toMatchObject({ isDefault: true, version: 0 });
    const bad = { ...normal.ladder, rungs: { ...normal.ladder.rungs, circular: { afterDays: 0, mode: 'auto' } } };
    const refused = await office.put('/api/escalation-policies/normal').send({ version: 0, ladder: bad }).expect(400);
    expect(refused.body.message).toContain('应晚于');
    await office.put('/api/escalation-policies/normal').send({ version: 0, ladder: { ...normal.ladder, extra: 1 } }).expect(400);
    await police.put('/api/escalation-policies/normal').send({ version: 0, ladder: normal.ladder }).expect(403);

    const ladder = { ...normal.ladder, reminderDays: [2], rungs: { ...normal.ladder.rungs, supervision_notice: { afterDays: 1, mode: 'auto' } } };
    const saved = await office.put('/api/escalation-policies/normal').send({ version: 0, ladder }).expect(200);
    expect(saved.body).toMatchObject({ isDefault: false, version: 1 });
    await office.put('/api/escalation-policies/normal').send({ version: 0, ladder }).expect(409);
    expect((await schedule(office, policeTask)).map((a) => a.periodKey)).toEqual(['2026-10-30:2', ...Array(5).fill('2026-10-30')]);

    // Now automatic: the notice goes out by itself, with nothing waiting in the queue.
    await at('2026-11-02');
    expect((await inbox(police)).filter((n) => n.kind === 'escalation').map((n) => n.title)).toEqual([expect.stringContaining('【督办通知书】反诈办督〔2026〕2号')]);
    expect((await office.get('/api/escalations').expect(200)).body.items).toEqual([]);
  });

  describe('standing work', () => {
    let standingPolice: number;
    let standingTown: number;

    it('reminds before each monthly report and raises the missing-report rung only for the unit that did not report', async () => {
      clock.set(chinaTime('2026-05-10', '10:00'));
      const directive = await office
        .post('/api/directives')
        .send({ title: '每月报送涉诈资金查控情况', requirement: '每月25日前报送。', category: '资金查控', priority: 'important', reportCycle: 'monthly', reportDay: 25, leadUnitId: org.police.id, cooperatingUnitIds: [org.town.id] })
        .expect(201);
      standingPolice = directive.body.assignments.find((a: { unitId: number }) => a.unitId === org.police.id).id;
      standingTown = directive.body.assignments.find((a: { unitId: number }) => a.unitId === org.town.id).id;
      expect((await schedule(office, standingPolice)).map((a) => [a.kind, a.periodKey])).toEqual([
        ['report_reminder', '2026-05-25:3'],
        ['report_reminder', '2026-05-25:1'],
        ['report_overdue', '2026-05-25'],
      ]);
      const before = (await inbox(police)).length;
      await at('2026-05-20');
      expect((await inbox(police)).slice(0, (await inbox(police)).length - before).map((n) => n.title)).toEqual([expect.stringContaining('本期进展应于 2026-05-25 前报送')]);

      let task = (await police.get(`/api/assignments/${standingPolice}`).expect(200)).body;
      task = (await police.post(`/api/assignments/${standingPolice}/acknowledge`).send({ version: task.version }).expect(200)).body;
      await police.post(`/api/assignments/${standingPolice}/reports`).send({ version: task.version, narrative: '5月查控涉诈账户 112 个', percentDone: 40 }).expect(200);

      const policeBefore = (await inbox(police)).length;
      await at('2026-05-26');
      const escalations = (await office.get('/api/escalations?status=issued').expect(200)).body.items as { assignmentId: number; rung: string }[];
      expect(escalations.filter((e) => e.rung === 'report_overdue').map((e) => e.assignmentId)).toEqual([standingTown]);
      expect((await inbox(town)).filter((n) => n.kind === 'escalation').map((n) => n.title)).toContainEqual(expect.stringContaining('【逾期未报送】东湖街道'));
      // The reporting unit got its 1-day reminder only while the report was still missing: none after reporting.
      expect((await inbox(police)).length).toBe(policeBefore);
      // The next period is planned once this one is settled.
      expect((await schedule(office, standingPolice)).map((a) => a.periodKey)).toEqual(['2026-06-25:3', '2026-06-25:1', '2026-06-25']);
    });
  });

  it('catches up after the runner was away for days with the latest reminder only, saying the days left now', async () => {
    clock.set(chinaTime('2026-06-01', '10:00'));
    const created = await office
      .post('/api/directives')
      .send({ title: '停机补发测试事项', requirement: '按要求办理。', category: '综合', priority: 'important', deadline: '2026-06-12', leadUnitId: org.police.id })
      .expect(201);
    const task = created.body.assignments[0].id;
    // Nothing ran on 5 June (5 days before) nor on 9 June (3 days before); it comes back on the 10th.
    await at('2026-06-10', '10:00');
    const reminders = (await inbox(police)).filter((n) => n.title.includes('停机补发测试事项'));
    expect(reminders.map((n) => n.title)).toEqual([expect.stringContaining('还有 2 个工作日')]);
    const done = await schedule(office, task, 'done');
    expect(done.map((a) => [a.periodKey, a.outcome])).toEqual([
      ['2026-06-12:3', '已提醒 1 名联络员'],
      ['2026-06-12:5', '已被随后到期的提醒取代，未重复发送'],
    ]);
  });
});
