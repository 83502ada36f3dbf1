import { Clock } from '../../src/common/clock';
import { as, login, Organisation, seedOrganisation } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

type Client = ReturnType<typeof as>;

describe(`directives from source to sign-off (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let office: Client;
  let leader: Client;
  let police: Client;
  let town: Client;
  let bank: Client;
  let bankUnitId: number;
  let counts: () => Promise<Record<string, number>>;

  beforeAll(async () => {
    app = await startTestApp({ UPLOAD_MAX_MB: '1', UPLOAD_MAX_FILES: '2' });
    // Monday 2 March 2026, 10:00 in China: every date below follows from it.
    jest.spyOn(app.app.get(Clock), 'now').mockReturnValue(new Date('2026-03-02T02:00:00Z'));
    org = await seedOrganisation(app.dataSource);
    office = as(app, await login(app, 'office'));
    bankUnitId = (await office.post('/api/units').send({ name: '测试市人民银行', shortName: '人行', kind: 'department' }).expect(201)).body.id;
    await office.post('/api/users').send({ username: 'unit-bank', displayName: '人行联络员', role: 'unit', unitId: bankUnitId, password: 'correct-horse-battery' }).expect(201);
    leader = as(app, await login(app, 'leader'));
    police = as(app, await login(app, 'unit-police'));
    town = as(app, await login(app, 'unit-town'));
    bank = as(app, await login(app, 'unit-bank'));
    counts = async () => {
      const out: Record<string, number> = {};
      for (const table of ['directives', 'assignments', 'progress_reports', 'extension_requests', 'attachments', 'assignment_events']) {
        out[table] = Number((await app.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
      }
      return out;
    };
  });
  afterAll(() => app.close());

  let documentId: number;
  let directiveId: number;
  const assignmentOf = async (client: Client, unitId: number) => {
    const directive = (await client.get(`/api/directives/${directiveId}`).expect(200)).body;
    return directive.assignments.find((a: { unitId: number }) => a.unitId === unitId) as { id: number; version: number; status: string };
  };

  it('registers a source document with an attachment', async () => {
    const res = await office
      .post('/api/documents')
      .field('kind', 'speech')
      .field('title', '全市打击治理电信网络诈骗工作推进会讲话')
      .field('docNumber', '测反诈办〔2026〕3号')
      .field('issuer', '测试市人民政府')
      .field('issuedOn', '2026-02-27')
      .field('body', '一、全面推广国家反诈中心APP……\n二、加强涉诈资金查控……')
      .attach('files', PDF, '讲话稿.pdf')
      .expect(201);
    documentId = res.body.id;
    expect(res.body.attachments).toHaveLength(1);
    expect((await office.post('/api/documents').send({ kind: 'policy', title: '重复文号', docNumber: '测反诈办〔2026〕3号', issuer: 'x', issuedOn: '2026-02-27', body: 'x' }).expect(409)).body.code).toBe('DOCUMENT_NUMBER_TAKEN');
  });

  it('creates a directive with a lead and two cooperating units, a working-day deadline and per-unit targets', async () => {
    const res = await office
      .post('/api/directives')
      .send({
        title: '国家反诈中心APP安装率达标',
        requirement: '社区（村）安装率达到60%，企业达到100%。',
        category: '宣传防范',
        priority: 'important',
        sourceDocumentId: documentId,
        sourceExcerpt: '一、全面推广国家反诈中心APP',
        deadlineWorkingDays: 10,
        metric: { name: 'APP安装率', unit: '%', comparator: 'gte', target: 60 },
        leadUnitId: org.police.id,
        cooperatingUnitIds: [org.town.id, bankUnitId],
        unitTargets: [{ unitId: bankUnitId, value: 100 }],
      })
      .expect(201);
    directiveId = res.body.id;
    expect(res.body.code).toBe('DB-2026-0001');
    // Ten working days after Monday 2 March 2026.
    expect(res.body.deadline).toBe('2026-03-16');
    expect(res.body.assignments.map((a: { unitId: number; role: string; status: string; targetValue: number; workingDaysLeft: number }) => [a.unitId, a.role, a.status, a.targetValue, a.workingDaysLeft])).toEqual([
      [org.police.id, 'lead', 'issued', 60, 10],
      [org.town.id, 'cooperating', 'issued', 60, 10],
      [bankUnitId, 'cooperating', 'issued', 100, 10],
    ]);
    const second = await office.post('/api/directives').send({ title: '每月报送涉诈资金查控情况', requirement: '每月25日前报送。', category: '资金查控', priority: 'normal', reportCycle: 'monthly', reportDay: 25, leadUnitId: bankUnitId }).expect(201);
    expect(second.body.code).toBe('DB-2026-0002');
    expect(second.body.deadline).toBeNull();
    const document = await office.get(`/api/documents/${documentId}`).expect(200);
    expect(document.body.directives.map((d: { code: string }) => d.code)).toEqual(['DB-2026-0001']);
  });

  it('refuses a directive with an ambiguous deadline or the office as a unit, numbering nothing', async () => {
    const before = await counts();
    const both = await office.post('/api/directives').send({ title: 't', requirement: 'r', category: 'c', priority: 'normal', deadline: '2026-04-01', reportCycle: 'weekly', reportDay: 1, leadUnitId: org.police.id }).expect(400);
    expect(both.body.message).toMatch(/选择一种/);
    await office.post('/api/directives').send({ title: 't', requirement: 'r', category: 'c', priority: 'normal', deadline: '2026-04-01', leadUnitId: org.office.id }).expect(400);
    await office.post('/api/directives').send({ title: 't', requirement: 'r', category: 'c', priority: 'normal', deadline: '2026-02-01', leadUnitId: org.police.id }).expect(400);
    expect(await counts()).toEqual(before);
    const next = await office.post('/api/directives').send({ title: '第三项', requirement: 'r', category: 'c', priority: 'urgent', deadline: '2026-03-05', leadUnitId: org.town.id }).expect(201);
    expect(next.body.code).toBe('DB-2026-0003');
  });

  it('shows each unit only what it may see', async () => {
    expect((await town.get('/api/directives').expect(200)).body.items.map((d: { code: string }) => d.code)).toEqual(['DB-2026-0003', 'DB-2026-0001']);
    const asTown = await town.get(`/api/directives/${directiveId}`).expect(200);
    expect(asTown.body.assignments.map((a: { unitId: number }) => a.unitId)).toEqual([org.town.id]);
    const asLead = await police.get(`/api/directives/${directiveId}`).expect(200);
    expect(asLead.body.assignments).toHaveLength(3);
    const bankAssignment = await assignmentOf(office, bankUnitId);
    await town.get(`/api/assignments/${bankAssignment.id}`).expect(404);
    await police.get(`/api/assignments/${bankAssignment.id}`).expect(200);
    await town.get('/api/directives/2').expect(404);
    expect((await leader.get('/api/directives').expect(200)).body.total).toBe(3);
    await leader.post('/api/directives').send({}).expect(403);
  });

  it('takes the lead unit through acknowledge, report, return, report again, completion request, return and close', async () => {
    let a = await assignmentOf(police, org.police.id);
    const early = await police.post(`/api/assignments/${a.id}/reports`).send({ version: a.version, narrative: '已部署', percentDone: 10 }).expect(409);
    expect(early.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: '任务当前为“待签收”，不能报送进展' });

    a = (await police.post(`/api/assignments/${a.id}/acknowledge`).send({ version: a.version }).expect(200)).body;
    expect(a.status).toBe('acknowledged');
    const again = await police.post(`/api/assignments/${a.id}/acknowledge`).send({ version: a.version }).expect(409);
    expect(again.body.code).toBe('ILLEGAL_TRANSITION');

    let detail = (
      await police
        .post(`/api/assignments/${a.id}/reports`)
        .field('version', String(a.version))
        .field('narrative', '已在全市派出所部署推广')
        .field('percentDone', '40')
        .field('metricValue', '35.5')
        .attach('files', PNG, '现场照片.png')
        .expect(200)
    ).body;
    expect(detail.status).toBe('in_progress');
    expect(detail.percentDone).toBe(40);
    expect(detail.metricValue).toBe(35.5);
    const [firstReport] = detail.reports;
    expect(firstReport.attachments[0]).toMatchObject({ fileName: '现场照片.png', mediaType: 'image/png' });

    const returned = (await office.post(`/api/assignments/reports/${firstReport.id}/review`).send({ decision: 'return', note: '请补充各派出所安装数据' }).expect(200)).body;
    expect(returned.reports[0]).toMatchObject({ status: 'returned', reviewNote: '请补充各派出所安装数据' });
    expect((await office.post(`/api/assignments/reports/${firstReport.id}/review`).send({ decision: 'accept' }).expect(409)).body.code).toBe('ALREADY_DECIDED');
    await office.post(`/api/assignments/reports/${firstReport.id}/review`).send({ decision: 'return' }).expect(400);

    detail = (await police.post(`/api/assignments/${a.id}/reports`).send({ version: returned.version, narrative: '补充：各所安装数据见附表', percentDone: 80, metricValue: 58 }).expect(200)).body;
    await office.post(`/api/assignments/reports/${detail.reports[0].id}/review`).send({ decision: 'accept' }).expect(200);
    detail = (await police.get(`/api/assignments/${a.id}`).expect(200)).body;

    await police.post(`/api/assignments/${a.id}/completion-request`).send({ version: detail.version, narrative: '已完成', percentDone: 90 }).expect(400);
    detail = (await police.post(`/api/assignments/${a.id}/completion-request`).send({ version: detail.version, narrative: '安装率达到 61%', percentDone: 100, metricValue: 61 }).expect(200)).body;
    expect(detail.status).toBe('completion_requested');

    await office.post(`/api/assignments/${a.id}/return`).send({ version: detail.version }).expect(400);
    detail = (await office.post(`/api/assignments/${a.id}/return`).send({ version: detail.version, reason: '请附安装率统计表' }).expect(200)).body;
    expect(detail.status).toBe('in_progress');
    expect(detail.reports[0]).toMatchObject({ isFinal: true, status: 'returned', reviewNote: '请附安装率统计表' });

    detail = (await police.post(`/api/assignments/${a.id}/completion-request`).field('version', String(detail.version)).field('narrative', '附统计表').field('percentDone', '100').field('metricValue', '61').attach('files', PDF, '统计表.pdf').expect(200)).body;
    detail = (await office.post(`/api/assignments/${a.id}/close`).send({ version: detail.version }).expect(200)).body;
    expect(detail.status).toBe('closed');
    expect(detail.reports[0].status).toBe('accepted');
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual([
      'create',
      'acknowledge',
      'report',
      'report_returned',
      'report',
      'report_accepted',
      'request_completion',
      'return_completion',
      'request_completion',
      'close',
    ]);
    const audit = await office.get(`/api/audit?objectType=assignment&objectId=${a.id}&action=assignment.`).expect(200);
    expect(audit.body.total).toBe(9);
  });

  it('answers 409 for every step the state does not allow, changing nothing', async () => {
    const closed = (await police.get(`/api/assignments/${(await assignmentOf(police, org.police.id)).id}`).expect(200)).body;
    const before = await counts();
    for (const [client, path, body] of [
      [police, 'acknowledge', { version: closed.version }],
      [police, 'reports', { version: closed.version, narrative: 'x', percentDone: 1 }],
      [police, 'completion-request', { version: closed.version, narrative: 'x', percentDone: 100 }],
      [police, 'extension-requests', { version: closed.version, requestedDeadline: '2026-04-30', reason: '需要更多时间' }],
      [office, 'close', { version: closed.version }],
      [office, 'return', { version: closed.version, reason: 'x' }],
      [office, 'cancel', { version: closed.version, reason: 'x' }],
    ] as Array<[Client, string, object]>) {
      const res = await client.post(`/api/assignments/${closed.id}/${path}`).send(body).expect(409);
      expect(res.body.code).toBe('ILLEGAL_TRANSITION');
    }
    expect(await counts()).toEqual(before);
    expect((await police.get(`/api/assignments/${closed.id}`).expect(200)).body.version).toBe(closed.version);
  });

  it('answers 409 to a stale version and keeps the state', async () => {
    const a = await assignmentOf(town, org.town.id);
    await town.post(`/api/assignments/${a.id}/acknowledge`).send({ version: a.version }).expect(200);
    const stale = await town.post(`/api/assignments/${a.id}/reports`).send({ version: a.version, narrative: '旧版本', percentDone: 5 }).expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    expect((await town.get(`/api/assignments/${a.id}`).expect(200)).body.reports).toHaveLength(0);
    const directive = (await office.get(`/api/directives/${directiveId}`).expect(200)).body;
    await office.patch(`/api/directives/${directiveId}`).send({ version: directive.version, priority: 'urgent' }).expect(200);
    const staleDirective = await office.patch(`/api/directives/${directiveId}`).send({ version: directive.version, title: '被覆盖的标题' }).expect(409);
    expect(staleDirective.body.code).toBe('STALE_VERSION');
    expect((await office.get(`/api/directives/${directiveId}`).expect(200)).body.title).toBe('国家反诈中心APP安装率达标');
  });

  it('grants one extension and refuses another, keeping the old deadline in the history', async () => {
    let a = (await town.get(`/api/assignments/${(await assignmentOf(town, org.town.id)).id}`).expect(200)).body;
    await town.post(`/api/assignments/${a.id}/extension-requests`).send({ version: a.version, requestedDeadline: '2026-03-10', reason: '太早' }).expect(400);
    a = (await town.post(`/api/assignments/${a.id}/extension-requests`).send({ version: a.version, requestedDeadline: '2026-03-31', reason: '村居覆盖面广，需要更多时间' }).expect(200)).body;
    expect((await town.post(`/api/assignments/${a.id}/extension-requests`).send({ version: a.version, requestedDeadline: '2026-04-30', reason: '再申请' }).expect(409)).body.code).toBe('EXTENSION_PENDING');
    const extensionId = a.extensions[0].id;
    await town.post(`/api/assignments/extension-requests/${extensionId}/decision`).send({ decision: 'grant' }).expect(403);
    a = (await office.post(`/api/assignments/extension-requests/${extensionId}/decision`).send({ decision: 'grant', note: '同意' }).expect(200)).body;
    expect(a.deadline).toBe('2026-03-31');
    expect(a.extensions[0]).toMatchObject({ status: 'granted', currentDeadline: '2026-03-16', requestedDeadline: '2026-03-31' });
    expect(a.history.at(-1)).toMatchObject({ action: 'extension_granted', note: expect.stringContaining('2026-03-16') });

    a = (await town.post(`/api/assignments/${a.id}/extension-requests`).send({ version: a.version, requestedDeadline: '2026-04-30', reason: '还要再延' }).expect(200)).body;
    await office.post(`/api/assignments/extension-requests/${a.extensions[0].id}/decision`).send({ decision: 'refuse' }).expect(400);
    a = (await office.post(`/api/assignments/extension-requests/${a.extensions[0].id}/decision`).send({ decision: 'refuse', note: '不再延期' }).expect(200)).body;
    expect(a.deadline).toBe('2026-03-31');
    expect(a.extensions[0]).toMatchObject({ status: 'refused', decisionNote: '不再延期' });
    // A decided request cannot be decided again, either way.
    expect((await office.post(`/api/assignments/extension-requests/${a.extensions[0].id}/decision`).send({ decision: 'grant' }).expect(409)).body.code).toBe('ALREADY_DECIDED');
    expect((await town.get(`/api/assignments/${a.id}`).expect(200)).body.deadline).toBe('2026-03-31');
  });

  it('cancels an assignment with a reason, settling its pending extension and leaving the review queue', async () => {
    let a = await assignmentOf(office, bankUnitId);
    a = (await bank.post(`/api/assignments/${a.id}/extension-requests`).send({ version: a.version, requestedDeadline: '2026-04-15', reason: '等待总行批复' }).expect(200)).body;
    expect((await office.get('/api/assignments?awaitingReview=true').expect(200)).body.items.map((t: { id: number }) => t.id)).toContain(a.id);
    await office.post(`/api/assignments/${a.id}/cancel`).send({ version: a.version, reason: '' }).expect(400);
    const cancelled = (await office.post(`/api/assignments/${a.id}/cancel`).send({ version: a.version, reason: '职责调整，改由其他单位承办' }).expect(200)).body;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.extensions[0]).toMatchObject({ status: 'refused', decisionNote: '任务已撤销' });
    expect((await office.post(`/api/assignments/extension-requests/${cancelled.extensions[0].id}/decision`).send({ decision: 'grant' }).expect(409)).body.code).toBe('ALREADY_DECIDED');
    expect((await office.get('/api/assignments?awaitingReview=true').expect(200)).body.items.map((t: { id: number }) => t.id)).not.toContain(a.id);
    await bank.post(`/api/assignments/${a.id}/acknowledge`).send({ version: cancelled.version }).expect(409);
  });

  it('keeps each side to its own steps and each unit to its own tasks', async () => {
    const townTask = await assignmentOf(town, org.town.id);
    await office.post(`/api/assignments/${townTask.id}/acknowledge`).send({ version: townTask.version }).expect(403);
    await leader.post(`/api/assignments/${townTask.id}/close`).send({ version: townTask.version }).expect(403);
    await town.post(`/api/assignments/${townTask.id}/close`).send({ version: townTask.version }).expect(403);
    const policeTask = await assignmentOf(police, org.police.id);
    // The lead unit reads its cooperators' tasks but cannot act on them.
    await police.post(`/api/assignments/${townTask.id}/reports`).send({ version: 99, narrative: 'x', percentDone: 1 }).expect(404);
    await town.post(`/api/assignments/${policeTask.id}/reports`).send({ version: 99, narrative: 'x', percentDone: 1 }).expect(404);
    const townList = (await town.get('/api/assignments').expect(200)).body.items as { unitId: number }[];
    expect(townList).toHaveLength(2);
    expect(townList.every((a) => a.unitId === org.town.id)).toBe(true);
  });

  it('serves attachments only to those who may read their report, under a safe name', async () => {
    const policeTask = (await police.get(`/api/assignments/${(await assignmentOf(police, org.police.id)).id}`).expect(200)).body;
    const attachment = policeTask.reports.find((r: { attachments: unknown[] }) => r.attachments.length > 0).attachments[0];
    const download = await police.get(attachment.url).expect(200);
    expect(download.headers['content-type']).toMatch(/^application\/pdf/);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="___.pdf"; filename*=UTF-8''${encodeURIComponent('统计表.pdf')}`);
    await office.get(attachment.url).expect(200);
    await leader.get(attachment.url).expect(200);
    await town.get(attachment.url).expect(404);
    await bank.get(attachment.url).expect(404);
    const documentFile = (await office.get(`/api/documents/${documentId}`).expect(200)).body.attachments[0];
    await town.get(documentFile.url).expect(404);
    await leader.get(documentFile.url).expect(200);
  });

  it('refuses oversized, too many and disguised files, and cleans hostile names', async () => {
    const direct = (await office.post('/api/directives').send({ title: '附件测试', requirement: 'r', category: 'c', priority: 'normal', deadline: '2026-06-30', leadUnitId: org.police.id }).expect(201)).body;
    let task = await assignmentOf(police, org.police.id).catch(() => null);
    task = (await police.get(`/api/assignments?directiveId=${direct.id}`).expect(200)).body.items[0];
    task = (await police.post(`/api/assignments/${task!.id}/acknowledge`).send({ version: task!.version }).expect(200)).body;
    const before = await counts();
    const send = (files: Array<[Buffer, string]>) => {
      let request = police.post(`/api/assignments/${task!.id}/reports`).field('version', String(task!.version)).field('narrative', '附件').field('percentDone', '10');
      for (const [content, name] of files) request = request.attach('files', content, name);
      return request;
    };
    expect((await send([[Buffer.alloc(1024 * 1024 + 1, 0x20), 'big.txt']]).expect(413)).body.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await send([[PDF, 'a.pdf'], [PDF, 'b.pdf'], [PDF, 'c.pdf']]).expect(413)).body.message).toMatch(/最多上传 2 个/);
    const disguised = await send([[Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), '整改报告.pdf']]).expect(415);
    expect(disguised.body.code).toBe('UNSUPPORTED_FILE_TYPE');
    expect(await counts()).toEqual(before);

    // A NUL in the part header does not even parse: refused, nothing stored.
    expect((await send([[PNG, 'a\u0000b.png']]).expect(400)).body.code).toBe('MALFORMED_REQUEST');
    expect(await counts()).toEqual(before);

    const hostile = (await send([[PDF, '../../etc/passwd\u202Efdp.exe'], [PNG, '..\\..\\照片.png']]).expect(200)).body;
    expect(hostile.reports[0].attachments.map((f: { fileName: string }) => f.fileName)).toEqual(['passwdfdp.exe.pdf', '照片.png']);
  });

  it('finds work by status, overdue and due within N working days, counting working days left', async () => {
    const clock = app.app.get(Clock);
    // Friday 6 March 2026: DB-2026-0003 (due Thursday 5 March) is overdue.
    jest.spyOn(clock, 'now').mockReturnValue(new Date('2026-03-06T02:00:00Z'));
    const overdue = (await office.get('/api/directives?overdue=true').expect(200)).body.items.map((d: { code: string }) => d.code);
    expect(overdue).toEqual(['DB-2026-0003']);
    const townOverdue = (await town.get('/api/assignments?overdue=true').expect(200)).body.items;
    expect(townOverdue.map((a: { directiveCode: string; workingDaysLeft: number }) => [a.directiveCode, a.workingDaysLeft])).toEqual([['DB-2026-0003', -1]]);
    expect((await office.get('/api/directives?overdue=false').expect(200)).body.items.map((d: { code: string }) => d.code)).not.toContain('DB-2026-0003');
    const soon = (await office.get('/api/assignments?dueWithin=10').expect(200)).body.items.map((a: { directiveCode: string }) => a.directiveCode);
    expect(soon).toEqual([]);
    const month = (await office.get('/api/assignments?dueWithin=20').expect(200)).body.items.map((a: { directiveCode: string; unitName: string }) => `${a.directiveCode} ${a.unitName}`);
    expect(month).toEqual(['DB-2026-0001 东湖街道']);
    expect((await office.get('/api/assignments?status=closed').expect(200)).body.items.map((a: { unitName: string }) => a.unitName)).toEqual(['公安局']);
    await office.get('/api/assignments?dueWithin=-1').expect(400);
  });
});
