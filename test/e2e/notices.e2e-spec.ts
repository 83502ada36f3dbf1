import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfLayouts, TextRun } from '../support/pdf-layout';
import { pdfPages, pdfPageTexts, pdfText } from '../support/pdf-tools';
import { as, login, Organisation, PASSWORD, seedOrganisation, tableCounts, binary } from '../support/fixtures';
import { chinaTime, controlClock, drain, jobsEnv } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

type Client = ReturnType<typeof as>;

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
    // Acknowledged or not, whoever holds it hears that it no longer stands.
    for (const client of [police, leader]) {
      const inbox = (await client.get('/api/notifications').expect(200)).body.items as { title: string; body: string }[];
      expect(inbox).toContainEqual(expect.objectContaining({ title: '【已作废】督办通知书反诈办督〔2026〕1号 关于督办“涉诈高风险电话卡二次实人核验”的通知书', body: expect.stringMatching(/已作废，请不再按其办理。作废原因：期限写错$/) }));
    }
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

  it('tells every recipient of a voided notice why, once, and that a voided interview will not take place as notified', async () => {
    type Message = { title: string; body: string; link: string };
    const letter = (await office.get('/api/notices?kind=interview_letter&status=issued').expect(200)).body.items[0];
    expect(letter).toMatchObject({ number: '反诈办约〔2026〕1号' });
    const voidedOf = async (client: Client): Promise<Message[]> => (await client.get('/api/notifications').expect(200)).body.items.filter((n: Message) => n.title.startsWith('【已作废】'));
    const before = { police: await voidedOf(police), leader: await voidedOf(leader) };
    await office.post(`/api/notices/${letter.id}/void`).send({ reason: '约谈时间与市委常委会冲突，另行通知' }).expect(200);
    // The addressed unit's contacts and the leader in copy, each once; a unit it was not sent to hears nothing.
    for (const [name, client] of [['police', police], ['leader', leader]] as const) {
      const told = (await voidedOf(client)).filter((n) => !before[name].some((b) => b.title === n.title));
      expect({ name, told }).toEqual({
        name,
        told: [
          {
            ...told[0],
            title: '【已作废】约谈通知书反诈办约〔2026〕1号 约谈通知书',
            body: expect.stringContaining('原定于2026年3月16日上午9时在市政府第三会议室举行的约谈不再按该通知举行'),
            link: `/notices/${letter.id}`,
          },
        ],
      });
      expect(told[0].body).toContain('作废原因：约谈时间与市委常委会冲突，另行通知');
    }
    expect(await voidedOf(town)).toEqual([]);
    await office.post(`/api/notices/${letter.id}/void`).send({ reason: '再次作废' }).expect(409);
    expect((await voidedOf(police)).filter((n) => n.link === `/notices/${letter.id}`)).toHaveLength(1);
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

  it('sets the 作废 stamp’s reason in the type area’s width, on full lines at 10 pt or more above the header, and a reason too long for it in full on a page after the last', async () => {
    // The letter format, whose header begins highest (30 mm from the top edge), leaves the stamp the least room.
    const issuer = ((await office.get('/api/notice-issuers').expect(200)).body as { kind: string; code: string; name: string; version: number }[]).find((i) => i.kind === 'supervision_notice')!;
    await office.put('/api/notice-issuers/supervision_notice').send({ version: issuer.version, code: issuer.code, name: issuer.name, format: 'letter' }).expect(200);
    const sentence = '约谈时间调整为2026年3月20日上午9时，地点改在市政府第一会议室，请以更正件为准。';
    const reasons = {
      // Two lines at 12 pt whose last line has no room for the date: the date goes down, not the reason's last character with it.
      twoLines: '督办事项编号填写有误，办理时限应为三月二十日前，并应抄送分管副市长和市公安局，请各单位以更正件为准，原件即日作废',
      fourLines: sentence.repeat(3),
      longest: sentence.repeat(20).slice(0, 500),
    };
    const voided: Record<string, { original: Buffer; stamped: Buffer }> = {};
    for (const [name, reason] of Object.entries(reasons)) {
      const draft = (await office.post('/api/notices').send({ kind: 'supervision_notice', assignmentId: policeTask }).expect(201)).body;
      await office.post(`/api/notices/${draft.id}/issue`).send({ version: draft.version }).expect(200);
      await drain([app]);
      const original = (await police.get(`/api/notices/${draft.id}/pdf`).buffer(true).parse(binary).expect(200)).body as Buffer;
      await office.post(`/api/notices/${draft.id}/void`).send({ reason }).expect(200);
      voided[name] = { original, stamped: (await police.get(`/api/notices/${draft.id}/pdf`).buffer(true).parse(binary).expect(200)).body as Buffer };
    }
    const names = Object.keys(reasons) as (keyof typeof reasons)[];
    const layouts = pdfLayouts(names.flatMap((name) => [voided[name].original, voided[name].stamped]));
    const MM = 25.4 / 72;
    const same = (a: TextRun, b: TextRun) => a.text === b.text && Math.abs(a.x - b.x) < 0.05 && Math.abs(a.y - b.y) < 0.05;
    names.forEach((name, n) => {
      const [original, stamped] = [layouts[2 * n], layouts[2 * n + 1]];
      const reason = reasons[name];
      // A reason that fits leaves the pages as they were; one that does not adds its page.
      expect({ name, pages: stamped.length }).toEqual({ name, pages: original.length + (name === 'longest' ? 1 : 0) });
      original.forEach((page, p) => {
        // The stamp is what the download has that the original has not; its mark aside, the reason and the date.
        const stamp = stamped[p].runs.filter((run) => !page.runs.some((kept) => same(run, kept)) && run.size < 50);
        const header = Math.min(...page.runs.map((run) => run.y - 0.9 * run.size * MM));
        const where = { name, page: p + 1 };
        expect({ ...where, stamped: stamp.length > 0 }).toEqual({ ...where, stamped: true });
        for (const run of stamp) {
          expect({ ...where, run: run.text, left: run.x >= 27.5, right: run.x + run.width <= 184.5, readable: run.size >= 10, aboveHeader: run.y + 0.25 * run.size * MM < header }).toEqual({ ...where, run: run.text, left: true, right: true, readable: true, aboveHeader: true });
        }
        const lines = [...new Set(stamp.map((run) => Math.round(run.y * 10) / 10))].sort((a, b) => a - b).map((y) => stamp.filter((run) => Math.abs(run.y - y) < 0.3).sort((a, b) => a.x - b.x));
        const text = (line: TextRun[]) => line.map((run) => run.text).join('').replace(/\s+/g, '');
        // Lines holding the reason (not the date's alone, not the pointer to the full text): full but for the last.
        const reasonLines = lines.filter((line) => !text(line).startsWith('作废日期：'));
        expect({ ...where, lines: reasonLines.length <= 4 }).toEqual({ ...where, lines: true });
        reasonLines.slice(0, -1).forEach((line) => {
          const last = line[line.length - 1];
          expect({ ...where, line: text(line), full: last.x + last.width > 184 - last.size * MM - 0.5 }).toEqual({ ...where, line: text(line), full: true });
        });
        const shown = reasonLines.map(text).join('').replace(/作废日期：.*$/, '');
        if (name === 'longest') {
          expect(shown.startsWith(`作废原因：${reason.slice(0, 60)}`)).toBe(true);
          expect(lines.map(text).join('')).toContain('作废原因全文见本文件末页“作废说明”');
        } else {
          expect(shown).toBe(`作废原因：${reason}`);
          expect(lines.map(text).join('')).toContain('作废日期：2026年3月9日');
        }
      });
    });
    // The whole of the longest reason, readable, in the type area of the page after the last.
    const explanation = layouts[2 * names.indexOf('longest') + 1].at(-1)!;
    expect(explanation.runs.map((run) => run.text).join('').replace(/\s+/g, '')).toContain(`作废原因：${reasons.longest}`);
    for (const run of explanation.runs) expect({ run: run.text, inside: run.x >= 27.5 && run.x + run.width <= 184.5, readable: run.size >= 10 }).toEqual({ run: run.text, inside: true, readable: true });
  });

  it('lists to a leader who belongs to a unit what was sent to the unit and what was copied to them, each once, newest first', async () => {
    const ids = async (client: Client) => (await client.get('/api/notices').expect(200)).body.items.map((n: { id: number }) => n.id) as number[];
    const toTown = await ids(town);
    expect(toTown.length).toBeGreaterThan(0);
    // A leader of the street office, who joins after the earlier notices: only what the street was sent is theirs.
    await office.post('/api/users').send({ username: 'leader-town', displayName: '街道领导', role: 'leader', unitId: org.town.id, password: PASSWORD }).expect(201);
    const townLeader = as(app, await login(app, 'leader-town'));
    expect(await ids(townLeader)).toEqual(toTown);
    // Copied on the next notice in person, to another unit: both now.
    const draft = (await office.post('/api/notices').send({ kind: 'supervision_notice', assignmentId: policeTask }).expect(201)).body;
    expect(draft.recipients).toContainEqual(expect.objectContaining({ role: 'cc', name: '街道领导' }));
    await office.post(`/api/notices/${draft.id}/issue`).send({ version: draft.version }).expect(200);
    const listed = (await townLeader.get('/api/notices').expect(200)).body;
    expect(listed.items.map((n: { id: number }) => n.id)).toEqual([draft.id, ...toTown]);
    expect(listed.total).toBe(toTown.length + 1);
  });
});
