import { ExtensionRequest } from '../../src/assignments/extension-request.entity';
import { Clock } from '../../src/common/clock';
import { PageClient } from '../support/browser-session';
import { as, login, Organisation, PASSWORD, seedOrganisation, tableCounts } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

type Client = ReturnType<typeof as>;
type FieldError = { field: string; message: string };

/** Every table a refused request might have written to. */
const TABLES = [
  'units', 'users', 'source_documents', 'directives', 'directive_terms', 'assignments', 'assignment_events', 'extension_requests', 'scheduled_actions',
  'inspections', 'inspection_units', 'rectification_items', 'notices', 'notice_issuers', 'calendar_days', 'escalation_policies',
];

const DATE_MESSAGE = '应为 2000—2100 年间实际存在的日期，格式为 YYYY-MM-DD';
const BEYOND_REACH = '不能晚于 2029-12-31：工作日历已录入到 2026 年，期限最多可设到其后 3 年的年底';
const ID_MESSAGE = '应为有效的编号（正整数）';
const nul = (position: number) => `含有控制字符（第 ${position} 个字符，U+0000），请删除后重新输入`;
const invisible = (position: number, code: string) => `含有不可见的格式字符（如零宽字符、文字方向控制符）（第 ${position} 个字符，U+${code}），请删除后重新输入`;

describe(`bad input is refused with the field named in Chinese, storing nothing (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let office: Client;
  let police: Client;
  let directive: { id: number; version: number; deadline: string; title: string };
  let task: { id: number; version: number };
  let interviewId: number;

  /** Runs a refused request and proves that no table changed. */
  async function refused(send: () => Promise<{ status: number; body: { code?: string; message: string; details?: FieldError[] } }>) {
    const before = await tableCounts(app.dataSource, TABLES);
    const res = await send();
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(await tableCounts(app.dataSource, TABLES)).toEqual(before);
    return res.body;
  }

  beforeAll(async () => {
    app = await startTestApp();
    // Monday 2 March 2026 in China; the published calendar covers 2026, so deadlines reach to the end of 2029.
    jest.spyOn(app.app.get(Clock), 'now').mockReturnValue(new Date('2026-03-02T02:00:00Z'));
    org = await seedOrganisation(app.dataSource);
    office = as(app, await login(app, 'office'));
    police = as(app, await login(app, 'unit-police'));
    directive = (await office.post('/api/directives').send({ title: '涉诈资金查控', requirement: '一、建立快速止付机制；\r\n二、\t按月通报。', category: '资金查控', priority: 'normal', deadline: '2026-06-30', leadUnitId: org.police.id }).expect(201)).body;
    const assignment = (await office.get(`/api/directives/${directive.id}`).expect(200)).body.assignments[0];
    task = (await police.post(`/api/assignments/${assignment.id}/acknowledge`).send({ version: assignment.version }).expect(200)).body;
    interviewId = (await office.post('/api/notices').send({ kind: 'interview_letter', assignmentId: task.id }).expect(201)).body.id;
  });
  afterAll(() => app.close());

  describe('dates', () => {
    const directiveBody = { title: '事项', requirement: '要求', category: '类别', priority: 'normal', leadUnitId: 0 };

    it.each([
      ['an absurd year (answered 500 before)', '9999-12-31', `办理时限${DATE_MESSAGE}`],
      ['an impossible day', '2026-02-30', `办理时限${DATE_MESSAGE}`],
      ['a year beyond the calendar and the years after it', '2035-06-30', `办理时限${BEYOND_REACH}`],
    ])('refuses a directive deadline with %s', async (_what, deadline, message) => {
      const body = await refused(() => office.post('/api/directives').send({ ...directiveBody, leadUnitId: org.police.id, deadline }));
      expect(body.details).toEqual([{ field: 'deadline', message }]);
      expect(body.message).toContain(message);
    });

    it.each([
      ['9999-12-31', `办理时限${DATE_MESSAGE}`],
      ['2040-01-01', `办理时限${BEYOND_REACH}`],
    ])('refuses a new deadline %s for a directive, leaving it as it was', async (deadline, message) => {
      const body = await refused(() => office.patch(`/api/directives/${directive.id}`).send({ version: directive.version, deadline }));
      expect(body.details).toEqual([{ field: 'deadline', message }]);
      const after = (await office.get(`/api/directives/${directive.id}`).expect(200)).body;
      expect(after).toMatchObject({ version: directive.version, deadline: '2026-06-30' });
    });

    it.each([
      ['9999-12-31', `延期后的期限${DATE_MESSAGE}`],
      ['2026-06-31', `延期后的期限${DATE_MESSAGE}`],
      ['2031-01-01', `延期后的期限${BEYOND_REACH}`],
    ])('refuses an extension to %s (stored before)', async (requestedDeadline, message) => {
      const body = await refused(() => police.post(`/api/assignments/${task.id}/extension-requests`).send({ version: task.version, requestedDeadline, reason: '需要更多时间' }));
      expect(body.details).toEqual([{ field: 'requestedDeadline', message }]);
    });

    it('refuses to grant an extension to an absurd date stored before deadlines were bounded', async () => {
      const stored = await app.dataSource.getRepository(ExtensionRequest).save({
        assignmentId: task.id, currentDeadline: '2026-06-30', requestedDeadline: '9999-12-31', reason: '旧数据', status: 'pending',
        decisionNote: null, requestedBy: org.users.police.id, requestedAt: new Date('2026-03-01T02:00:00Z'), decidedBy: null, decidedAt: null,
      });
      const body = await refused(() => office.post(`/api/assignments/extension-requests/${stored.id}/decision`).send({ decision: 'grant' }));
      expect(body.details).toEqual([{ field: 'requestedDeadline', message: `延期后的期限${BEYOND_REACH}` }]);
      expect((await app.dataSource.getRepository(ExtensionRequest).findOneByOrFail({ id: stored.id })).status).toBe('pending');
      expect((await police.get(`/api/assignments/${task.id}`).expect(200)).body).toMatchObject({ deadline: '2026-06-30', version: task.version });
      await office.post(`/api/assignments/extension-requests/${stored.id}/decision`).send({ decision: 'refuse', note: '日期有误' }).expect(200);
      task = (await police.get(`/api/assignments/${task.id}`).expect(200)).body;
    });

    const inspection = (change: object) => ({
      title: '明查暗访', type: 'unannounced', inspectedOn: '2026-02-27', inspectors: '张三', summary: '检查情况', unitIds: [org.police.id],
      findings: [{ unitId: org.police.id, location: '某网点', problem: '未张贴提示', rule: '规定', requirements: ['张贴'], deadlineDays: 10, ...change }],
    });

    it.each([
      [{ recheckOn: '2026-02-29' }, 'findings.0.recheckOn', `第1个问题的复查日期${DATE_MESSAGE}`],
      [{ recheckOn: '2045-01-01' }, 'findings.0.recheckOn', `第1个问题的复查日期${BEYOND_REACH}`],
    ])('refuses a finding with %j', async (change, field, message) => {
      const body = await refused(() => office.post('/api/inspections').send(inspection(change)));
      expect(body.details).toEqual([{ field, message }]);
    });

    it('refuses impossible dates in every other date a person gives', async () => {
      expect((await refused(() => office.post('/api/inspections').send({ ...inspection({}), inspectedOn: '2026-13-01' }))).details).toEqual([{ field: 'inspectedOn', message: `检查日期${DATE_MESSAGE}` }]);
      expect((await refused(() => office.post('/api/documents').send({ kind: 'policy', title: '文件', issuer: '市政府', issuedOn: '9999-12-31', body: '正文' }))).details).toEqual([{ field: 'issuedOn', message: `日期${DATE_MESSAGE}` }]);
      expect((await refused(() => office.put('/api/calendar/days/2026-02-30').send({ date: '2026-02-30', kind: 'holiday', note: '假日' }))).details).toEqual([{ field: 'date', message: `日期${DATE_MESSAGE}` }]);
      // Counting from year 9999 answered 500.
      expect((await refused(() => office.get('/api/calendar/working-days?from=9999-12-31&days=5'))).details).toEqual([{ field: 'from', message: `起算日${DATE_MESSAGE}` }]);
    });

    it.each(['2026-02-30', '2026-03-01T25:00', 'yesterday', '1772409600000'])('refuses the audit filter from=%s in Chinese (accepted or English before)', async (from) => {
      const body = await refused(() => office.get(`/api/audit?from=${from}`));
      expect(body.details).toEqual([{ field: 'from', message: '起始时间应为实际存在的日期或时间，如 2026-03-01 或 2026-03-01T09:30' }]);
    });

    it('filters the audit trail by real dates and times, and says what is wrong on the audit page', async () => {
      const all = (await office.get('/api/audit').expect(200)).body.total;
      expect(all).toBeGreaterThan(0);
      expect((await office.get('/api/audit?from=2026-01-01&to=2100-01-01T00:00Z').expect(200)).body.total).toBe(all);
      expect((await office.get('/api/audit?to=2026-01-01T08:00:00%2B08:00').expect(200)).body.total).toBe(0);
      const page = new PageClient(app);
      await page.signIn('office', PASSWORD);
      const res = await page.get('/audit?to=2026-04-31');
      expect(res.status).toBe(400);
      expect(res.text).toContain('截止时间应为实际存在的日期或时间');
    });
  });

  describe('characters that do not show', () => {
    it('refuses NUL, direction overrides and zero-width characters in unit names, naming the field', async () => {
      const body = await refused(() => office.post('/api/units').send({ name: '测试\u0000单位', shortName: '测\u202e试', kind: 'department' }));
      expect(body.details).toEqual([
        { field: 'name', message: `单位全称${nul(3)}` },
        { field: 'shortName', message: `简称${invisible(2, '202E')}` },
      ]);
      expect(body.message).toBe(`提交的数据有误：单位全称${nul(3)}；简称${invisible(2, '202E')}`);
      const renamed = await refused(() => office.patch(`/api/units/${org.police.id}`).send({ name: '测试市公\u200b安局', contact: { person: '\u2066张三' } }));
      expect(renamed.details).toEqual([
        { field: 'name', message: `单位全称${invisible(5, '200B')}` },
        { field: 'contact.person', message: `联系人${invisible(1, '2066')}` },
      ]);
      expect((await office.get(`/api/units/${org.police.id}`).expect(200)).body.name).toBe('测试市公安局');
    });

    it('refuses them in user names', async () => {
      const created = await refused(() => office.post('/api/users').send({ username: 'new-user', displayName: '李\u2067四', role: 'unit', unitId: org.police.id, password: 'long-enough-password-1' }));
      expect(created.details).toEqual([{ field: 'displayName', message: `姓名${invisible(2, '2067')}` }]);
      const renamed = await refused(() => office.patch(`/api/users/${org.users.police.id}`).send({ displayName: 'unit\ufeff-police' }));
      expect(renamed.details).toEqual([{ field: 'displayName', message: `姓名${invisible(5, 'FEFF')}` }]);
      expect((await office.get(`/api/users/${org.users.police.id}`).expect(200)).body.displayName).toBe('unit-police');
    });

    it('refuses them in a directive title, and a line break there, while the requirement keeps its lines and tabs', async () => {
      const body = await refused(() => office.post('/api/directives').send({ title: '涉诈\u202d资金', requirement: '要求\u0007', category: '资金\n查控', priority: 'normal', deadline: '2026-06-30', leadUnitId: org.police.id }));
      expect(body.details).toEqual([
        { field: 'title', message: `标题${invisible(3, '202D')}` },
        { field: 'requirement', message: '工作要求含有控制字符（第 3 个字符，U+0007），请删除后重新输入' },
        { field: 'category', message: '类别不能换行，请写在一行内' },
      ]);
      expect((await office.get(`/api/directives/${directive.id}`).expect(200)).body.requirement).toBe('一、建立快速止付机制；\r\n二、\t按月通报。');
    });

    it('refuses them in the notice issuer code, which would reach every document number', async () => {
      const body = await refused(() => office.put('/api/notice-issuers/supervision_notice').send({ version: 0, code: '反诈办\u202e督', name: '测试市反诈联席办' }));
      expect(body.details).toEqual([{ field: 'code', message: `机关代字${invisible(4, '202E')}` }]);
    });

    it('refuses them in a notice draft content, in query strings and in multipart fields', async () => {
      const draft = (await office.get(`/api/notices/${interviewId}`).expect(200)).body;
      const content = await refused(() => office.patch(`/api/notices/${interviewId}`).send({ version: draft.version, content: { ...draft.content, time: '3月10日\u0000', place: '联席办会议室' } }));
      expect(content.details).toEqual([{ field: 'content.time', message: `约谈时间${nul(6)}` }]);
      expect((await office.get(`/api/notices/${interviewId}`).expect(200)).body.version).toBe(draft.version);
      expect((await refused(() => office.get('/api/units?q=%E5%85%AC%00'))).details).toEqual([{ field: 'q', message: `查找内容${nul(2)}` }]);
      const multipart = await refused(() => office.post('/api/documents').field('kind', 'policy').field('title', '\u200b文件').field('issuer', '市政府').field('issuedOn', '2026-03-01').field('body', '正文'));
      expect(multipart.details).toEqual([{ field: 'title', message: `标题${invisible(1, '200B')}` }]);
    });

    it('refuses them in a page form too, re-showing it with the Chinese message', async () => {
      const page = new PageClient(app);
      await page.signIn('office', PASSWORD);
      const before = await tableCounts(app.dataSource, TABLES);
      const res = await page.post('/units', { _csrf: await page.csrfToken('/units/new'), name: '市\u202e网信办', shortName: '网信办', kind: 'department' });
      expect(res.status).toBe(400);
      expect(res.text).toContain(`单位全称${invisible(2, '202E')}`);
      expect(await tableCounts(app.dataSource, TABLES)).toEqual(before);
    });
  });

  describe('ids in query strings and bodies', () => {
    it.each(['0x1', '1e0', '01', '-1', '1.0', '2147483648'])('refuses ?unitId=%s rather than reading it as a number', async (id) => {
      const body = await refused(() => office.get(`/api/directives?unitId=${id}`));
      expect(body.details).toEqual([{ field: 'unitId', message: `承办单位${ID_MESSAGE}` }]);
      expect((await refused(() => office.get(`/api/audit?actorUserId=${id}`))).details).toEqual([{ field: 'actorUserId', message: `操作人${ID_MESSAGE}` }]);
    });

    it('reads plain digits, and a blank filter as none', async () => {
      expect((await office.get(`/api/directives?unitId=${org.police.id}`).expect(200)).body.total).toBe(1);
      expect((await office.get(`/api/directives?unitId=${org.town.id}`).expect(200)).body.total).toBe(0);
      expect((await office.get('/api/directives?unitId=').expect(200)).body.total).toBe(1);
    });

    it('refuses ids written as text other than plain digits in bodies, one message each', async () => {
      const body = await refused(() =>
        office.post('/api/directives').send({ title: '事项', requirement: '要求', category: '类别', priority: 'normal', deadline: '2026-06-30', sourceDocumentId: '0x1', leadUnitId: '01', cooperatingUnitIds: [org.town.id, '1e0'] }),
      );
      expect(body.details).toEqual([
        { field: 'sourceDocumentId', message: `来源文件${ID_MESSAGE}` },
        { field: 'leadUnitId', message: `牵头单位${ID_MESSAGE}` },
        { field: 'cooperatingUnitIds', message: `配合单位中的每一项都${ID_MESSAGE}` },
      ]);
    });

    it('refuses them in nested bodies that forms fill (read as 1 before)', async () => {
      const inspection = {
        title: '明查暗访', type: 'unannounced', inspectedOn: '2026-02-27', inspectors: '张三', summary: '检查情况', unitIds: [String(org.police.id), `0x${org.town.id.toString(16)}`],
        findings: [{ unitId: `${org.police.id}e0`, location: '某网点', problem: '未张贴提示', rule: '规定', requirements: ['张贴'], deadlineDays: 10 }],
      };
      const body = await refused(() => office.post('/api/inspections').send(inspection));
      expect(body.details).toEqual([
        { field: 'unitIds', message: `被检查单位中的每一项都${ID_MESSAGE}` },
        { field: 'findings.0.unitId', message: `第1个问题的责任单位${ID_MESSAGE}` },
      ]);
    });
  });

  describe('messages name the fields in Chinese', () => {
    it('names a notice content field: 约谈时间不能为空', async () => {
      const draft = (await office.get(`/api/notices/${interviewId}`).expect(200)).body;
      const body = await refused(() => office.patch(`/api/notices/${interviewId}`).send({ version: draft.version, content: { ...draft.content, time: '', place: '' } }));
      expect(body.message).toBe('约谈通知书内容不完整：约谈时间不能为空；约谈地点不能为空');
      expect(body.details).toEqual([
        { field: 'content.time', message: '约谈时间不能为空' },
        { field: 'content.place', message: '约谈地点不能为空' },
      ]);
    });

    it('names lists and their items: 被检查单位至少需要 1 项, 第1个问题的问题描述不能为空', async () => {
      const body = await refused(() =>
        office.post('/api/inspections').send({ title: '检查', type: 'special', inspectedOn: '2026-02-27', inspectors: '张三', summary: '情况', unitIds: [], findings: [{ unitId: org.police.id, location: '网点', problem: ' ', rule: '规定', requirements: ['张贴', ''], deadlineDays: 0 }] }),
      );
      expect(body.details).toEqual(
        expect.arrayContaining([
          { field: 'unitIds', message: '被检查单位至少需要 1 项' },
          { field: 'findings.0.problem', message: '第1个问题的问题描述不能为空' },
          { field: 'findings.0.requirements', message: '第1个问题的整改要求中的每一项都不能为空' },
          { field: 'findings.0.deadlineDays', message: '第1个问题的整改时限（工作日数）不能小于 1' },
        ]),
      );
      expect(body.details).toHaveLength(4);
    });

    it('names a rung of the reminder ladder by its measure', async () => {
      const [normal] = (await office.get('/api/escalation-policies').expect(200)).body;
      const ladder = { ...normal.ladder, rungs: { ...normal.ladder.rungs, circular: { afterDays: -1, mode: 'sometimes' } } };
      const body = await refused(() => office.put(`/api/escalation-policies/${normal.priority}`).send({ version: normal.version, ladder }));
      expect(body.details).toEqual([
        { field: 'ladder.rungs.circular.afterDays', message: '通报的逾期工作日数不能小于 0' },
        { field: 'ladder.rungs.circular.mode', message: '通报的方式应为以下值之一：auto, approval, off' },
      ]);
    });

    it('names fields on a re-shown page form', async () => {
      const page = new PageClient(app);
      await page.signIn('office', PASSWORD);
      const res = await page.post('/units', { _csrf: await page.csrfToken('/units/new'), name: '', shortName: '网信办', kind: 'department' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('单位全称不能为空');
    });
  });
});
