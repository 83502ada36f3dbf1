import { SupervisionNoticeSubject1764800000000 } from '../../migrations/1764800000000-supervision-notice-subject';
import { as, login, Organisation, seedOrganisation } from '../support/fixtures';
import { chinaTime, controlClock, jobsEnv } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

type Client = ReturnType<typeof as>;

/** What a notice says, as its preview shows it, with the markup taken out. */
const wording = async (office: Client, id: number) => (await office.get(`/api/notices/${id}/preview`).expect(200)).text.replace(/<style>[^]*?<\/style>/, '').replace(/<[^>]+>/g, '').replace(/\s+/g, '');

const LONG_PROBLEM = '营业厅柜台未按要求张贴防诈骗警示标识，柜面人员对大额转账未进行风险提示，对老年客户的异常转账未按规定进行电话回访和登记。';

describe(`notices say what the records are, in full (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let office: Client;
  let leadTask: number;
  let cooperatingTask: number;

  beforeAll(async () => {
    app = await startTestApp(jobsEnv());
    controlClock([app], chinaTime('2026-03-02', '10:00'));
    org = await seedOrganisation(app.dataSource);
    office = as(app, await login(app, 'office'));
    const directive = await office.post('/api/directives').send({ title: '涉诈高风险电话卡二次实人核验', requirement: '核验率达到100%。', category: '综合', priority: 'normal', deadline: '2026-03-04', leadUnitId: org.police.id, cooperatingUnitIds: [org.town.id] }).expect(201);
    const assignments = directive.body.assignments as { id: number; unitId: number }[];
    leadTask = assignments.find((a) => a.unitId === org.police.id)!.id;
    cooperatingTask = assignments.find((a) => a.unitId === org.town.id)!.id;
    controlClock([app], chinaTime('2026-03-09', '10:00'));
  });
  afterAll(() => app.close());

  it('tells the lead unit it leads the task and the cooperating unit that it cooperates', async () => {
    const lead = (await office.post('/api/notices').send({ kind: 'supervision_notice', assignmentId: leadTask }).expect(201)).body;
    const cooperating = (await office.post('/api/notices').send({ kind: 'supervision_notice', assignmentId: cooperatingTask }).expect(201)).body;
    expect(await wording(office, lead.id)).toContain('你单位牵头承办的督办事项“涉诈高风险电话卡二次实人核验”');
    const cooperatingText = await wording(office, cooperating.id);
    expect(cooperatingText).toContain('你单位配合办理的督办事项“涉诈高风险电话卡二次实人核验”');
    expect(cooperatingText).not.toContain('牵头（承办）');
    expect(cooperatingText).toContain('已逾期3个工作日');
    const interview = (await office.post('/api/notices').send({ kind: 'interview_letter', assignmentId: cooperatingTask }).expect(201)).body;
    expect(interview.content.reason).toContain('你单位配合办理的“涉诈高风险电话卡二次实人核验”');
  });

  it('does not speak of overdue days for a task not yet overdue', async () => {
    const directive = await office.post('/api/directives').send({ title: '反诈宣传进社区', requirement: '完成宣传。', category: '综合', priority: 'normal', deadline: '2026-03-20', leadUnitId: org.police.id }).expect(201);
    const draft = (await office.post('/api/notices').send({ kind: 'supervision_notice', assignmentId: directive.body.assignments[0].id }).expect(201)).body;
    const text = await wording(office, draft.id);
    expect(text).toContain('该事项尚未办结，目前完成进度为0%');
    expect(text).not.toContain('已逾期0个工作日');
  });

  it('words a rectification item as one, quotes its problem whole and gives one deadline', async () => {
    const inspection = (
      await office
        .post('/api/inspections')
        .send({
          title: '2026年第一季度涉诈风险网点明查暗访',
          type: 'unannounced',
          inspectedOn: '2026-02-27',
          inspectors: '反诈办 张三',
          summary: '明查暗访。',
          unitIds: [org.town.id],
          findings: [
            { unitId: org.town.id, location: '东湖营业厅', problem: LONG_PROBLEM, rule: '《涉诈风险网点管理办法》第十二条', requirements: ['立即张贴警示标识'], deadlineDays: 2 },
            { unitId: org.town.id, location: '西湖营业厅', problem: '宣传栏内容未更新。', rule: '《全市反诈宣传工作规范》第五条', requirements: ['更新宣传栏'], deadlineDays: 5 },
          ],
        })
        .expect(201)
    ).body as { id: number; items: { id: number }[] };
    await office.post(`/api/inspections/${inspection.id}/issue`).send({ notices: 'none' }).expect(200);
    const [first] = inspection.items;

    const supervision = (await office.post('/api/notices').send({ kind: 'supervision_notice', rectificationId: first.id }).expect(201)).body;
    const text = await wording(office, supervision.id);
    expect(text).toContain(`你单位的整改事项“东湖营业厅：${LONG_PROBLEM}”整改时限为2026年3月11日`);
    expect(text).toContain('一、整改要求');
    expect(text).toContain('目前状态为“');
    for (const wrong of ['督办事项“', '整改-', '完成进度为', '…']) expect(text).not.toContain(wrong);

    const both = (await office.post('/api/notices').send({ kind: 'rectification_notice', inspectionId: inspection.id, unitId: org.town.id }).expect(201)).body;
    const bothText = await wording(office, both.id);
    expect(bothText).toContain(`（一）东湖营业厅（限2026年3月11日前整改到位）${LONG_PROBLEM}`);
    expect(bothText).toContain('（二）西湖营业厅（限2026年3月16日前整改到位）宣传栏内容未更新。');
    expect(bothText).toContain('1.针对问题（一）：立即张贴警示标识');
    expect(bothText).toContain('请于各问题所列时限前完成整改，并于2026年3月16日前书面报送整改报告');

    const one = (await office.post('/api/notices').send({ kind: 'rectification_notice', rectificationId: first.id }).expect(201)).body;
    const oneText = await wording(office, one.id);
    expect(oneText).toContain('请于2026年3月11日前完成整改');
    expect(oneText).not.toContain('整改到位）');
  });

  it('fills in, for supervision notices drafted before, whose work they chase', async () => {
    const lead = (await office.post('/api/notices').send({ kind: 'supervision_notice', assignmentId: cooperatingTask }).expect(201)).body;
    const migration = new SupervisionNoticeSubject1764800000000();
    const runner = app.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      const [before] = await runner.query('SELECT content FROM notices WHERE id = ?', [lead.id]);
      expect(JSON.parse(before.content)).not.toHaveProperty('subject');
      await migration.up(runner);
      const [after] = await runner.query('SELECT content FROM notices WHERE id = ?', [lead.id]);
      expect(JSON.parse(after.content)).toMatchObject({ subject: 'task', role: '配合办理', directiveTitle: '涉诈高风险电话卡二次实人核验' });
    } finally {
      await runner.release();
    }
  });
});
