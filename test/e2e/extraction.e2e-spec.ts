import { load } from 'cheerio';
import { PageClient, pageClients } from '../support/browser-session';
import { as, login, Organisation, PASSWORD, seedOrganisation, tableCounts } from '../support/fixtures';
import { chinaTime, controlClock } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';
import { docx, scannedPdf, textPdf } from '../support/text-files';

type Client = ReturnType<typeof as>;

/** What a refused or accepted request may have written: nothing, for a refusal. */
const STORED = ['units', 'source_documents', 'directives', 'assignments', 'directive_terms', 'scheduled_actions', 'notifications', 'attachments', 'unit_aliases'];

/**
 * Text in the simplest forms every extractor reads (one sentence a line, owners in a closing
 * parenthesis, "N月底前" or a full date): what any correct extractor must give for them.
 */
const MINUTES = ['会议要求：', '一、全面推广国家反诈中心APP，10月底前完成全市社区覆盖（测试市公安局牵头，电信主管部门配合）。', '二、开展校园反诈宣传，2026年12月15日前完成中小学全覆盖（测试市东湖街道牵头，测试市公安局配合）。'];
const MINUTES_TEXT = MINUTES.join('\n');

describe(`任务分解: proposals from a document's text, accepted as directives (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let office: Client;
  let leader: Client;
  let police: Client;
  let telecomUnitId: number;
  let counts: () => Promise<Record<string, number>>;

  beforeAll(async () => {
    app = await startTestApp();
    // Monday 21 September 2026, 10:00 in China.
    controlClock([app], chinaTime('2026-09-21', '10:00'));
    org = await seedOrganisation(app.dataSource);
    office = as(app, await login(app, 'office'));
    leader = as(app, await login(app, 'leader'));
    police = as(app, await login(app, 'unit-police'));
    telecomUnitId = (await office.post('/api/units').send({ name: '测试市通信管理局', shortName: '通信管理局', kind: 'department' }).expect(201)).body.id;
    counts = () => tableCounts(app.dataSource, STORED);
  });
  afterAll(() => app.close());

  const extract = (client: Client, body: object) => client.post('/api/extractions').send(body);

  it('proposes tasks from a text with their spans, owners as written and the deadline resolved', async () => {
    const before = await counts();
    const res = await extract(office, { text: MINUTES_TEXT, documentDate: '2026-09-18' }).expect(200);
    expect(res.body.items).toHaveLength(2);
    const [first, second] = res.body.items;
    for (const item of res.body.items) {
      expect(item.paragraph).toBe(MINUTES_TEXT.slice(item.start, item.end));
      expect(typeof item.requirement).toBe('string');
      expect(item.requirement.length).toBeGreaterThan(0);
      expect(item.confidence).toBeGreaterThan(0);
      expect(item.confidence).toBeLessThanOrEqual(1);
      expect(Object.keys(item).sort()).toEqual(['confidence', 'cooperatingUnits', 'deadline', 'end', 'leadUnits', 'paragraph', 'requirement', 'start', 'target']);
    }
    expect(first.paragraph).toContain('10月底前完成全市社区覆盖');
    expect(first.leadUnits).toEqual([{ text: '测试市公安局', unitId: org.police.id }]);
    // Written as the text writes it; not a registered name until the office gives the unit that alias.
    expect(first.cooperatingUnits).toEqual([{ text: '电信主管部门', unitId: null }]);
    expect(first.deadline).toEqual({ text: '10月底前', date: '2026-10-31', cycle: null });
    expect(second.leadUnits).toEqual([{ text: '测试市东湖街道', unitId: org.town.id }]);
    expect(second.deadline).toMatchObject({ date: '2026-12-15', cycle: null });
    // Proposing stores nothing.
    expect(await counts()).toEqual(before);
  });

  it('matches an owner by an alias the office gives the unit, unique across units and audited', async () => {
    const updated = await office.patch(`/api/units/${telecomUnitId}`).send({ aliases: [' 电信主管部门 ', '通管局'] }).expect(200);
    expect(updated.body.aliases).toEqual(['电信主管部门', '通管局']);
    expect((await office.get(`/api/units/${telecomUnitId}`).expect(200)).body.aliases).toEqual(['电信主管部门', '通管局']);
    const [audit] = await app.dataSource.query(`SELECT changes FROM audit_entries WHERE action = 'unit.update' AND object_id = '${telecomUnitId}' ORDER BY id DESC`);
    expect(JSON.parse(audit.changes).aliases).toEqual([[], ['电信主管部门', '通管局']]);

    const before = await counts();
    for (const [aliases, status, says] of [
      [['通管局'], 409, '同一个名称只能对应一个单位'],
      [['测试市公安局'], 409, '测试市公安局'],
      [['公安局'], 409, '名称或简称'],
      [[''], 400, '不能为空'],
      [['甲\u0000乙'], 400, '控制字符'],
      [['甲', '甲'], 400, '不能有重复'],
      ['通管局', 400, '应为列表'],
    ] as const) {
      const refused = await office.patch(`/api/units/${org.town.id}`).send({ aliases });
      expect({ aliases, status: refused.status }).toEqual({ aliases, status });
      expect(refused.body.message).toContain(says);
    }
    // Nor may a unit be named what another unit is also called.
    const renamed = await office.patch(`/api/units/${org.town.id}`).send({ shortName: '通管局' }).expect(409);
    expect(renamed.body).toMatchObject({ code: 'UNIT_ALIAS_TAKEN', details: [{ field: 'shortName', message: '“通管局”已是另一个单位的别名' }] });
    expect((await office.post('/api/units').send({ name: '电信主管部门', shortName: '新单位', kind: 'department' })).status).toBe(409);
    expect(await counts()).toEqual(before);

    const res = await extract(office, { text: MINUTES_TEXT, documentDate: '2026-09-18' }).expect(200);
    expect(res.body.items[0].cooperatingUnits).toEqual([{ text: '电信主管部门', unitId: telecomUnitId }]);
  });

  it('is the office’s: unit contacts and leaders are refused every route', async () => {
    const document = (await office.post('/api/documents').send({ kind: 'minutes', title: '权限测试纪要', issuer: '测试市反诈联席办', issuedOn: '2026-09-18', body: MINUTES_TEXT }).expect(201)).body;
    for (const client of [police, leader]) {
      expect((await extract(client, { text: MINUTES_TEXT, documentDate: '2026-09-18' })).status).toBe(403);
      expect((await client.post(`/api/documents/${document.id}/extraction`)).status).toBe(403);
      expect((await client.post(`/api/documents/${document.id}/directives`).send({ items: [] })).status).toBe(403);
    }
    expect((await app.http().post('/api/extractions').send({ text: MINUTES_TEXT, documentDate: '2026-09-18' })).status).toBe(401);
  });

  it('refuses bad input with a Chinese message, storing nothing', async () => {
    const before = await counts();
    const cases: Array<[string, object, number, string]> = [
      ['empty text', { text: '', documentDate: '2026-09-18' }, 400, '全文不能为空'],
      ['white space only', { text: ' \n\t ', documentDate: '2026-09-18' }, 400, '全文不能为空'],
      ['no text', { documentDate: '2026-09-18' }, 400, '全文不能为空'],
      ['text over 200,000 characters', { text: '会议要求加强宣传。'.repeat(22_223), documentDate: '2026-09-18' }, 413, '一次最多分解 200000 个字符'],
      ['a NUL byte', { text: '会议要求\u0000加强宣传。', documentDate: '2026-09-18' }, 400, '控制字符'],
      ['binary content', { text: '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', documentDate: '2026-09-18' }, 400, '控制字符'],
      ['a date that does not exist', { text: MINUTES_TEXT, documentDate: '2026-02-30' }, 400, '文件日期应为'],
      ['a date in another form', { text: MINUTES_TEXT, documentDate: '2026/09/18' }, 400, '文件日期应为'],
      ['no date', { text: MINUTES_TEXT }, 400, '文件日期不能为空'],
      ['text not a string', { text: 42, documentDate: '2026-09-18' }, 400, '全文应为文本'],
      ['an unknown field', { text: MINUTES_TEXT, documentDate: '2026-09-18', model: 'gpt' }, 400, '不允许的字段'],
    ];
    for (const [what, body, status, says] of cases) {
      const res = await extract(office, body);
      expect({ what, status: res.status }).toEqual({ what, status });
      expect(res.body.message).toContain(says);
    }
    expect(await counts()).toEqual(before);
  });

  let documentId: number;

  it('proposes from a registered document: its body and its date', async () => {
    documentId = (await office.post('/api/documents').send({ kind: 'minutes', title: '第三次联席会议纪要', issuer: '测试市反诈联席办', issuedOn: '2026-09-18', body: MINUTES_TEXT }).expect(201)).body.id;
    const fromDocument = await office.post(`/api/documents/${documentId}/extraction`).expect(200);
    const fromText = await extract(office, { text: MINUTES_TEXT, documentDate: '2026-09-18' }).expect(200);
    expect(fromDocument.body).toEqual(fromText.body);
    expect((await office.post('/api/documents/999999/extraction')).status).toBe(404);
  });

  it('keeps a document as long as it analyses (200,000 characters, MEDIUMTEXT on MySQL) and reads it whole; a longer one is refused, nothing stored', async () => {
    const minutes = `${MINUTES_TEXT}\n`;
    const longest = minutes.repeat(Math.ceil(200_000 / minutes.length)).slice(0, 200_000);
    const registered = await office.post('/api/documents').send({ kind: 'policy', title: '全省打击治理电信网络诈骗实施方案', issuer: '测试市反诈联席办', issuedOn: '2026-09-18', body: longest }).expect(201);
    expect((await office.get(`/api/documents/${registered.body.id}`).expect(200)).body.body).toBe(longest);
    const proposals = await office.post(`/api/documents/${registered.body.id}/extraction`).expect(200);
    const last = proposals.body.items[proposals.body.items.length - 1];
    expect(last.end).toBeGreaterThan(190_000);
    expect(last.paragraph).toBe(longest.slice(last.start, last.end));
    const before = await counts();
    const refused = await office.post('/api/documents').send({ kind: 'policy', title: '更长的实施方案', issuer: '测试市反诈联席办', issuedOn: '2026-09-18', body: `${longest}。` }).expect(400);
    expect(refused.body.details).toEqual([{ field: 'body', message: '全文有 200001 个字符，不能超过 200000 个字符；请拆分后分别登记' }]);
    // Blank is no body, through the API as on the page.
    const blank = await office.post('/api/documents').send({ kind: 'policy', title: '空白文件', issuer: '测试市反诈联席办', issuedOn: '2026-09-18', body: '   \n  ' }).expect(400);
    expect(blank.body.details).toEqual([{ field: 'body', message: '全文不能为空' }]);
    expect(await counts()).toEqual(before);
  });

  const proposal = (item: { requirement: string; start: number; end: number; paragraph: string; leadUnits: { unitId: number | null }[]; cooperatingUnits: { unitId: number | null }[]; deadline: { date: string | null } }) => ({
    title: item.requirement.slice(0, 200),
    requirement: item.paragraph,
    category: '宣传防范',
    priority: 'important',
    leadUnitId: item.leadUnits[0].unitId!,
    cooperatingUnitIds: item.cooperatingUnits.map((o) => o.unitId!).filter((id) => id !== null),
    deadline: item.deadline.date!,
    start: item.start,
    end: item.end,
  });

  it('creates the accepted proposals, as edited, in one transaction: all, or none when one is refused', async () => {
    const { items } = (await office.post(`/api/documents/${documentId}/extraction`).expect(200)).body;
    const [first, second] = items.map(proposal);
    const before = await counts();
    // The second is refused inside the transaction, after the first was written: nothing stays.
    const inactive = (await office.post('/api/units').send({ name: '测试市已撤销单位', shortName: '已撤销', kind: 'department', active: false }).expect(201)).body.id;
    const afterUnit = await counts();
    const refused = await office.post(`/api/documents/${documentId}/directives`).send({ items: [first, { ...second, leadUnitId: inactive }] }).expect(400);
    expect(refused.body.message).toContain('第2项建议');
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'items.1.leadUnitId' })]);
    expect(await counts()).toEqual(afterUnit);
    expect(afterUnit.directives).toBe(before.directives);

    const badRows: Array<[string, object, string]> = [
      ['a past deadline', { ...second, deadline: '2026-09-01' }, '第2项建议：办理时限不能早于今天'],
      ['a span past the text', { ...second, end: MINUTES_TEXT.length + 5 }, '超出了来源文件全文'],
      ['a span backwards', { ...second, start: 20, end: 10 }, '结束位置须大于起始位置'],
      ['no title', { ...second, title: '' }, '第2项建议的标题不能为空'],
      ['a field of its own', { ...second, sourceDocumentId: documentId }, '不允许的字段'],
      ['the lead also cooperating', { ...second, cooperatingUnitIds: [second.leadUnitId] }, '牵头单位不能同时是配合单位'],
    ];
    for (const [what, row, says] of badRows) {
      const res = await office.post(`/api/documents/${documentId}/directives`).send({ items: [first, row] });
      expect({ what, status: res.status }).toEqual({ what, status: 400 });
      expect(res.body.message).toContain(says);
      // Each problem is placed on the refused item's own field, as the request names it.
      for (const detail of res.body.details) expect(detail.field).toMatch(/^items\.1\.(deadline|end|title|cooperatingUnitIds|sourceDocumentId)$/);
    }
    expect((await office.post(`/api/documents/${documentId}/directives`).send({ items: [] })).status).toBe(400);
    expect((await office.post('/api/documents/999999/directives').send({ items: [first] })).status).toBe(404);
    expect(await counts()).toEqual(afterUnit);

    const created = await office.post(`/api/documents/${documentId}/directives`).send({ items: [first, { ...second, title: '校园反诈宣传全覆盖（改）', priority: 'urgent' }] }).expect(201);
    expect(created.body.items).toHaveLength(2);
    const [one, two] = created.body.items;
    expect(one).toMatchObject({ source: { id: documentId }, sourceStart: first.start, sourceEnd: first.end, sourceExcerpt: MINUTES_TEXT.slice(first.start, first.end), deadline: '2026-10-31', priority: 'important' });
    expect(one.assignments.map((a: { unitId: number; role: string }) => [a.unitId, a.role])).toEqual([
      [org.police.id, 'lead'],
      [telecomUnitId, 'cooperating'],
    ]);
    expect(two).toMatchObject({ title: '校园反诈宣传全覆盖（改）', priority: 'urgent', sourceStart: second.start, sourceEnd: second.end, deadline: '2026-12-15' });
    const document = (await office.get(`/api/documents/${documentId}`).expect(200)).body;
    expect(document.directives.map((d: { id: number; sourceStart: number }) => [d.id, d.sourceStart])).toEqual([
      [one.id, first.start],
      [two.id, second.start],
    ]);

    // A sentence issued before is refused, naming what it was issued as, unless it is said to be issued again.
    const beforeRepeat = await counts();
    const third = { ...second, start: MINUTES_TEXT.indexOf('开展校园反诈宣传'), title: '校园反诈宣传（另一项）' };
    const repeated = await office.post(`/api/documents/${documentId}/directives`).send({ items: [third, first] }).expect(409);
    expect(repeated.body.code).toBe('ALREADY_ISSUED');
    expect(repeated.body.details).toEqual([{ field: 'items.1.reissue', message: `第2项建议的这句话已据本文件下达为督办事项 ${one.code}；确需再次下达，请注明仍要再次下达` }]);
    expect(await counts()).toEqual(beforeRepeat);
    const notBoolean = await office.post(`/api/documents/${documentId}/directives`).send({ items: [{ ...first, reissue: 'yes' }] }).expect(400);
    expect(notBoolean.body.details).toEqual([expect.objectContaining({ field: 'items.0.reissue' })]);
    const reissued = await office.post(`/api/documents/${documentId}/directives`).send({ items: [third, { ...first, reissue: true }] }).expect(201);
    expect(reissued.body.items.map((d: { sourceStart: number }) => d.sourceStart)).toEqual([third.start, first.start]);
  });

  it('takes a document’s body from an uploaded Word file or a PDF with text, and refuses a scan', async () => {
    const register = (title: string) => office.post('/api/documents').field('kind', 'policy').field('title', title).field('issuer', '测试市反诈联席办').field('issuedOn', '2026-09-18').field('bodyFromFile', 'true');
    const fromWord = await register('工作方案（Word）').attach('files', await docx(MINUTES), '工作方案.docx').expect(201);
    expect(fromWord.body.body).toBe(MINUTES_TEXT);
    expect(fromWord.body.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['工作方案.docx']);
    const fromPdf = await register('工作方案（PDF）').attach('files', await textPdf(MINUTES), '工作方案.pdf').expect(201);
    expect(fromPdf.body.body).toBe(MINUTES_TEXT);
    const proposals = await office.post(`/api/documents/${fromPdf.body.id}/extraction`).expect(200);
    expect(proposals.body.items.map((i: { leadUnits: { unitId: number }[] }) => i.leadUnits[0].unitId)).toEqual([org.police.id, org.town.id]);

    const before = await counts();
    const scan = await register('扫描件').attach('files', await scannedPdf(), '扫描件.pdf');
    expect(scan.status).toBe(422);
    expect(scan.body).toMatchObject({ code: 'NO_TEXT_IN_FILE', message: expect.stringContaining('没有文字层（可能是扫描件）') });
    const photo = await register('照片').attach('files', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), '纪要.png');
    expect(photo.status).toBe(415);
    expect(photo.body.message).toContain('Word（.docx）');
    const broken = await register('损坏').attach('files', Buffer.from('%PDF-1.4\nnot really a pdf'), '损坏.pdf');
    expect(broken.status).toBe(422);
    expect(broken.body.message).toContain('无法读取');
    const nothing = await register('没有文件');
    expect(nothing.status).toBe(400);
    expect(nothing.body.details).toEqual([{ field: 'files', message: expect.stringMatching(/^没有收到文件/) }]);
    // A body pasted into a multipart request beyond what a form field may carry is told so, not "malformed".
    const huge = await office.post('/api/documents').field('kind', 'policy').field('title', '超长').field('issuer', '测试市反诈联席办').field('issuedOn', '2026-09-18').field('body', '宣'.repeat(400_000));
    expect(huge.status).toBe(413);
    expect(huge.body.details).toEqual([{ field: 'body', message: '表单字段 body 的内容超过 1 MB，请缩短或拆分后再提交' }]);
    expect(await counts()).toEqual(before);
  });

  describe('through the pages', () => {
    let signedIn: (username: string) => Promise<PageClient>;
    const mainText = (html: string) => load(html)('main').text().replace(/\s+/g, ' ');
    const flashOf = async (client: PageClient, location: string) => load((await client.get(location)).text)('#flash').text();
    const BODY = ['<script>alert(1)</script>会议纪要', ...MINUTES, '三、开展寄递渠道反诈培训，11月底前完成全部网点（测试市东湖街道牵头，各快递企业配合）。'].join('\n');
    let pageDocumentId: number;
    let review: string;

    beforeAll(async () => {
      pageDocumentId = (await office.post('/api/documents').send({ kind: 'minutes', title: '第四次联席会议纪要', issuer: '测试市反诈联席办', issuedOn: '2026-09-18', body: BODY }).expect(201)).body.id;
      review = `/documents/${pageDocumentId}/extraction`;
      signedIn = pageClients(app, PASSWORD);
    });

    it('shows the text with each proposal’s sentence marked beside the proposals, escaped, unmatched owners flagged; the office’s only', async () => {
      const admin = await signedIn('office');
      const documentPage = load((await admin.get(`/documents/${pageDocumentId}`)).text);
      expect(documentPage('#extract-button').attr('href')).toBe(review);
      const leaderClient = await signedIn('leader');
      expect(load((await leaderClient.get(`/documents/${pageDocumentId}`)).text)('#extract-button').length).toBe(0);
      expect((await leaderClient.get(review)).status).toBe(403);
      expect((await (await signedIn('unit-police')).get(review)).status).toBe(403);

      const page = await admin.get(review);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain('<script>alert(1)</script>');
      const $ = load(page.text);
      const { items } = (await office.post(`/api/documents/${pageDocumentId}/extraction`).expect(200)).body;
      expect(items).toHaveLength(3);
      const marks = $('.marked-text mark');
      expect(marks.length).toBe(3);
      items.forEach((item: { paragraph: string }, i: number) => {
        expect($(`#p-${i + 1}`).length).toBe(1);
        expect($(`#p-${i + 1} + mark`).text()).toBe(item.paragraph);
        expect($(`#proposal-${i + 1} input[name="accept"]`).is('[checked]')).toBe(true);
      });
      expect($('.marked-text').text()).toBe(BODY);
      expect($('#proposal-1 select[name="p1.leadUnitId"] option[selected]').attr('value')).toBe(String(org.police.id));
      expect($('#proposal-1 input[name="p1.cooperatingUnitIds"][checked]').attr('value')).toBe(String(telecomUnitId));
      expect($('#proposal-1 input[name="p1.deadline"]').attr('value')).toBe('2026-10-31');
      // The requirement is the sentence without the document's numbering; a deadline's day is no report day.
      expect($('#proposal-2 textarea[name="p2.requirement"]').text()).toBe(MINUTES[2].slice('二、'.length));
      expect($('#proposal-2 input[name="p2.reportDay"]').attr('value')).toBe('5');
      expect($('#proposal-3 .owner.unmatched').text()).toContain('各快递企业');
      expect($('#unmatched').text()).toContain('各快递企业');
    });

    it('issues the ticked proposals (several, not all) as edited; a refused form comes back with what was typed', async () => {
      const admin = await signedIn('office');
      const before = await counts();
      let shown = await admin.get(review);
      const refused = await admin.submit(shown.text, '#proposals-form', { accept: ['1', '3'], 'p1.title': '反诈APP推广（改）', 'p3.title': '' });
      expect(refused.status).toBe(400);
      expect(mainText(refused.text)).toContain('第3项建议的标题不能为空');
      const kept = load(refused.text);
      expect(kept('input[name="p1.title"]').attr('value')).toBe('反诈APP推广（改）');
      expect(kept('input[name="accept"][checked]').map((_, e) => kept(e).attr('value')).get()).toEqual(['1', '3']);
      shown = await admin.get(review);
      const none = await admin.submit(shown.text, '#proposals-form', { accept: [] });
      expect(none.status).toBe(400);
      expect(mainText(none.text)).toContain('采纳的建议至少需要 1 项');
      const unmatchedLead = await admin.submit(shown.text, '#proposals-form', { accept: ['2', '3'], 'p3.leadUnitId': '' });
      expect(unmatchedLead.status).toBe(400);
      expect(mainText(unmatchedLead.text)).toContain('第3项建议的牵头单位不能为空');
      expect(await counts()).toEqual(before);

      shown = await admin.get(review);
      const done = await admin.submit(shown.text, '#proposals-form', { accept: ['1', '3'], 'p1.title': '反诈APP推广（改）', 'p3.priority': 'urgent' });
      expect(done.status).toBe(303);
      expect(done.headers.location).toBe(`/documents/${pageDocumentId}`);
      expect(await flashOf(admin, done.headers.location)).toMatch(/已据本文件下达 2 项督办事项：DB-2026-\d{4}、DB-2026-\d{4}/);
      const stored: { id: number; title: string; priority: string; source_start: number }[] = await app.dataSource.query(`SELECT id, title, priority, source_start FROM directives WHERE source_document_id = ${pageDocumentId} ORDER BY id`);
      expect(stored.map((d) => [d.title, d.priority])).toEqual([
        ['反诈APP推广（改）', 'normal'],
        [expect.any(String), 'urgent'],
      ]);

      // Reviewed again, the sentences already issued start unticked and say so; the browser keeps no ticks of its own.
      const againPage = await admin.get(review);
      const again = load(againPage.text);
      expect(again('input[name="accept"][checked]').map((_, e) => again(e).attr('value')).get()).toEqual(['2']);
      expect(again('#proposal-1 .issued').text()).toMatch(/已下达为督办事项 DB-2026-\d{4}/);
      expect(again('#proposals-form').attr('autocomplete')).toBe('off');
      // Ticked again (or sent again from a page gone back to): asked first, issued again only when confirmed.
      const beforeRepeat = await counts();
      const asked = await admin.submit(againPage.text, '#proposals-form', { accept: ['1', '2'], 'p2.title': '校园反诈宣传（改）' });
      expect(asked.status).toBe(200);
      const question = load(asked.text);
      expect(question('#confirm h1').text()).toBe('确认再次下达');
      expect(question('#confirm dt').map((_, e) => question(e).text()).get()).toEqual(['第1项建议']);
      expect(question('#confirm dd').text()).toMatch(/^全面推广国家反诈中心APP.*（已下达为 DB-2026-\d{4}）$/);
      expect(question('#confirm').text()).toContain('勾选的 2 项建议中有 1 项所依据的句子已据本文件下达过，其余 1 项将一并下达。');
      expect(await counts()).toEqual(beforeRepeat);
      // 取消: the review page again as it was filled in, nothing issued.
      const cancelled = await admin.submit(asked.text, '#cancel-form');
      expect(cancelled.status).toBe(200);
      const asFilled = load(cancelled.text);
      expect(asFilled('input[name="accept"][checked]').map((_, e) => asFilled(e).attr('value')).get()).toEqual(['1', '2']);
      expect(asFilled('input[name="p2.title"]').attr('value')).toBe('校园反诈宣传（改）');
      expect(await counts()).toEqual(beforeRepeat);
      const confirmed = await admin.submit(asked.text, '#confirm-form');
      expect(confirmed.status).toBe(303);
      expect(await flashOf(admin, confirmed.headers.location)).toContain('已据本文件下达 2 项督办事项');
      expect(Number((await app.dataSource.query(`SELECT COUNT(*) AS n FROM directives WHERE source_document_id = ${pageDocumentId}`))[0].n)).toBe(4);

      // The directive leads back to its sentence: the document page, marked there.
      const directive = load((await admin.get(`/directives/${stored[1].id}`)).text);
      const link = directive('#source-span-link').attr('href')!;
      expect(link).toBe(`/documents/${pageDocumentId}?directive=${stored[1].id}#d-${stored[1].id}`);
      const source = load((await admin.get(link.split('#')[0])).text);
      expect(source(`#d-${stored[1].id} + mark`).hasClass('current')).toBe(true);
      expect(source(`#d-${stored[1].id} + mark`).text()).toContain('11月底前完成全部网点');
      expect(source('mark.current').length).toBe(1);
      expect(source(`a[href="/directives/${stored[0].id}"]`).length).toBeGreaterThan(0);
      // A leader reads the same link; a wrong one is refused.
      expect(load((await (await signedIn('leader')).get(`/directives/${stored[1].id}`)).text)('#source-span-link').length).toBe(1);
      expect((await admin.get(`/documents/${pageDocumentId}?directive=abc`)).status).toBe(400);
    });

    it('says on its card when a proposal’s deadline, read in the document’s year, has already passed; a cycle is standing work', async () => {
      const admin = await signedIn('office');
      // Minutes of 18 September read on 21 September: "9月15日前" is gone, "10月底前" is not.
      const id = (await office.post('/api/documents').send({ kind: 'minutes', title: '第六次联席会议纪要', issuer: '测试市反诈联席办', issuedOn: '2026-09-18', body: ['一、9月15日前完成反诈宣传方案（测试市公安局牵头）。', '二、10月底前完成全市社区覆盖（测试市公安局牵头）。', '三、每月5日前报送宣传进展（测试市公安局牵头）。', '四、每季度末报送案件研判情况（测试市公安局牵头）。'].join('\n') }).expect(201)).body.id;
      const $ = load((await admin.get(`/documents/${id}/extraction`)).text);
      expect($('#proposal-1 .past-deadline').text()).toBe('按文件日期推算的到期日期 2026-09-15 已过，请核对年份后再下达。');
      expect($('#proposal-2 .past-deadline').length).toBe(0);
      // A reporting cycle is proposed as standing work reported on its day.
      expect($('#proposal-3 select[name="p3.deadlineKind"] option[selected]').attr('value')).toBe('standing');
      expect($('#proposal-3 select[name="p3.reportCycle"] option[selected]').attr('value')).toBe('monthly');
      expect($('#proposal-3 input[name="p3.reportDay"]').attr('value')).toBe('5');
      // "每季度末" reports on the quarter's last day: 31, a day past a short month's end falling on its last.
      expect($('#proposal-4 select[name="p4.reportCycle"] option[selected]').attr('value')).toBe('quarterly');
      expect($('#proposal-4 input[name="p4.reportDay"]').attr('value')).toBe('31');
      // Issued, the directive says when it reports as the office would write it.
      const done = await admin.submit((await admin.get(`/documents/${id}/extraction`)).text, '#proposals-form', { accept: ['3', '4'] });
      expect(done.status).toBe(303);
      const issued: Array<{ id: number }> = await app.dataSource.query(`SELECT id FROM directives WHERE source_document_id = ${id} ORDER BY id`);
      expect(load((await admin.get(`/directives/${issued[0].id}`)).text)('dd').text()).toContain('长期坚持，每月5日前报送');
      expect(load((await admin.get(`/directives/${issued[1].id}`)).text)('dd').text()).toContain('长期坚持，每季度末前报送');
      // The requirement is the sentence itself: shown once, with the way back to it in the text.
      const page = load((await admin.get(`/directives/${issued[0].id}`)).text);
      expect(page('main').text().split('每月5日前报送宣传进展').length - 1).toBe(1);
      expect(page('#source-span-link').length).toBe(1);
      // A requirement worded otherwise shows the sentence it comes from below it.
      const byHand = await office.post('/api/directives').send({ title: '报送宣传进展', requirement: '每月报送宣传进展，附活动照片。', category: '宣传防范', priority: 'normal', sourceDocumentId: id, sourceExcerpt: '三、每月5日前报送宣传进展（测试市公安局牵头）。', reportCycle: 'monthly', reportDay: 5, leadUnitId: org.police.id }).expect(201);
      expect(load((await admin.get(`/directives/${byHand.body.id}`)).text)('blockquote.excerpt').text()).toBe('三、每月5日前报送宣传进展（测试市公安局牵头）。');
      // Its first report is chased for 30 September, the quarter's last day.
      const keys: Array<{ key: string }> = await app.dataSource.query(`SELECT s.period_key AS \`key\` FROM scheduled_actions s JOIN assignments a ON a.id = s.subject_id WHERE s.subject_kind = 'assignment' AND a.directive_id = ${issued[1].id}`);
      expect(keys.map((k) => k.key)).toContain('2026-09-30');
      // The unit sees when it reports, and the next day it is due, in its list and on the task.
      const police = await signedIn('unit-police');
      const [task] = await app.dataSource.query(`SELECT id FROM assignments WHERE directive_id = ${issued[1].id}`);
      const row = load((await police.get('/tasks')).text)(`#task-list a[href="/tasks/${task.id}"]`).closest('tr');
      expect(row.find('td[data-label="办理时限"]').text()).toBe('长期每季度末前报送');
      expect(row.find('td[data-label="剩余"]').text()).toBe('下次报送 2026-09-30');
      expect(load((await police.get(`/tasks/${task.id}`)).text)('.tiles').text()).toContain('每季度末前报送 · 下次 2026-09-30');
      // And the office sees it on the directive, unit by unit.
      expect(load((await admin.get(`/directives/${issued[1].id}`)).text)('#unit-states td[data-label="剩余"]').text()).toBe('下次报送 2026-09-30');
    });

    it('starts unticked a proposal that lacks its lead unit or its deadline, saying what to fill in, so the page issues as it stands', async () => {
      const admin = await signedIn('office');
      const body = ['一、10月底前完成全市社区反诈宣传（测试市公安局牵头）。', '二、各镇街要在11月底前完成辖区内重点人员回访。', '三、开展校园反诈宣传（测试市公安局牵头）。'].join('\n');
      const id = (await office.post('/api/documents').send({ kind: 'minutes', title: '第七次联席会议纪要', issuer: '测试市反诈联席办', issuedOn: '2026-09-18', body }).expect(201)).body.id;
      const shown = await admin.get(`/documents/${id}/extraction`);
      const $ = load(shown.text);
      expect($('input[name="accept"][checked]').map((_, e) => $(e).attr('value')).get()).toEqual(['1']);
      expect($('#proposal-1 .incomplete').length).toBe(0);
      expect($('#proposal-2 .incomplete').text()).toBe('尚缺牵头单位，默认不勾选：在下面补全后勾选即可下达。');
      expect($('#proposal-3 .incomplete').text()).toBe('尚缺办理时限，默认不勾选：在下面补全后勾选即可下达。');
      const done = await admin.submit(shown.text, '#proposals-form');
      expect(done.status).toBe(303);
      expect(Number((await app.dataSource.query(`SELECT COUNT(*) AS n FROM directives WHERE source_document_id = ${id}`))[0].n)).toBe(1);
      // Ticked without being completed, it is refused, and the message leads to its card.
      const refused = await admin.submit((await admin.get(`/documents/${id}/extraction`)).text, '#proposals-form', { accept: ['3'] });
      expect(refused.status).toBe(400);
      expect(load(refused.text)('.alert-error a[href="#proposal-3"]').text()).toBe('第3项建议的办理时限不能为空');
      // Once issued, its sentence's note links to the directive.
      const again = load((await admin.get(`/documents/${id}/extraction`)).text);
      const [issued] = await app.dataSource.query(`SELECT id, code FROM directives WHERE source_document_id = ${id}`);
      expect(again(`#proposal-1 .issued a[href="/directives/${issued.id}"]`).text()).toBe(issued.code);
    });

    it('says so when a document holds no task, linking to a directive made by hand from it', async () => {
      const admin = await signedIn('office');
      const id = (await office.post('/api/documents').send({ kind: 'minutes', title: '座谈会纪要', issuer: '测试市反诈联席办', issuedOn: '2026-09-18', body: '座谈会纪要\n参会人员：张明、李华。' }).expect(201)).body.id;
      const $ = load((await admin.get(`/documents/${id}/extraction`)).text);
      expect($('fieldset.proposal').length).toBe(0);
      expect($('#proposals-form').length).toBe(0);
      expect($('#no-proposals a').attr('href')).toBe(`/directives/new?sourceDocumentId=${id}`);
      expect($('main').text()).not.toContain('勾选要采纳的建议');
    });

    it('starts every proposal unticked, saying why, when directives were made from the document by hand', async () => {
      const admin = await signedIn('office');
      const id = (await office.post('/api/documents').send({ kind: 'minutes', title: '第五次联席会议纪要', issuer: '测试市反诈联席办', issuedOn: '2026-09-18', body: MINUTES_TEXT }).expect(201)).body.id;
      const byHand = (await office.post('/api/directives').send({ title: '反诈APP推广', requirement: '全面推广国家反诈中心APP。', category: '会议纪要', priority: 'normal', deadline: '2026-10-31', leadUnitId: org.police.id, sourceDocumentId: id }).expect(201)).body;
      const $ = load((await admin.get(`/documents/${id}/extraction`)).text);
      expect($('#unplaced').text()).toContain(`${byHand.code} 反诈APP推广`);
      expect($('#unplaced a').attr('href')).toBe(`/directives/${byHand.id}`);
      expect($('input[name="accept"]').length).toBe(2);
      expect($('input[name="accept"][checked]').length).toBe(0);
    });

    it('reviews a long document a page of 50 proposals at a time, each page beside its stretch of text, issued page by page', async () => {
      const admin = await signedIn('office');
      const lines = Array.from({ length: 120 }, (_, i) => `${i + 1}.开展第${i + 1}批反诈宣传，10月底前完成（测试市公安局牵头，测试市东湖街道配合）。`);
      const body = lines.join('\n');
      const id = (await office.post('/api/documents').send({ kind: 'policy', title: '宣传实施方案', issuer: '测试市反诈联席办', issuedOn: '2026-09-18', body }).expect(201)).body.id;
      const proposalsOn = ($: ReturnType<typeof load>) => $('fieldset.proposal').map((_, e) => $(e).attr('id')).get();
      const first = await admin.get(`/documents/${id}/extraction`);
      let $ = load(first.text);
      expect(proposalsOn($)).toEqual(Array.from({ length: 50 }, (_, i) => `proposal-${i + 1}`));
      expect($('input[name="accept"][checked]').length).toBe(50);
      expect($('.review-pages a, .review-pages strong').map((_, e) => $(e).text()).get()).toEqual(['第1–50项', '第51–100项', '第101–120项']);
      expect($('.review-pages strong').attr('aria-current')).toBe('page');
      // The text beside them is the part they come from: up to the 50th sentence.
      expect($('.review-text .marked-text').text()).toBe(body.slice(0, body.indexOf(lines[49]) + lines[49].length));
      expect($('.review-text').text()).toContain('后文见下一页');
      expect($('.review-text').text()).not.toContain('前文见上一页');

      // Issued, the review goes on to the next page, which starts where the first ended.
      const done = await admin.submit(first.text, '#proposals-form');
      expect({ status: done.status, location: done.headers.location }).toEqual({ status: 303, location: `/documents/${id}/extraction?page=2` });
      const second = await admin.get(done.headers.location);
      expect(load(second.text)('#flash').text()).toContain('已据本文件下达 50 项督办事项');
      $ = load(second.text);
      expect(proposalsOn($)).toEqual(Array.from({ length: 50 }, (_, i) => `proposal-${i + 51}`));
      // The page links say how far the review has gone.
      expect($('.review-pages > span').map((_, e) => $(e).text()).get()).toEqual(['第1–50项（已下达 50 项）', '第51–100项', '第101–120项']);
      expect($('.review-text .marked-text').text()).toBe(body.slice(body.indexOf(lines[49]) + lines[49].length, body.indexOf(lines[99]) + lines[99].length));
      expect($('.review-text').text()).toContain('前文见上一页');

      // A refusal shows the same page, as typed, each refused proposal saying why on its own card.
      const before = await counts();
      const refused = await admin.submit(second.text, '#proposals-form', { 'p52.title': '', 'p60.leadUnitId': '' });
      expect(refused.status).toBe(400);
      $ = load(refused.text);
      expect(proposalsOn($)[0]).toBe('proposal-51');
      expect($('#proposal-52 .field-error').text()).toBe('第52项建议的标题不能为空');
      expect($('#proposal-60 .field-error').text()).toBe('第60项建议的牵头单位不能为空');
      expect($('#proposal-51 .field-error').length).toBe(0);
      expect(await counts()).toEqual(before);

      // The last page is issued as edited, and leads back to the document.
      const last = await admin.get(`/documents/${id}/extraction?page=3`);
      $ = load(last.text);
      expect(proposalsOn($)).toEqual(Array.from({ length: 20 }, (_, i) => `proposal-${i + 101}`));
      expect($('.review-text .marked-text').text()).toBe(body.slice(body.indexOf(lines[99]) + lines[99].length));
      const finished = await admin.submit(last.text, '#proposals-form', { accept: ['101', '120'] });
      expect({ status: finished.status, location: finished.headers.location }).toEqual({ status: 303, location: `/documents/${id}` });
      expect(Number((await app.dataSource.query(`SELECT COUNT(*) AS n FROM directives WHERE source_document_id = ${id}`))[0].n)).toBe(52);
      // Sent again (back and submit, a double click): handled once.
      const beforeAgain = await counts();
      const again = await admin.submit(last.text, '#proposals-form', { accept: ['101', '120'] });
      expect({ status: again.status, location: again.headers.location }).toEqual({ status: 303, location: finished.headers.location });
      expect(await flashOf(admin, again.headers.location)).toContain('这份表单刚才已经提交过，没有重复办理');
      expect(await counts()).toEqual(beforeAgain);
      // A page past the last shows the last; a page that is no number is refused.
      expect(proposalsOn(load((await admin.get(`/documents/${id}/extraction?page=9`)).text))[0]).toBe('proposal-101');
      expect((await admin.get(`/documents/${id}/extraction?page=abc`)).status).toBe(400);
    });

    it('remembers an owner the text writes differently as a unit’s alias, from the review page', async () => {
      const admin = await signedIn('office');
      const before = await counts();
      let shown = await admin.get(review);
      const form = `form.alias-form:has(input[value="各快递企业"])`;
      // No unit is chosen for the office: the list starts blank, and a blank one is refused.
      expect(load(shown.text)(`${form} select[name="unitId"] option`).first().attr('value')).toBe('');
      const unchosen = await admin.submit(shown.text, form);
      expect(unchosen.status).toBe(400);
      expect(await counts()).toEqual(before);
      shown = await admin.get(review);
      const taken = await admin.submit(shown.text, form, { alias: '通管局', unitId: String(org.town.id) });
      expect(taken.status).toBe(409);
      expect(mainText(taken.text)).toContain('别名“通管局”已是另一个单位的别名');
      expect(await counts()).toEqual(before);
      shown = await admin.get(review);
      const done = await admin.submit(shown.text, form, { unitId: String(telecomUnitId) });
      expect(done.status).toBe(303);
      expect(await flashOf(admin, done.headers.location)).toContain('已把“各快递企业”记为“测试市通信管理局”的别名');
      const after = load((await admin.get(review)).text);
      expect(after('#unmatched').length).toBe(0);
      expect(after('#proposal-3 input[name="p3.cooperatingUnitIds"][checked]').attr('value')).toBe(String(telecomUnitId));
      expect((await office.get(`/api/units/${telecomUnitId}`).expect(200)).body.aliases).toEqual(['电信主管部门', '通管局', '各快递企业']);
    });

    it('edits a unit’s aliases on the unit form, one a line', async () => {
      const admin = await signedIn('office');
      const edit = `/units/${org.town.id}/edit`;
      let shown = await admin.get(edit);
      const refused = await admin.submit(shown.text, `form[action="/units/${org.town.id}"]`, { aliases: '东湖街道办\n通管局', contactPerson: '赵敏' });
      expect(refused.status).toBe(409);
      expect(mainText(refused.text)).toContain('“通管局”已是另一个单位的别名');
      expect(load(refused.text)('textarea[name="aliases"]').text()).toBe('东湖街道办\n通管局');
      shown = await admin.get(edit);
      const done = await admin.submit(shown.text, `form[action="/units/${org.town.id}"]`, { aliases: '东湖街道办\n东湖办事处\n' });
      expect(done.status).toBe(303);
      expect((await office.get(`/api/units/${org.town.id}`).expect(200)).body.aliases).toEqual(['东湖街道办', '东湖办事处']);
      expect(load((await admin.get(edit)).text)('textarea[name="aliases"]').text()).toBe('东湖街道办\n东湖办事处');
    });

    it('registers a document whose body is read from an uploaded Word file; a scan is refused, keeping what was typed', async () => {
      const admin = await signedIn('office');
      const before = await counts();
      let shown = await admin.get('/documents/new');
      const scan = await admin.submit(shown.text, 'form[action="/documents"]', { kind: 'policy', title: '扫描的方案', issuer: '测试市反诈联席办', issuedOn: '2026-09-18', bodyFromFile: 'on' }, [{ field: 'files', name: '方案扫描件.pdf', content: await scannedPdf() }]);
      expect(scan.status).toBe(422);
      expect(mainText(scan.text)).toContain('“方案扫描件.pdf”没有文字层（可能是扫描件）');
      expect(load(scan.text)('input[name="title"]').attr('value')).toBe('扫描的方案');
      expect(load(scan.text)('input[name="bodyFromFile"]').is('[checked]')).toBe(true);
      expect(await counts()).toEqual(before);
      shown = await admin.get('/documents/new');
      const done = await admin.submit(shown.text, 'form[action="/documents"]', { kind: 'policy', title: 'Word 方案', issuer: '测试市反诈联席办', issuedOn: '2026-09-18', bodyFromFile: 'on', body: '不取这段' }, [{ field: 'files', name: '方案.docx', content: await docx(MINUTES) }]);
      expect(done.status).toBe(303);
      expect(await flashOf(admin, done.headers.location)).toContain(`全文取自上传的文件（${MINUTES_TEXT.length} 个字符）`);
      const id = Number(done.headers.location.split('/').pop());
      expect((await office.get(`/api/documents/${id}`).expect(200)).body.body).toBe(MINUTES_TEXT);
      // Nothing pasted, the box not ticked: the uploaded Word file's text is the body all the same.
      shown = await admin.get('/documents/new');
      const unticked = await admin.submit(shown.text, 'form[action="/documents"]', { kind: 'policy', title: 'Word 方案（未勾选）', issuer: '测试市反诈联席办', issuedOn: '2026-09-18' }, [{ field: 'files', name: '方案.docx', content: await docx(MINUTES) }]);
      expect(unticked.status).toBe(303);
      expect(await flashOf(admin, unticked.headers.location)).toContain('全文取自上传的文件');
      expect((await office.get(`/api/documents/${Number(unticked.headers.location.split('/').pop())}`).expect(200)).body.body).toBe(MINUTES_TEXT);
    });

    it('registers a pasted body up to the limit however the browser sends its line breaks; a longer one is refused, kept as typed', async () => {
      const admin = await signedIn('office');
      // 199,999 characters as the text box counts them (a line break one), over 200,000 as a browser sends them (CRLF).
      const line = '开展反诈宣传，10月底前完成全市社区覆盖（测试市公安局牵头）。'.padEnd(99, '。');
      const pasted = Array.from({ length: 1999 }, () => line).join('\r\n') + '\r\n' + '。'.repeat(99);
      expect(pasted.replace(/\r\n/g, '\n').length).toBe(199_999);
      let shown = await admin.get('/documents/new');
      const done = await admin.submit(shown.text, 'form[action="/documents"]', { kind: 'policy', title: '长方案', issuer: '测试市反诈联席办', issuedOn: '2026-09-18', body: pasted });
      expect(done.status).toBe(303);
      const id = Number(done.headers.location.split('/').pop());
      expect((await office.get(`/api/documents/${id}`).expect(200)).body.body).toBe(pasted.replace(/\r\n/g, '\n'));
      const before = await counts();
      shown = await admin.get('/documents/new');
      expect(load(shown.text)('textarea[name="body"]').attr('maxlength')).toBeUndefined();
      const tooLong = await admin.submit(shown.text, 'form[action="/documents"]', { kind: 'policy', title: '更长的方案', issuer: '测试市反诈联席办', issuedOn: '2026-09-18', body: `${pasted}\r\n。。` });
      expect(tooLong.status).toBe(400);
      expect(mainText(tooLong.text)).toContain('全文有 200002 个字符，不能超过 200000 个字符；请拆分后分别登记');
      expect(load(tooLong.text)('textarea[name="body"]').text()).toBe(`${pasted}\r\n。。`.replace(/\r\n/g, '\n'));
      expect(await counts()).toEqual(before);
    });
  });
});

describe(`任务分解 in the demo city (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  const password = 'demo-extraction-passphrase-2026';

  beforeAll(async () => {
    app = await startTestApp({ SEED_DEMO: 'true', DEMO_PASSWORD: password });
  });
  afterAll(() => app.close());

  it('lets the office open the latest minutes, click 分解任务, see the proposals with their units matched and issue them', async () => {
    const office = new PageClient(app);
    expect((await office.signIn('office', password)).status).toBe(303);
    const list = load((await office.get('/documents')).text);
    const link = list('#document-list a').filter((_, a) => list(a).text().includes('第五次全体会议纪要')).attr('href')!;
    const document = load((await office.get(link)).text);
    const review = document('#extract-button').attr('href')!;
    const page = await office.get(review);
    const $ = load(page.text);
    const proposals = $('fieldset.proposal');
    expect(proposals.length).toBeGreaterThanOrEqual(3);
    // One anchor where each proposal's sentence begins (sentences of several tasks share one mark).
    expect($('.marked-text .anchor').length).toBe(proposals.length);
    expect($('.marked-text mark').length).toBeGreaterThan(0);
    // Every proposal's lead is matched to a unit (by name, short name or the alias the demo gives).
    proposals.each((_, p) => {
      expect($(p).find('select[name$=".leadUnitId"] option[selected]').attr('value')).toMatch(/^\d+$/);
    });
    const done = await office.submit(page.text, '#proposals-form');
    expect(done.status).toBe(303);
    const after = load((await office.get(done.headers.location)).text);
    expect(after('#flash').text()).toContain(`已据本文件下达 ${proposals.length} 项督办事项`);
    expect(after('.marked-text .anchor[id^="d-"]').length).toBe(proposals.length);
    const directive = after('.marked-text mark a').first().attr('href')!;
    expect(load((await office.get(directive)).text)('#source-span-link').attr('href')).toMatch(/^\/documents\/\d+\?directive=\d+#d-\d+$/);
  });
});

