import { as, login, seedOrganisation } from '../support/fixtures';
import { chinaTime, controlClock, drain, jobsEnv } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

describe(`the notices a rung issues (${process.env.TEST_DB})`, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(jobsEnv());
  });
  afterAll(() => app.close());

  it('drafts the interview letter with the rung, refuses approval until its time and place are filled in, then issues it; a dismissal discards the draft', async () => {
    const clock = controlClock([app], chinaTime('2026-03-02', '10:00'));
    const org = await seedOrganisation(app.dataSource);
    const office = as(app, await login(app, 'office'));
    const [urgent] = (await office.get('/api/escalation-policies').expect(200)).body.filter((p: { priority: string }) => p.priority === 'urgent');
    const off = { afterDays: 30, mode: 'off' };
    const ladder = { ...urgent.ladder, reminderDays: [1], rungs: { supervision_notice: off, circular: off, interview: { afterDays: 1, mode: 'approval' }, yellow_card: off, red_card: off } };
    await office.put('/api/escalation-policies/urgent').send({ version: 0, ladder }).expect(200);
    for (const unitId of [org.police.id, org.town.id]) {
      await office.post('/api/directives').send({ title: `约谈测试事项${unitId}`, requirement: '按要求办理。', category: '综合', priority: 'urgent', deadline: '2026-03-04', leadUnitId: unitId }).expect(201);
    }
    clock.set(chinaTime('2026-03-05'));
    await drain([app]);

    const queue = (await office.get('/api/escalations').expect(200)).body.items as { id: number; rung: string; noticeId: number; unitName: string }[];
    expect(queue.map((e) => e.rung)).toEqual(['interview', 'interview']);
    const [town, police] = [queue.find((e) => e.unitName === '测试市东湖街道')!, queue.find((e) => e.unitName === '测试市公安局')!];
    const refused = await office.post(`/api/escalations/${town.id}/approve`).send({}).expect(409);
    expect(refused.body.message).toContain('约谈时间');
    const draft = (await office.get(`/api/notices/${town.noticeId}`).expect(200)).body;
    expect(draft).toMatchObject({ kind: 'interview_letter', status: 'draft', addressee: '测试市东湖街道' });
    await office.patch(`/api/notices/${town.noticeId}`).send({ version: draft.version, content: { ...draft.content, time: '2026年3月10日上午9时', place: '市政府第三会议室' } }).expect(200);
    await office.post(`/api/escalations/${town.id}/approve`).send({}).expect(200);
    expect((await office.get(`/api/notices/${town.noticeId}`).expect(200)).body).toMatchObject({ status: 'issued', number: '反诈办约〔2026〕1号' });

    await office.post(`/api/escalations/${police.id}/dismiss`).send({ reason: '已当面督促' }).expect(200);
    await office.get(`/api/notices/${police.noticeId}`).expect(404);
  });
});
