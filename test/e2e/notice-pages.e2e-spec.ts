import { load } from 'cheerio';
import { PageClient } from '../support/browser-session';
import { pdfPageTexts } from '../support/pdf-tools';
import { as, login, Organisation, PASSWORD, seedOrganisation } from '../support/fixtures';
import { chinaTime, controlClock, drain, jobsEnv } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

describe(`notice pages (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let taskId: number;

  beforeAll(async () => {
    app = await startTestApp(jobsEnv());
    controlClock([app], chinaTime('2026-03-02', '10:00'));
    org = await seedOrganisation(app.dataSource);
    const office = as(app, await login(app, 'office'));
    taskId = (await office.post('/api/directives').send({ title: '重点人员劝阻回访', requirement: '回访率100%。', category: '综合', priority: 'normal', deadline: '2026-03-04', leadUnitId: org.town.id }).expect(201)).body.assignments[0].id;
    controlClock([app], chinaTime('2026-03-09', '10:00'));
  });
  afterAll(() => app.close());

  const token = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1];

  it('lets the office draft an interview letter from the task, fill in time and place, and issue it; the unit opens the PDF and acknowledges', async () => {
    const office = new PageClient(app);
    await office.signIn('office', PASSWORD);
    const task = await office.get(`/tasks/${taskId}`);
    expect(task.text).toContain('起草约谈通知书');
    const created = await office.post('/notices', { _csrf: token(task.text), kind: 'interview_letter', assignmentId: String(taskId) });
    expect(created.status).toBe(303);
    const url = created.headers.location as string;
    let page = await office.get(url);
    expect(page.text).toContain('草稿未编号');
    // Its title is the kind's name: the heading says it once.
    expect(load(page.text)('h1').text()).toBe('约谈通知书');
    const version = /name="version" value="(\d+)"/.exec(page.text)![1];
    // A draft has been sent to nobody: its row counts no acknowledgements.
    const acknowledgements = async (client: PageClient) => load((await client.get('/notices')).text)(`tr:has(a[href="${url}"]) td[data-label="签收"]`).text();
    expect(await acknowledgements(office)).toBe('—');

    const unversioned = await office.post(`${url}/issue`, { _csrf: token(page.text) });
    expect(unversioned.status).toBe(400);
    expect(unversioned.text).toContain('version');
    const early = await office.post(`${url}/issue`, { _csrf: token(page.text), version });
    expect(early.status).toBe(400);
    expect(early.text).toContain('约谈时间不能为空');
    // Asked for the question directly, an incomplete draft says what is missing instead.
    const incomplete = await office.get(`${url}/issue`);
    expect(incomplete.status).toBe(400);
    expect(incomplete.text).toContain('约谈时间不能为空');
    expect(incomplete.text).not.toContain('id="confirm-form"');

    const form = { _csrf: token(page.text), version, title: '约谈通知书', addressee: '测试市东湖街道', copyTo: 'leader', 'content.reason': '劝阻回访逾期未办结。', 'content.time': '2026年3月16日上午9时', 'content.place': '市政府第三会议室', 'content.summoned': '主要负责人', 'content.attendees': '主要负责人及经办人员', 'content.bring': '书面报告\n整改措施', 'content.contact': '周静' };
    expect((await office.post(`${url}/edit`, form)).status).toBe(303);
    page = await office.get(url);
    const question = await office.post(`${url}/issue`, { _csrf: token(page.text), version: /name="version" value="(\d+)"/.exec(page.text)![1] });
    expect(question.status).toBe(200);
    expect(question.text).toContain('确认印发');
    expect((await office.get(url)).text).toContain('草稿未编号');
    const issued = await office.confirm(question);
    expect(issued.status).toBe(303);
    // Until its PDF is made, the page says so and looks again by itself.
    page = await office.get(url);
    expect(page.text).toContain('已印发，文号 反诈办约〔2026〕1号');
    expect(page.text).toContain('PDF 生成中');
    expect(page.text).toMatch(/<meta http-equiv="refresh" content="5">/);
    expect(await acknowledgements(office)).toBe('0/2');
    await drain([app]);
    page = await office.get(url);
    expect(page.text).not.toContain('http-equiv="refresh"');
    expect(page.text).toContain('反诈办约〔2026〕1号');
    expect(page.text).toContain('下载 PDF');

    const unit = new PageClient(app);
    await unit.signIn('unit-town', PASSWORD);
    const list = await unit.get('/notices');
    expect(list.text).toContain('反诈办约〔2026〕1号');
    // Units never see drafts, so they are not offered them as a filter; the office is.
    const statuses = (html: string) => load(html)('select[name="status"] option').map((_, o) => load(o)('option').attr('value')).get();
    expect(statuses(list.text)).toEqual(['', 'issued', 'voided']);
    expect(statuses((await office.get('/notices')).text)).toEqual(['', 'draft', 'issued', 'voided']);
    const pdf = await unit.get(`${url}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const detail = await unit.get(url);
    expect((await unit.post(`${url}/acknowledge`, { _csrf: token(detail.text) })).status).toBe(303);
    expect((await unit.get(url)).text).toMatch(/东湖街道 — 已签收/);

    const other = new PageClient(app);
    await other.signIn('unit-police', PASSWORD);
    expect((await other.get(url)).status).toBe(404);
    expect((await other.get(`${url}/pdf`)).status).toBe(404);
  });

  it('shows the preview with a policy that keeps it inert', async () => {
    const office = new PageClient(app);
    await office.signIn('office', PASSWORD);
    const list = await office.get('/notices?kind=interview_letter');
    const id = /href="\/notices\/(\d+)"/.exec(list.text)![1];
    const preview = await office.get(`/notices/${id}/preview`);
    expect(preview.headers['content-security-policy']).toContain("default-src 'none'");
    expect(preview.text).toContain('约谈通知书');
  });

  it('gives the voided notice from its page’s download link with the 作废 stamp and the reason on every page', async () => {
    const office = new PageClient(app);
    await office.signIn('office', PASSWORD);
    const list = await office.get('/notices?kind=interview_letter');
    const url = `/notices/${/href="\/notices\/(\d+)"/.exec(list.text)![1]}`;
    let page = await office.get(url);
    const question = await office.post(`${url}/void`, { _csrf: token(page.text), reason: '约谈时间调整' });
    expect((await office.confirm(question)).status).toBe(303);
    page = await office.get(url);
    expect(page.text).toContain('下载的 PDF 每页加盖“作废”标记');
    // The preview shows the document as issued; the page says above it, in red, that it is void and why.
    const $ = load(page.text);
    expect($('#void-banner').text()).toBe('已作废：约谈时间调整');
    expect($('#void-banner').next().is('iframe.notice-preview')).toBe(true);
    const preview = await office.get(`${url}/preview`);
    expect(preview.text).not.toContain('作废');
    const link = /href="([^"]+\/pdf)"/.exec(page.text)![1];
    const download = await app.http().get(link).set('Cookie', office.cookieHeader()).buffer(true).parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
    expect(download.status).toBe(200);
    const texts = pdfPageTexts(download.body as Buffer);
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toContain('作废原因：约谈时间调整');
  });
});
