import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfPages, pdfPageTexts, pdfText } from '../support/pdf-tools';
import { as, login, Organisation, seedOrganisation, tableCounts } from '../support/fixtures';
import { chinaTime, controlClock, drain, jobsEnv } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

type Client = ReturnType<typeof as>;
const binary = (res: import('superagent').Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe(`official notices: draft, issue, acknowledge, void (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let office: Client;
  let leader: Client;
  let police: Client;
  let town: Client;
  let policeTask: number;

  beforeAll(async () => {
    app = await startTestApp(jobsEnv());
    controlClock([app], chinaTime('2026-03-02', '10:00'));
    org = await seedOrganisation(app.dataSource);
    [office, leader, police, town] = await Promise.all(['office', 'leader', 'unit-police', 'unit-town'].map(async (u) => as(app, await login(app, u))));
    const directive = await office.post('/api/directives').send({ title: '涉诈高风险电话卡二次实人核验', requirement: '核验率达到100%。', category: '综合', priority: 'normal', deadline: '2026-03-04', leadUnitId: org.police.id }).expect(201);
    policeTask = directive.body.assignments[0].id;
    controlClock([app], chinaTime('2026-03-09', '10:00'));
  });
  afterAll(() => app.close());

  let noticeId: number;

  it('drafts a supervision notice from the overdue task, unnumbered and visible to the office only', async () => {
    const draft = await office.post('/api/notices').send({ kind: 'supervision_notice', assignmentId: policeTask }).expect(201);
    noticeId = draft.body.id;
    expect(draft.body).toMatchObject({ status: 'draft', number: null, addressee: '测试市公安局', copyTo: ['leader'] });
    expect(draft.body.content).toMatchObject({ directiveCode: 'DB-2026-0001', deadline: '2026年3月4日', overdueDays: 3, asOf: '2026年3月9日' });
    const preview = await office.get(`/api/notices/${noticeId}/preview`).expect(200);
    expect(preview.headers['content-security-policy']).toContain("default-src 'none'");
    expect(preview.text).toContain('草稿，未编号');
    await police.get(`/api/notices/${noticeId}`).expect(404);
    await police.post('/api/notices').send({ kind: 'circular' }).expect(403);
  });

  it('edits the draft, escaping what people typed, and refuses incomplete content changing nothing', async () => {
    const before = (await office.get(`/api/notices/${noticeId}`).expect(200)).body;
    const refused = await office.patch(`/api/notices/${noticeId}`).send({ version: before.version, content: { ...before.content, replyBy: '' } }).expect(400);
    expect(refused.body.message).toBe('督办通知书内容不完整：书面报告期限不能为空');
    expect(refused.body.details).toEqual([{ field: 'content.replyBy', message: '书面报告期限不能为空' }]);
    await office.patch(`/api/notices/${noticeId}`).send({ version: before.version, content: { ...before.content, extra: 1 } }).expect(400);
    const edited = await office.patch(`/api/notices/${noticeId}`).send({ version: before.version, content: { ...before.content, contact: '<b>周静</b>' } }).expect(200);
    expect(edited.body.version).toBe(before.version + 1);
    const preview = await office.get(`/api/notices/${noticeId}/preview`).expect(200);
    expect(preview.text).toContain('&lt;b&gt;周静&lt;/b&gt;');
  });

  it('issues it with the first number of the year, renders the PDF once and tells the unit', async () => {
    const draft = (await office.get(`/api/notices/${noticeId}`).expect(200)).body;
    await office.post(`/api/notices/${noticeId}/issue`).send({ version: draft.version - 1 }).expect(409);
    const issued = await office.post(`/api/notices/${noticeId}/issue`).send({ version: draft.version }).expect(200);
    expect(issued.body).toMatchObject({ status: 'issued', number: '反诈办督〔2026〕1号', issuedOn: '2026-03-09' });
    await drain([app]);
    const rendered = (await office.get(`/api/notices/${noticeId}`).expect(200)).body;
    expect(rendered.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    const pdf = await police.get(`/api/notices/${noticeId}/pdf`).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.body as Buffer);
    expect(text).toContain('反诈办督〔2026〕1号');
    expect(text).toContain('2026年3月9日');
    const again = await leader.get(`/api/notices/${noticeId}/pdf`).buffer(true).parse(binary).expect(200);
    expect((again.body as Buffer).equals(pdf.body as Buffer)).toBe(true);
    const inbox = (await police.get('/api/notifications').expect(200)).body.items;
    expect(inbox).toContainEqual(expect.objectContaining({ title: expect.stringContaining('反诈办督〔2026〕1号') }));
    expect((await office.patch(`/api/notices/${noticeId}`).send({ version: rendered.version, title: '改' }).expect(409)).body.code).toBe('NOTICE_NOT_DRAFT');
  });

  it('lets each recipient acknowledge once, and nobody else see or sign it', async () => {
    await town.get(`/api/notices/${noticeId}`).expect(404);
    await town.get(`/api/notices/${noticeId}/pdf`).expect(404);
    await town.post(`/api/notices/${noticeId}/acknowledge`).expect(404);
    expect((await town.get('/api/notices').expect(200)).body.items).toEqual([]);
    expect((await leader.get('/api/notices').expect(200)).body.items.map((n: { id: number }) => n.id)).toEqual([noticeId]);
    const signed = await police.post(`/api/notices/${noticeId}/acknowledge`).expect(200);
    expect(signed.body.recipients).toEqual([
      expect.objectContaining({ role: 'to', name: '测试市公安局', acknowledgedAt: expect.any(String) }),
      expect.objectContaining({ role: 'cc', name: 'leader', acknowledgedAt: null }),
    ]);
    expect((await police.post(`/api/notices/${noticeId}/acknowledge`).expect(409)).body.code).toBe('ALREADY_ACKNOWLEDGED');
    await leader.post(`/api/notices/${noticeId}/acknowledge`).expect(200);
    await office.post(`/api/notices/${noticeId}/acknowledge`).expect(403);
  });

  it('chases the recipients who have not acknowledged, once a day', async () => {
    const fresh = (await office.post('/api/notices').send({ kind: 'supervision_notice', assignmentId: policeTask }).expect(201)).body;
    const issued = (await office.post(`/api/notices/${fresh.id}/issue`).send({ version: fresh.version }).expect(200)).body;
    // Nothing to sign for until the PDF is there.
    expect((await police.post(`/api/notices/${issued.id}/acknowledge`).expect(409)).body).toMatchObject({ code: 'PDF_NOT_READY', message: expect.stringContaining('PDF 正在生成') });
    await drain([app]);
    await police.post(`/api/notices/${issued.id}/acknowledge`).expect(200);
    expect((await office.post(`/api/notices/${issued.id}/chase`).expect(200)).body).toEqual({ reminded: 1 });
    await office.post(`/api/notices/${issued.id}/chase`).expect(200);
    const chased = (await leader.get('/api/notifications').expect(200)).body.items.filter((n: { title: string }) => n.title.startsWith('请签收'));
    expect(chased.map((n: { title: string }) => n.title)).toEqual([expect.stringContaining(issued.number)]);
    expect((await police.get('/api/notifications').expect(200)).body.items.filter((n: { title: string }) => n.title.startsWith('请签收'))).toEqual([]);
    await police.post(`/api/notices/${issued.id}/chase`).expect(403);
    await office.post(`/api/notices/${issued.id}/void`).send({ reason: '重复印发' }).expect(200);
  });

  it('numbers with the issuer code the office sets, from then on', async () => {
    const issuers = (await office.get('/api/notice-issuers').expect(200)).body as { kind: string; code: string; version: number; isDefault: boolean }[];
    expect(issuers.find((i) => i.kind === 'supervision_notice')).toMatchObject({ code: '反诈办督', isDefault: true, version: 0 });
    await office.put('/api/notice-issuers/supervision_notice').send({ version: 0, code: '测反诈〔督〕', name: '测试市反诈联席办' }).expect(400);
    await police.put('/api/notice-issuers/supervision_notice').send({ version: 0, code: '测反诈督', name: '测试市反诈联席办' }).expect(403);
    await office.put('/api/notice-issuers/nonsense').send({ version: 0, code: '测反诈督', name: '测试市反诈联席办' }).expect(404);
    expect((await office.put('/api/notice-issuers/supervision_notice').send({ version: 0, code: '测反诈督', name: '测试市打击治理电信网络诈骗联席会议办公室' }).expect(200)).body).toMatchObject({ code: '测反诈督', isDefault: false, version: 1 });
    await office.put('/api/notice-issuers/supervision_notice').send({ version: 0, code: 'X', name: 'Y' }).expect(409);
  });

  it('voids with a reason and issues the correction under the next number', async () => {
    await office.post(`/api/notices/${noticeId}/void`).send({ reason: '' }).expect(400);
    await office.post(`/api/notices/${noticeId}/void`).send({ reason: '期限写错' }).expect(200);
    expect((await police.post(`/api/notices/${noticeId}/acknowledge`).expect(409)).body.code).toBe('NOTICE_NOT_ISSUED');
    const correction = await office.post('/api/notices').send({ kind: 'supervision_notice', replacesId: noticeId }).expect(201);
    expect(correction.body).toMatchObject({ status: 'draft', replacesId: noticeId, addressee: '测试市公安局' });
    const issued = await office.post(`/api/notices/${correction.body.id}/issue`).send({ version: correction.body.version }).expect(200);
    expect(issued.body.number).toBe('测反诈督〔2026〕3号');
  });

  it('drafts a circular from the overdue list, numbered in its own sequence', async () => {
    const draft = await office.post('/api/notices').send({ kind: 'circular' }).expect(201);
    expect(draft.body.content.lagging).toEqual([expect.objectContaining({ unitName: '测试市公安局', directiveCode: 'DB-2026-0001', overdueDays: 3 })]);
    expect(draft.body.recipients.filter((r: { role: string }) => r.role === 'to').map((r: { name: string }) => r.name)).toEqual(['测试市公安局', '测试市东湖街道']);
    const issued = await office.post(`/api/notices/${draft.body.id}/issue`).send({ version: draft.body.version }).expect(200);
    expect(issued.body.number).toBe('反诈办通〔2026〕1号');
    expect((await town.get('/api/notices').expect(200)).body.items.map((n: { kind: string }) => n.kind)).toEqual(['circular']);
  });

  it('refuses to issue an interview letter without its time and place, taking no number', async () => {
    const draft = await office.post('/api/notices').send({ kind: 'interview_letter', assignmentId: policeTask }).expect(201);
    const before = await tableCounts(app.dataSource, ['notice_recipients']);
    const refused = await office.post(`/api/notices/${draft.body.id}/issue`).send({ version: draft.body.version }).expect(400);
    expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['content.time', 'content.place']));
    expect((await office.get(`/api/notices/${draft.body.id}`).expect(200)).body).toMatchObject({ status: 'draft', number: null });
    const filled = await office.patch(`/api/notices/${draft.body.id}`).send({ version: draft.body.version, content: { ...draft.body.content, time: '2026年3月16日上午9时', place: '市政府第三会议室' } }).expect(200);
    const issued = await office.post(`/api/notices/${draft.body.id}/issue`).send({ version: filled.body.version }).expect(200);
    expect(issued.body.number).toBe('反诈办约〔2026〕1号');
    expect(await tableCounts(app.dataSource, ['notice_recipients'])).toEqual(before);
  });

  it('stamps every page of a voided notice’s download with 作废 and the reason, the stored original unchanged', async () => {
    const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
    const draft = (await office.post('/api/notices').send({ kind: 'supervision_notice', assignmentId: policeTask }).expect(201)).body;
    // Long enough to run over several pages.
    const requirement = Array.from({ length: 24 }, (_, i) => `第${i + 1}条：对涉诈高风险电话卡逐一开展二次实人核验，无法核验的一律停机并登记在册。`).join('');
    const edited = (await office.patch(`/api/notices/${draft.id}`).send({ version: draft.version, content: { ...draft.content, requirement } }).expect(200)).body;
    await office.post(`/api/notices/${draft.id}/issue`).send({ version: edited.version }).expect(200);
    await drain([app]);
    const issued = (await office.get(`/api/notices/${draft.id}`).expect(200)).body;
    const [{ pdf_file: file }] = await app.dataSource.query(`SELECT pdf_file FROM notices WHERE id = ${draft.id}`);
    const path = join(app.config.uploadDir, 'notices', file);
    const stored = readFileSync(path);
    expect(sha256(stored)).toBe(issued.pdfSha256);
    // Issued and not voided: the download is the stored file itself.
    const original = (await police.get(`/api/notices/${draft.id}/pdf`).buffer(true).parse(binary).expect(200)).body as Buffer;
    expect(sha256(original)).toBe(issued.pdfSha256);
    expect(pdfText(original)).not.toContain('作废');
    const pages = pdfPages(original);
    expect(pages).toBeGreaterThanOrEqual(2);

    // What people typed stays text on the stamp, never markup.
    const reason = '工作要求引用有误<b>应为每月报送</b>';
    await office.post(`/api/notices/${draft.id}/void`).send({ reason }).expect(200);
    for (const client of [office, police]) {
      const res = await client.get(`/api/notices/${draft.id}/pdf`).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(decodeURIComponent(res.headers['content-disposition'])).toContain(`${issued.number}（已作废）.pdf`);
      const texts = pdfPageTexts(res.body as Buffer);
      expect(texts.length).toBe(pages);
      for (const [page, text] of texts.entries()) {
        expect({ page, stamped: text.includes('作废原因：') && text.includes(reason) && text.includes('作废日期：2026年3月9日') }).toEqual({ page, stamped: true });
      }
      // The notice itself is still there under the stamp.
      expect(texts[0]).toContain(issued.number);
      expect(texts[pages - 1]).toContain('每月报送');
    }
    expect(readFileSync(path).equals(stored)).toBe(true);
    expect((await office.get(`/api/notices/${draft.id}`).expect(200)).body.pdfSha256).toBe(sha256(readFileSync(path)));
  });
});
