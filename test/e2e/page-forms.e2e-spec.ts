import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import ExcelJS from 'exceljs';
import { FormFile, formOn, PageClient, pageClients } from '../support/browser-session';
import { Organisation, PASSWORD, seedOrganisation } from '../support/fixtures';
import { JPEG, sealPng } from '../support/png';
import { chinaTime, controlClock, drain } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

type Values = Record<string, string | string[]>;

/** A submission the page must refuse: the status, what it says, and what it keeps of what was typed. */
interface Refusal {
  values?: Values;
  files?: FormFile[];
  status?: number;
  says: string | RegExp;
  keeps?: Values;
}

/** The submission that goes through: the confirmation it asks for first, if any, and what it says after. */
interface Success {
  values?: Values;
  files?: FormFile[];
  asks?: string;
  says: string | RegExp;
  /** Then sent again from the same page (back and submit, a double click): handled once. */
  twice?: boolean;
}

const pdf = (name: string): FormFile => ({ field: 'files', name, content: Buffer.from('%PDF-1.4\n%测试\n') });
const png = (name: string): FormFile => ({ field: 'files', name, content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]) });
/** A photo over the test's 1 MB limit. */
const bigPhoto = (name: string): FormFile => ({ field: 'files', name, content: Buffer.concat([png(name).content, Buffer.alloc(1_200_000)]) });
const mainText = (html: string) => load(html)('main').text().replace(/\s+/g, ' ');
/** What a refused page says, so a failing expectation shows why the page refused. */
const alertOf = (html: string) => load(html)('.alert-error, p.lead').text().replace(/\s+/g, ' ');

/**
 * Every form of every page, submitted through the page as a person would: with several ticked boxes,
 * with files, with what the page must refuse (shown again with a Chinese message, what was typed still
 * there, nothing stored), then as it should be (asked first when it cannot be undone, told after).
 */
describe(`every page form, through the page (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let clock: ReturnType<typeof controlClock>;
  const office = () => signedIn('office');
  const town = () => signedIn('unit-town');
  let signedIn: (username: string) => Promise<PageClient>;

  beforeAll(async () => {
    // Small limits, so a refused upload costs the test little.
    app = await startTestApp({ UPLOAD_MAX_MB: '1', UPLOAD_MAX_FILES: '3' });
    clock = controlClock([app], chinaTime('2026-09-21', '10:00'));
    org = await seedOrganisation(app.dataSource);
    signedIn = pageClients(app, PASSWORD);
  });
  afterAll(() => app.close());


  /** Every row of every stored table, to prove a refused form (or a question) changed nothing. */
  async function snapshot(): Promise<Record<string, string[]>> {
    await drain([app]);
    const tables: Record<string, string[]> = {};
    // Which forms were sent is bookkeeping, not the office's data.
    for (const { tableName } of app.dataSource.entityMetadatas.filter((m) => m.tableName !== 'form_submissions')) {
      const rows: object[] = await app.dataSource.query(`SELECT * FROM ${tableName}`);
      tables[tableName] = rows.map((row) => JSON.stringify(row)).sort();
    }
    return tables;
  }

  const lastId = async (table: string): Promise<number> => Number((await app.dataSource.query(`SELECT MAX(id) AS id FROM ${table}`))[0].id);

  /** Refuses each bad submission, then takes the good one; answers the page it ends on. */
  async function fill(client: PageClient, page: string, form: string, refusals: Refusal[], success: Success): Promise<{ location: string; text: string }> {
    for (const refusal of refusals) {
      const shown = await client.get(page);
      expect({ page, status: shown.status }).toEqual({ page, status: 200 });
      const before = await snapshot();
      const refused = await client.submit(shown.text, form, refusal.values, refusal.files);
      expect({ form, status: refused.status }).toEqual({ form, status: refusal.status ?? 400 });
      expect(mainText(refused.text)).toMatch(refusal.says);
      const kept = formOn(refused.text, form).fields;
      for (const [name, value] of Object.entries(refusal.keeps ?? {})) {
        expect(kept).toEqual(expect.arrayContaining(([] as string[]).concat(value).map((v) => [name, v])));
      }
      expect(await snapshot()).toEqual(before);
    }
    const shown = await client.get(page);
    // The form's token travels among its fields, never in the address (where it would stay in the bar).
    expect(formOn(shown.text, form).action).not.toContain('_csrf');
    let done = await client.submit(shown.text, form, success.values, success.files);
    let question: typeof done | null = null;
    if (success.asks) {
      expect({ form, status: done.status, refusal: alertOf(done.text) }).toEqual({ form, status: 200, refusal: '' });
      expect(mainText(done.text)).toContain(success.asks);
      question = done;
      done = await client.confirm(done);
    }
    expect({ form, status: done.status, location: done.headers.location, refusal: alertOf(done.text) }).toEqual({ form, status: 303, location: expect.stringMatching(/^\//), refusal: '' });
    const next = await client.get(done.headers.location);
    expect(load(next.text)('#flash').text()).toMatch(success.says);
    if (success.twice) {
      const before = await snapshot();
      const again = question ? await client.confirm(question) : await client.submit(shown.text, form, success.values, success.files);
      expect({ form, status: again.status, location: again.headers.location }).toEqual({ form, status: 303, location: done.headers.location });
      expect(load((await client.get(again.headers.location)).text)('#flash').text()).toContain('这份表单刚才已经提交过，没有重复办理');
      expect(await snapshot()).toEqual(before);
    }
    return { location: done.headers.location, text: next.text };
  }

  let unitId: number;
  let userId: number;

  it('units, users, the calendar, source documents', async () => {
    const admin = await office();
    await fill(admin, '/units/new', 'form[action="/units"]', [{ values: { name: '', shortName: '新区', kind: 'township' }, says: '不能为空', keeps: { shortName: '新区', kind: 'township' } }], {
      values: { name: '测试市高新区管委会', shortName: '高新区', kind: 'township', contactPerson: '李四' },
      says: '已新增单位“测试市高新区管委会”',
    });
    unitId = await lastId('units');
    await fill(admin, `/units/${unitId}/edit`, `form[action="/units/${unitId}"]`, [{ values: { shortName: '' }, says: '不能为空', keeps: { contactPerson: '李四' } }], { values: { contactPhone: '0571-1234567' }, says: '已保存单位' });

    await fill(
      admin,
      '/users/new',
      'form[action="/users"]',
      [
        { values: { username: 'gaoxin', displayName: '高新联络员', role: 'unit', unitId: String(unitId), password: 'password' }, says: /密码/, keeps: { username: 'gaoxin', displayName: '高新联络员', unitId: String(unitId) } },
        { values: { username: 'gaoxin', displayName: '高新联络员', role: 'unit', unitId: String(unitId), password: 'gaoxin-2026-secret' }, says: /用户名|登录名/ },
      ],
      { values: { username: 'gaoxin', displayName: '高新联络员', role: 'unit', unitId: String(unitId), password: 'harbour lantern quietly' }, says: '已新增账号 gaoxin（高新联络员）' },
    );
    userId = await lastId('users');
    await fill(admin, `/users/${userId}/edit`, `form[action="/users/${userId}"]`, [{ values: { displayName: '', email: 'gx@example.cn' }, says: '不能为空', keeps: { email: 'gx@example.cn' } }], { values: { phone: '13800000000' }, says: '已保存账号 gaoxin' });
    await fill(admin, `/users/${userId}/edit`, `form[action="/users/${userId}/password"]`, [{ values: { newPassword: '12345678' }, says: /密码/ }], { values: { newPassword: 'copper meadow whistle' }, says: '已重置 gaoxin 的密码' });

    await fill(
      admin,
      '/calendar',
      'form[action="/calendar/days"]',
      [{ values: { date: '2027-02-30', kind: 'holiday', note: '本地放假' }, says: /日期/, keeps: { note: '本地放假', kind: 'holiday' } }],
      { values: { date: '2027-01-04', kind: 'holiday', note: '本地放假' }, says: '已将 2027-01-04 设为放假日' },
    );
    await fill(admin, '/calendar', 'form[action="/calendar/days/2027-01-04/delete"]', [], { says: '已删除协调办对 2027-01-04 的设定' });
    await fill(admin, '/calendar', 'form[action="/calendar/years"]', [{ values: { year: '1999' }, says: '不能小于 2000' }], { values: { year: '2090' }, says: '已确认 2090 年的放假安排录入完毕' });

    await fill(
      admin,
      '/documents/new',
      'form[action="/documents"]',
      [{ values: { title: '', issuer: '测试市反诈联席办', issuedOn: '2026-09-18', body: '会议要求……' }, files: [pdf('纪要.pdf')], says: '不能为空', keeps: { issuer: '测试市反诈联席办', body: '会议要求……' } }],
      { values: { kind: 'minutes', title: '第三次联席会议纪要', issuer: '测试市反诈联席办', issuedOn: '2026-09-18', body: '会议要求各成员单位……' }, files: [pdf('纪要.pdf'), png('签到表.png')], says: '已登记来源文件“第三次联席会议纪要”及 2 个附件' },
    );
  });

  let taskId: number;
  let policeTaskId: number;

  it('a directive with several cooperating units, and its task through every form of the task page', async () => {
    const admin = await office();
    const cooperating = [String(org.police.id), String(unitId)];
    const created = await fill(
      admin,
      '/directives/new',
      '#directive-form',
      [{ values: { title: '', requirement: '各村社开展集中宣传。', category: '宣传防范', leadUnitId: String(org.town.id), cooperatingUnitIds: cooperating }, says: '不能为空', keeps: { requirement: '各村社开展集中宣传。', cooperatingUnitIds: cooperating, leadUnitId: String(org.town.id) } }],
      { values: { title: '反诈宣传进万家', requirement: '各村社开展集中宣传。', category: '宣传防范', deadlineKind: 'workingDays', deadlineWorkingDays: '10', leadUnitId: String(org.town.id), cooperatingUnitIds: cooperating }, says: /已下达督办事项 DB-2026-\d{4}，3 个单位收到任务；办理时限 2026-10-1\d/, twice: true },
    );
    const directiveId = Number(created.location.split('/').pop());
    const rows: { id: number; unit_id: number }[] = await app.dataSource.query(`SELECT id, unit_id FROM assignments WHERE directive_id = ${directiveId}`);
    taskId = rows.find((r) => Number(r.unit_id) === org.town.id)!.id;
    policeTaskId = rows.find((r) => Number(r.unit_id) === org.police.id)!.id;
    const task = `/tasks/${taskId}`;

    const unit = await town();
    await fill(unit, task, `form[action="${task}/acknowledge"]`, [{ values: { version: '99' }, status: 409, says: '已被他人更新' }], { says: '已签收' });
    await fill(
      unit,
      task,
      '#report-form',
      [
        { values: { narrative: '已开展 5 场', percentDone: '130' }, files: [png('现场.png')], says: '不能大于 100', keeps: { narrative: '已开展 5 场', percentDone: '130' } },
        // A photo too large: the form comes back with the text, naming the file.
        { values: { narrative: '已开展 5 场', percentDone: '30' }, files: [png('现场.png'), bigPhoto('航拍全景.png')], status: 413, says: '“航拍全景.png”超过 1 MB', keeps: { narrative: '已开展 5 场', percentDone: '30' } },
      ],
      { values: { narrative: '已开展 5 场宣传', percentDone: '40' }, files: [png('现场1.png'), png('现场2.png')], says: '已报送进展（附 2 个文件）', twice: true },
    );
    await fill(unit, task, '#extension form', [{ values: { requestedDeadline: '2026-02-30', reason: '场地紧张' }, says: /延至|日期/, keeps: { reason: '场地紧张' } }], { values: { requestedDeadline: '2026-12-31', reason: '场地紧张' }, says: '已提交延期申请（申请延至 2026-12-31）' });

    await fill(admin, task, `form[action$="/review"]:has(input[value="return"])`, [{ values: { note: '' }, says: '退回' }], { values: { note: '请附宣传照片的说明' }, says: '已退回这份进展报告' });
    await fill(admin, task, `form[action$="/decision"]:has(input[value="refuse"])`, [{ values: { note: '' }, says: '理由' }], { values: { note: '按原期限办理' }, says: '已不同意延期' });

    await fill(unit, task, `form[action="${task}/complete"]`, [{ values: { narrative: '' }, files: [pdf('总结.pdf')], says: '不能为空' }], { values: { narrative: '全部村社已开展宣传。' }, files: [pdf('总结.pdf')], says: '已申请办结' });
    await fill(admin, task, `form[action="${task}/return"]`, [{ values: { reason: '' }, says: '不能为空' }], { values: { reason: '缺少两个村的记录' }, says: '已退回办结申请' });
    // The unit reads why at the top of the task, then asks again.
    expect(mainText((await unit.get(task)).text)).toContain('协调办退回了办结申请（');
    await fill(unit, task, `form[action="${task}/complete"]`, [], { values: { narrative: '已补齐两个村的记录。' }, says: '已申请办结' });
    await fill(admin, task, `form[action="${task}/close"]`, [{ values: { version: '1' }, status: 409, says: '已被他人更新' }], { asks: '确认销号', says: '已同意办结，任务销号', twice: true });
    // Who did what: the history and the reviews name the person.
    const history = mainText((await admin.get(task)).text);
    expect(history).toMatch(/unit-town · 签收/);
    expect(history).toMatch(/office · 销号/);
    expect(history).toContain('unit-town报送');
    expect(history).toContain('审核意见（office）：请附宣传照片的说明');
    expect(history).toContain('审批意见（office）：按原期限办理');
    await fill(admin, `/tasks/${policeTaskId}`, `form[action="/tasks/${policeTaskId}/cancel"]`, [{ values: { reason: '' }, says: '不能为空' }], { values: { reason: '职责调整' }, asks: '确认撤销', says: '已撤销这项任务' });
  });

  it('notices: drafted from a task, edited, issued, voided, corrected, chased and acknowledged', async () => {
    const admin = await office();
    const task = `/tasks/${taskId}`;
    const drafted = await fill(admin, task, 'form[action="/notices"]:has(input[value="supervision_notice"])', [], { says: '已按记录起草督办通知书', twice: true });
    const notice = drafted.location;
    const copyTo = ['李明远（副市长、联席会议召集人）', '王五'];
    await fill(
      admin,
      notice,
      `form[action="${notice}/edit"]`,
      [{ values: { title: '', 'content.contact': '周静 0571-88880000' }, says: '不能为空', keeps: { 'content.contact': '周静 0571-88880000' } }],
      { values: { copyTo: copyTo.join('\n'), 'content.contact': '周静 0571-88880000', 'content.replyBy': '2026年10月20日' }, says: '已保存草稿' },
    );
    const id = Number(notice.split('/').pop());
    // One recipient a line: the 、 inside a name does not split it.
    expect(JSON.parse((await app.dataSource.query(`SELECT copy_to FROM notices WHERE id = ${id}`))[0].copy_to)).toEqual(copyTo);
    // 保存并印发: what is on the form is saved, then the question, then the number.
    const question = await fill(admin, notice, `form[action="${notice}/edit"]`, [{ values: { version: '99', then: 'issue' }, status: 409, says: '已被他人修改' }], { values: { then: 'issue' }, says: '已保存草稿，请确认印发' });
    expect(question.location).toBe(`${notice}/issue`);
    expect(mainText(question.text)).toContain('确认印发');
    const issued = await admin.confirm({ status: 200, text: question.text });
    expect(issued.headers.location).toBe(notice);
    expect(load((await admin.get(notice)).text)('#flash').text()).toMatch(/已印发，文号 反诈办督〔2026〕1号/);
    await fill(admin, notice, `form[action="${notice}/chase"]`, [], { says: '已提醒未签收的接收方' });
    await fill(admin, notice, `form[action="${notice}/void"]`, [{ values: { reason: '' }, says: '不能为空' }], { values: { reason: '期限写错' }, asks: '确认作废', says: '已作废' });
    const correction = await fill(admin, notice, `form[action="${notice}/correct"]`, [], { says: '已起草 反诈办督〔2026〕1号 的更正件' });
    // A title changed and issued at once is the title issued: nothing typed is dropped on the way.
    const corrected = await fill(admin, correction.location, `form[action="${correction.location}/edit"]`, [], { values: { title: '关于督办“反诈宣传进万家”的通知书（更正）', then: 'issue' }, says: '已保存草稿，请确认印发' });
    expect(mainText(corrected.text)).toContain('关于督办“反诈宣传进万家”的通知书（更正）');
    expect((await admin.confirm({ status: 200, text: corrected.text })).status).toBe(303);
    const correctedPage = await admin.get(correction.location);
    expect(load(correctedPage.text)('#flash').text()).toContain('已印发，文号 反诈办督〔2026〕2号');
    expect(load(correctedPage.text)('h1').text()).toContain('（更正）');
    // Signed for once its PDF is there.
    await drain([app]);
    await fill(await town(), correction.location, `form[action="${correction.location}/acknowledge"]`, [], { says: '已签收' });
    expect(mainText((await admin.get(correction.location)).text)).toMatch(/已签收（unit-town，/);

    await fill(
      admin,
      '/notices',
      'form[action="/notices/issuers/circular"]',
      [
        { values: { code: '', name: '测试市打击治理电信网络诈骗联席会议办公室', format: 'letter' }, says: '不能为空', keeps: { name: '测试市打击治理电信网络诈骗联席会议办公室', format: 'letter' } },
        { values: { code: '测反诈通', format: 'scroll' }, says: /版式/, keeps: { code: '测反诈通' } },
      ],
      { values: { code: '测反诈通', name: '测试市反诈联席办' }, says: '已保存通报的发文机关代字、名称和版式（公文格式）' },
    );
    // The interview letter to a unit's head in the letter format, from now on.
    await fill(admin, '/notices', 'form[action="/notices/issuers/interview_letter"]', [], { values: { format: 'letter' }, says: '已保存约谈通知书的发文机关代字、名称和版式（信函格式）' });
    expect((await app.dataSource.query("SELECT format FROM notice_issuers WHERE kind = 'interview_letter'"))[0].format).toBe('letter');

    // The seal: what is not a transparent PNG of a seal's size is refused by its content, naming the file, and nothing is kept.
    const sealFile = (name: string, content: Buffer): FormFile => ({ field: 'files', name, content });
    const seals = join(app.config.uploadDir, 'seals');
    await fill(
      admin,
      '/notices',
      '#seal-form',
      [
        { says: '请选择印章图像文件' },
        { files: [sealFile('公章.png', JPEG)], status: 415, says: '“公章.png”不是 PNG 图片' },
        { files: [sealFile('白底公章.png', sealPng({ colourType: 2 }))], says: '“白底公章.png”没有透明背景' },
        { files: [sealFile('横幅.png', sealPng({ width: 4000, height: 120 }))], says: '“横幅.png”为 4000×120 像素' },
        { files: [sealFile('高清公章.png', sealPng({ padding: 1_200_000 }))], status: 413, says: '“高清公章.png”超过 1 MB' },
        { values: { version: '99' }, files: [sealFile('公章.png', sealPng())], status: 409, says: '已被他人修改' },
      ],
      { files: [sealFile('联席办公章.png', sealPng())], says: '已上传印章“联席办公章.png”' },
    );
    expect(readdirSync(seals)).toEqual([`${createHash('sha256').update(sealPng()).digest('hex')}.png`]);
    const settings = await admin.get('/notices');
    expect(load(settings.text)('#seal-current img').attr('src')).toBe('/notices/seal');
    expect((await admin.get('/notices/seal')).body).toEqual(sealPng());
    await fill(admin, '/notices', '#seal-remove-form', [{ values: { version: '99' }, status: 409, says: '已被他人修改' }], { says: '已移除印章' });
    expect(mainText((await admin.get('/notices')).text)).toContain('未上传印章');
    await fill(admin, '/notices', '#seal-form', [], { files: [sealFile('联席办公章（新）.png', sealPng({ width: 300, height: 300 }))], says: '已上传印章“联席办公章（新）.png”' });
    await fill(admin, '/notices', 'form[action="/notices"]', [], { says: '已按记录起草通报' });
  });

  let itemId: number;

  it('an inspection of several units with photos and findings, and its item through every step', async () => {
    const admin = await office();
    const inspected = [String(org.police.id), String(org.town.id)];
    const created = await fill(
      admin,
      '/inspections/new',
      '#inspection-form',
      [{ values: { title: '', inspectedOn: '2026-09-20', inspectors: '暗访组', summary: '抽查宣传阵地。', unitIds: inspected }, says: '不能为空', keeps: { inspectors: '暗访组', unitIds: inspected } }],
      { values: { title: '九月明查暗访', type: 'unannounced', inspectedOn: '2026-09-20', inspectors: '暗访组', summary: '抽查宣传阵地。', unitIds: inspected }, says: '已登记督导检查“九月明查暗访”（被检查单位 2 个）' },
    );
    const inspection = created.location;
    await fill(
      admin,
      inspection,
      `form[action="${inspection}/attachments"]`,
      [{ says: '请先选择要上传的照片或检查记录' }, { files: [png('1.png'), png('2.png'), png('3.png'), png('4.png')], status: 413, says: '一次最多上传 3 个附件' }],
      { files: [png('暗访1.png'), png('暗访2.png')], says: '已上传 2 个文件' },
    );
    await fill(
      admin,
      inspection,
      '#finding-form',
      [
        { values: { unitId: String(org.town.id), location: '东湖街道湖滨社区', problem: '', rule: '宣传工作方案', requirements: '更新宣传栏' }, says: '不能为空', keeps: { location: '东湖街道湖滨社区', rule: '宣传工作方案' } },
        { values: { unitId: String(org.town.id), location: '东湖街道湖滨社区', problem: '宣传栏内容陈旧', rule: '宣传工作方案', requirements: '更新宣传栏', recheckOn: '2026-09-01' }, says: '复查日期不能早于今天（2026-09-21）', keeps: { recheckOn: '2026-09-01' } },
      ],
      { values: { unitId: String(org.town.id), location: '东湖街道湖滨社区', problem: '宣传栏内容陈旧', rule: '宣传工作方案', requirements: '更新宣传栏\n补充反诈海报', deadlineDays: '1', priority: 'normal' }, says: '已录入这个问题' },
    );
    await fill(admin, inspection, '#finding-form', [], { values: { unitId: String(org.police.id), location: '派出所接警大厅', problem: '未张贴预警劝阻流程', rule: '预警劝阻工作规程', requirements: '张贴流程图', deadlineDays: '1', priority: 'normal' }, says: '已录入这个问题' });
    await fill(admin, inspection, '#issue-form', [], { values: { notices: 'issue' }, asks: '确认下发并印发整改通知书', says: '已下发 2 项整改事项，整改通知书已印发' });
    // A second batch says how many it issued, not how many the inspection has.
    await fill(admin, inspection, '#finding-form', [], { values: { unitId: String(org.town.id), location: '东湖街道文化站', problem: '未设反诈宣传角', rule: '宣传工作方案', requirements: '设立宣传角', deadlineDays: '30', priority: 'normal' }, says: '已录入这个问题' });
    await fill(admin, inspection, '#issue-form', [], { values: { notices: 'none' }, says: '已下发 1 项整改事项。' });
    itemId = Number((await app.dataSource.query(`SELECT MIN(id) AS id FROM rectification_items WHERE unit_id = ${org.town.id}`))[0].id);
    const item = `/rectifications/${itemId}`;

    const unit = await town();
    // The office drafts a notice from the item's own page and lands on the draft; the unit is offered none.
    expect(load((await unit.get(item)).text)('#draft-notice').length).toBe(0);
    const letter = await fill(admin, item, '#draft-notice form:has(input[name="rectificationId"]):has(input[value="interview_letter"])', [], { says: '已按记录起草约谈通知书', twice: true });
    expect(letter.location).toMatch(/^\/notices\/\d+$/);
    expect(load(letter.text)('textarea[name="content.reason"], input[name="content.reason"]').val()).toContain('东湖街道湖滨社区：宣传栏内容陈旧');
    const [drafted] = await app.dataSource.query(`SELECT kind, status, addressee FROM notices WHERE id = ${Number(letter.location.split('/').pop())}`);
    expect(drafted).toEqual({ kind: 'interview_letter', status: 'draft', addressee: '测试市东湖街道' });
    await fill(unit, item, '#plan-form', [{ values: { plan: '' }, says: '不能为空' }], { values: { plan: '三日内更新宣传栏。' }, says: '已报送整改方案' });
    await fill(admin, item, `form[action="${item}/plan-return"]`, [{ values: { reason: '' }, says: '不能为空' }], { values: { reason: '请写明责任人' }, says: '已退回整改方案' });
    await fill(unit, item, '#plan-form', [], { values: { plan: '由社区主任负责，三日内更新宣传栏。' }, says: '已报送整改方案' });
    await fill(admin, item, `form[action="${item}/plan-accept"]`, [], { says: '已通过整改方案' });
    await fill(unit, item, '#report-form', [{ values: { report: '已更新。' }, says: '佐证材料', keeps: { report: '已更新。' } }], { values: { report: '宣传栏已更新。' }, files: [png('整改后1.png'), png('整改后2.png')], says: '已报送整改报告（附 2 个佐证材料）' });
    // The office checks the photos where they are: thumbnails on the page, opening in the browser.
    const evidence = await admin.get(item);
    const photo = /<img class="thumb" src="(\/attachments\/\d+)" alt="整改后1\.png"/.exec(evidence.text);
    expect(photo).not.toBeNull();
    const opened = await admin.get(photo![1]);
    expect(opened.status).toBe(200);
    expect(opened.headers['content-disposition']).toMatch(/^inline; /);
    await fill(admin, item, `form[action="${item}/report-return"]`, [{ values: { reason: '' }, says: '不能为空' }], { values: { reason: '照片看不清' }, says: '已退回整改报告' });
    await fill(unit, item, '#report-form', [], { values: { report: '补拍清晰照片。' }, files: [png('整改后3.png')], says: '已报送整改报告' });
    await fill(admin, item, '#sign-off-form', [], { asks: '确认销号', says: '已验收销号' });
    // Signed off, nothing is left to chase with a notice.
    expect(load((await admin.get(item)).text)('#draft-notice').length).toBe(0);
    expect(mainText((await admin.get(item)).text)).toMatch(/unit-town · 报送整改方案.*office · 退回整改方案/);
    await fill(admin, item, `form[action="${item}/reopen"]`, [{ values: { reason: '宣传栏又被遮挡', deadlineDays: '0' }, says: '不能小于 1', keeps: { reason: '宣传栏又被遮挡' } }], { values: { reason: '宣传栏又被遮挡', deadlineDays: '1' }, says: '已重新打开整改' });
  });

  it('the ladder: approving and dismissing prepared rungs, the policy, listing rules, proposals, cards', async () => {
    const admin = await office();
    // Three working days after the reopened item's deadline, the ladder has prepared its first rung.
    clock.set(chinaTime('2026-09-25', '10:00'));
    await drain([app]);
    const queue = await admin.get('/escalations');
    const rungs = [...queue.text.matchAll(/action="\/escalations\/(\d+)\/dismiss"/g)].map((m) => m[1]);
    expect(rungs.length).toBeGreaterThanOrEqual(1);
    await fill(admin, '/escalations', `form[action="/escalations/${rungs[0]}/dismiss"]`, [{ values: { reason: '' }, says: '不能为空' }], { values: { reason: '已电话督促' }, says: '已决定不发出' });

    await fill(
      admin,
      '/policies',
      'form[action="/policies/normal"]',
      [{ values: { reminderDays: '5,三,1' }, says: /提醒/, keeps: { reminderDays: '5,三,1' } }],
      { values: { reminderDays: '5,3,2,1' }, says: '已保存一般事项的督办规则' },
    );
    await fill(admin, '/listings', 'form[action="/listings/rules/overdue_items"]', [{ values: { threshold: '0' }, says: '不能小于 1', keeps: { threshold: '0' } }], { values: { threshold: '1', enabled: 'on' }, says: '已保存提请挂牌的规则' });
    await fill(admin, '/listings', 'form[action="/listings/check"]', [], { says: '新提请挂牌 2 个单位' });
    const proposals: { id: number; unit_id: number }[] = await app.dataSource.query("SELECT id, unit_id FROM listings WHERE status = 'proposed'");
    const townProposal = proposals.find((p) => Number(p.unit_id) === org.town.id)!.id;
    const policeProposal = proposals.find((p) => Number(p.unit_id) === org.police.id)!.id;
    await fill(admin, `/listings/${townProposal}`, `form[action="/listings/${townProposal}/dismiss"]`, [{ values: { reason: '' }, says: '不能为空' }], { values: { reason: '已在整改' }, says: '已决定不予挂牌' });
    await fill(admin, `/listings/${policeProposal}`, `form[action="/listings/${policeProposal}/approve"]`, [{ values: { version: '99' }, status: 409, says: '已被他人更新' }], { values: { note: '同意', circular: 'none' }, asks: '批准挂牌', says: '已批准挂牌' });

    await fill(
      admin,
      '/listings',
      '#listing-form',
      [{ values: { unitId: String(org.town.id), card: 'red', reason: '', conditionsText: '全部整改销号' }, says: '不能为空', keeps: { conditionsText: '全部整改销号', unitId: String(org.town.id), card: 'red' } }],
      { values: { unitId: String(org.town.id), card: 'red', reason: '整改反复', conditionsText: '全部整改销号', circular: 'none' }, asks: '确认挂红牌', says: '已对测试市东湖街道挂红牌' },
    );
    const listing = await lastId('listings');
    await fill(admin, `/listings/${listing}`, `form[action="/listings/${listing}/lower"]`, [{ values: { note: '' }, says: '不能为空' }], { values: { note: '已见成效' }, says: '已由红牌降为黄牌' });
    await fill(admin, `/listings/${listing}`, '#delist-form', [{ values: { note: '' }, says: '不能为空' }], { values: { note: '核查通过', override: 'on', circular: 'none' }, says: '已摘牌' });

    // A rung approved from the queue: asked first, since it issues a notice.
    const pending = [...(await admin.get('/escalations')).text.matchAll(/action="\/escalations\/(\d+)\/approve"/g)].map((m) => m[1]);
    expect(pending.length).toBeGreaterThanOrEqual(1);
    await fill(admin, '/escalations', `form[action="/escalations/${pending[0]}/approve"]`, [], { values: { note: '同意' }, asks: '确认发出', says: '已同意' });
  });

  it('a task-division table imported through its page: nothing, bad files, bad rows, then previewed and confirmed', async () => {
    const admin = await office();
    const sheet = async (name: string, rows: unknown[][]): Promise<FormFile> => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Sheet1').addRows(rows);
      return { field: 'files', name, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
    };
    const table = (rows: unknown[][]) => sheet('分工方案.xlsx', [['序号', '任务', '牵头单位', '配合单位', '完成时限', '目标'], ...rows]);
    const preview = await fill(
      admin,
      '/imports/directives',
      '#import-upload',
      [
        { status: 422, says: '请选择要导入的 Excel 文件' },
        { files: [pdf('分工方案.xlsx')], status: 415, says: '“分工方案.xlsx”不是 Excel 工作簿（.xlsx），而是PDF文件' },
        { files: [{ ...(await table([[1, '甲'.repeat(10), '测试市公安局', '', '6月底前', '']])), content: Buffer.concat([(await table([])).content, Buffer.alloc(1_100_000)]) }], status: 413, says: '超过 1 MB' },
        { files: [await table([[1, '开展反诈进校园', '教育局', '', '12月底前', '']])], status: 422, says: /有 1 行需要修改.*“教育局”不是已登记的单位/ },
      ],
      { files: [await table([[1, '开展反诈进校园', '东湖街道', '公安局', '2026年12月31日', ''], [2, '推广国家反诈中心APP', '公安局', '', '12月底前', '安装率达到60%']])], says: '已读取“分工方案.xlsx”的 2 行，均可导入' },
    );
    expect(preview.location).toMatch(/^\/imports\/directives\/preview\/[0-9a-f-]{36}$/);
    expect(load(preview.text)('#import-rows tbody tr')).toHaveLength(2);
    expect(mainText(preview.text)).toContain('牵头：公安局；时限：2026-12-31；目标：安装率 ≥ 60%');
    await fill(admin, preview.location, '#import-confirm', [], { says: '已从“分工方案.xlsx”导入 2 条督办事项', twice: true });
    expect((await admin.get(preview.location)).status).toBe(404);

    const units = (rows: unknown[][]) => sheet('单位.xlsx', [['单位全称', '简称', '单位类别', '别名'], ...rows]);
    const unitsPreview = await fill(admin, '/imports/units', '#import-upload', [{ files: [await units([['测试市公安局', '公安', '职能部门', '']])], status: 422, says: '已有名为“测试市公安局”的单位' }], {
      files: [await units([['测试市委网信办', '网信办', '职能部门', '市委网信办、网信部门']])],
      says: '已读取“单位.xlsx”的 1 行，均可导入',
    });
    await fill(admin, unitsPreview.location, '#import-confirm', [], { says: '已从“单位.xlsx”导入 1 个单位' });
  });

  it('the inbox, one’s own password, and the sign-in form', async () => {
    const unit = await town();
    await fill(unit, '/inbox', 'form[action="/inbox/read-all"]', [], { says: /已将 \d+ 条消息标为已读/ });
    await fill(
      unit,
      '/account/password',
      'form[action="/account/password"]',
      [
        { values: { currentPassword: PASSWORD, newPassword: 'river lamp cloud', confirmPassword: 'river lamp clouds' }, says: '两次输入的新密码不一致' },
        { values: { currentPassword: PASSWORD, newPassword: '12345678abcd', confirmPassword: '12345678abcd' }, says: /密码/ },
      ],
      { values: { currentPassword: PASSWORD, newPassword: 'river lamp cloud', confirmPassword: 'river lamp cloud' }, says: '密码已修改' },
    );

    // Signed out in another window, then the plan is sent: sign in again and come back to the item.
    const late = new PageClient(app);
    expect((await late.signIn('unit-town', 'river lamp cloud')).status).toBe(303);
    const item = await late.get(`/rectifications/${itemId}`);
    const home = await late.get('/');
    await late.submit(home.text, 'form[action="/logout"]');
    const lost = await late.submit(item.text, '#plan-form', { plan: '写了很久的整改方案' }, [], `/rectifications/${itemId}`);
    expect(lost.status).toBe(303);
    expect(lost.headers.location).toBe(`/login?expired=1&next=${encodeURIComponent(`/rectifications/${itemId}`)}`);
    expect(mainText((await late.get(lost.headers.location)).text)).toContain('登录已失效');

    const visitor = new PageClient(app);
    const login = await visitor.get('/login');
    const refused = await visitor.submit(login.text, 'form[action="/login"]', { username: 'unit-town', password: PASSWORD });
    expect(refused.status).toBe(401);
    expect(mainText(refused.text)).toContain('用户名或密码错误');
    expect(formOn(refused.text, 'form[action="/login"]').fields).toContainEqual(['username', 'unit-town']);
    const signedIn = await visitor.submit(refused.text, 'form[action="/login"]', { username: 'unit-town', password: 'river lamp cloud' });
    expect(signedIn.status).toBe(303);
  });
});
