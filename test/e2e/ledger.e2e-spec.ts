import { load } from 'cheerio';
import ExcelJS from 'exceljs';
import { pageClients } from '../support/browser-session';
import { as, binary, login, Organisation, PASSWORD, seedOrganisation, tableCounts } from '../support/fixtures';
import { chinaTime, controlClock } from '../support/scheduling';
import { downloadWorkbook, rowsOf, workbookOf } from '../support/workbooks';
import { startTestApp, TestApp } from '../support/test-app';
import { Notice, NoticeRecipient } from '../../src/notices/notice.entity';

type Client = ReturnType<typeof as>;

/** What an import may write: nothing, until it is confirmed. */
const STORED = ['units', 'users', 'directives', 'assignments', 'scheduled_actions', 'import_preview_rows'];

async function xlsx(rows: unknown[][], build: (sheet: ExcelJS.Worksheet) => void = () => undefined): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('分工方案');
  sheet.addRows(rows);
  build(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe(`台账 Excel: export, import with preview and confirm (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let office: Client;
  let leader: Client;
  let police: Client;
  let counts: () => Promise<Record<string, number>>;
  let clock: ReturnType<typeof controlClock>;

  const download = downloadWorkbook;
  const preview = (client: Client, kind: string, file: Buffer, name = '分工方案.xlsx') => client.post(`/api/imports/${kind}/preview`).attach('files', file, name);

  beforeAll(async () => {
    app = await startTestApp();
    // Tuesday 10 March 2026, 10:00 in China.
    clock = controlClock([app], chinaTime('2026-03-10', '10:00'));
    org = await seedOrganisation(app.dataSource);
    office = as(app, await login(app, 'office'));
    leader = as(app, await login(app, 'leader'));
    police = as(app, await login(app, 'unit-police'));
    counts = () => tableCounts(app.dataSource, STORED);
    const installs = (await office
      .post('/api/directives')
      .send({ title: '全面推广国家反诈中心APP', requirement: '社区全覆盖', category: '宣传防范', priority: 'important', deadline: '2026-06-30', metric: { name: '国家反诈中心APP安装率', unit: '%', comparator: 'gte', target: 60 }, leadUnitId: org.police.id, cooperatingUnitIds: [org.town.id] })
      .expect(201)).body;
    await office.post('/api/directives').send({ title: '每月报送街道反诈宣传情况', requirement: '按月报送', category: '宣传防范', priority: 'normal', reportCycle: 'monthly', reportDay: 5, leadUnitId: org.town.id }).expect(201);
    const task = installs.assignments.find((a: { unitId: number }) => a.unitId === org.police.id);
    const acknowledged = (await police.post(`/api/assignments/${task.id}/acknowledge`).send({ version: task.version }).expect(200)).body;
    await police.post(`/api/assignments/${task.id}/reports`).send({ version: acknowledged.version, narrative: '已完成城区社区推广，安装率达到45%', percentDone: 40, metricValue: 45 }).expect(200);
  });
  afterAll(() => app.close());

  it('exports the directives with a frozen header, a filter, widths and each unit\'s figures', async () => {
    const workbook = await download(office, '/api/ledger/directives.xlsx');
    const [directives, tasks] = workbook.worksheets;
    expect([directives.name, tasks.name]).toEqual(['督办事项', '各单位任务']);
    for (const sheet of [directives, tasks]) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.getRow(1).font?.bold ?? sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(40);
    }
    expect(directives.getRow(1).values).toEqual([undefined, '编号', '任务', '类别', '紧急程度', '牵头单位', '配合单位', '完成时限', '目标', '承办单位数', '已办结', '超期']);
    expect(rowsOf(directives)).toEqual([
      ['DB-2026-0001', '全面推广国家反诈中心APP', '宣传防范', '重要', '公安局', '东湖街道', '2026-06-30', '国家反诈中心APP安装率达到60%以上', '2', '0', '0'],
      ['DB-2026-0002', '每月报送街道反诈宣传情况', '宣传防范', '一般', '东湖街道', '', '每月5日前报送', '', '1', '0', '0'],
    ]);
    // A deadline is a date cell, not text.
    expect(directives.getRow(2).getCell(7).value).toEqual(new Date('2026-06-30T00:00:00Z'));
    const taskRows = rowsOf(tasks);
    expect(taskRows).toHaveLength(3);
    const policeRow = taskRows.find((r) => r[2] === '公安局')!;
    expect(policeRow).toEqual(['DB-2026-0001', '全面推广国家反诈中心APP', '公安局', '牵头单位', '办理中', '2026-06-30', '', '40', '国家反诈中心APP安装率', '60', '45', '%', '2026-03-10', '已完成城区社区推广，安装率达到45%']);
  });

  it('lets a unit export only its own tasks, and follows the list\'s filters', async () => {
    const workbook = await download(police, '/api/ledger/directives.xlsx');
    expect(rowsOf(workbook.worksheets[0]).map((r) => r[0])).toEqual(['DB-2026-0001']);
    expect(rowsOf(workbook.worksheets[1]).map((r) => r[2])).toEqual(['公安局']);
    const filtered = await download(office, `/api/ledger/directives.xlsx?unitId=${org.town.id}&status=issued`);
    expect(rowsOf(filtered.worksheets[1]).map((r) => [r[0], r[2]])).toEqual([
      ['DB-2026-0001', '东湖街道'],
      ['DB-2026-0002', '东湖街道'],
    ]);
    const none = await download(leader, '/api/ledger/directives.xlsx?q=不存在的事项');
    expect(none.worksheets[0].actualRowCount).toBe(1);
  });

  it('links each list to its export with the list\'s filters, downloadable from the page as its reader may', async () => {
    const pages = pageClients(app, PASSWORD);
    const unit = await pages('unit-police');
    const list = load((await unit.get('/directives?status=in_progress&sort=priority')).text);
    const link = list('#export-directives').attr('href')!;
    expect(link).toBe('/ledger/directives.xlsx?status=in_progress');
    const file = await app.http().get(link).set('Cookie', unit.cookieHeader()).buffer(true).parse(binary).expect(200);
    expect(rowsOf((await workbookOf(file.body as Buffer)).worksheets[1]).map((r) => [r[2], r[4]])).toEqual([['公安局', '办理中']]);
    const office = await pages('office');
    expect(load((await office.get('/rectifications?open=true')).text)('#export-rectifications').attr('href')).toBe('/ledger/rectifications.xlsx?open=true');
    expect(load((await office.get('/notices?status=issued')).text)('#export-notices').attr('href')).toBe('/ledger/notices.xlsx?status=issued');
    expect(load((await office.get('/directives')).text)('a[href="/imports/directives"]').text()).toBe('导入分工方案');
    // Without the import's permission, its page is refused.
    expect((await unit.get('/imports/directives')).status).toBe(403);
  });

  it('exports rectification items and notices with their headers, within each one\'s reach', async () => {
    const rectifications = await download(office, '/api/ledger/rectifications.xlsx?open=true');
    expect(rectifications.worksheets[0].getRow(1).values).toContain('整改期限');
    // An issued notice to both units, the police having acknowledged it.
    const notices = app.dataSource.getRepository(Notice);
    const notice = await notices.save(
      notices.create({ kind: 'supervision_notice', status: 'issued', title: '关于督促推进APP推广工作的督办通知', addressee: '市公安局、东湖街道', content: {}, copyTo: [], issuerName: '测试市反诈联席办', issuerCode: '反诈办督', year: 2026, seq: 1, number: '反诈办督〔2026〕1号', issuedOn: '2026-03-09', issuedAt: new Date('2026-03-09T02:00:00Z'), createdBy: org.users.office.id }),
    );
    const recipients = app.dataSource.getRepository(NoticeRecipient);
    await recipients.save([
      recipients.create({ noticeId: notice.id, unitId: org.police.id, userId: null, role: 'to', name: '测试市公安局', acknowledgedAt: new Date('2026-03-10T01:30:00Z'), acknowledgedBy: org.users.police.id }),
      recipients.create({ noticeId: notice.id, unitId: org.town.id, userId: null, role: 'to', name: '测试市东湖街道', acknowledgedAt: null, acknowledgedBy: null }),
    ]);
    const all = await download(office, '/api/ledger/notices.xlsx?status=issued');
    expect(all.worksheets[0].getRow(1).values).toEqual([undefined, '文号', '类型', '标题', '状态', '印发日期', '收文单位或个人', '主送或抄送', '签收', '签收日期']);
    expect(rowsOf(all.worksheets[0])).toEqual([
      ['反诈办督〔2026〕1号', '督办通知书', '关于督促推进APP推广工作的督办通知', '已印发', '2026-03-09', '测试市公安局', '主送', '已签收', '2026-03-10'],
      ['反诈办督〔2026〕1号', '督办通知书', '关于督促推进APP推广工作的督办通知', '已印发', '2026-03-09', '测试市东湖街道', '主送', '未签收', ''],
    ]);
    // A unit sees its own acknowledgement only; a leader the notices sent to them (none).
    expect(rowsOf((await download(police, '/api/ledger/notices.xlsx')).worksheets[0]).map((r) => r[5])).toEqual(['测试市公安局']);
    expect((await download(leader, '/api/ledger/notices.xlsx')).worksheets[0].actualRowCount).toBe(1);
    expect((await police.get('/api/ledger/notices.xlsx?status=nonsense')).status).toBe(400);
  });

  it('reads the exported ledger back as a task-division table: the preview shows the same tasks, nothing stored until confirmed', async () => {
    const exported = (await office.get('/api/ledger/directives.xlsx').buffer(true).parse(binary).expect(200)).body as Buffer;
    const before = await counts();
    const res = await preview(office, 'directives', exported, '督办事项台账.xlsx').expect(200);
    expect(res.body.errorCount).toBe(0);
    expect(res.body.sheetName).toBe('督办事项');
    expect(res.body.rows.map((r: { row: number; view: object }) => ({ row: r.row, ...r.view }))).toEqual([
      { row: 2, title: '全面推广国家反诈中心APP', lead: '公安局', cooperating: ['东湖街道'], deadline: '2026-06-30', target: '国家反诈中心APP安装率 ≥ 60%' },
      { row: 3, title: '每月报送街道反诈宣传情况', lead: '东湖街道', cooperating: [], deadline: '长期 · 每月5日前报送', target: '' },
    ]);
    expect(res.body.token).toMatch(/^[0-9a-f-]{36}$/);
    const after = await counts();
    expect({ ...after, import_preview_rows: before.import_preview_rows }).toEqual(before);
    expect(after.import_preview_rows).toBe(before.import_preview_rows + 2);

    expect((await leader.post('/api/imports/directives').send({ token: res.body.token })).status).toBe(403);
    const confirmed = await office.post('/api/imports/directives').send({ token: res.body.token }).expect(201);
    expect(confirmed.body).toEqual({ kind: 'directives', created: 2, fileName: '督办事项台账.xlsx' });
    const created = await counts();
    expect(created.directives).toBe(before.directives + 2);
    expect(created.assignments).toBe(before.assignments + 3);
    expect(created.import_preview_rows).toBe(before.import_preview_rows);
    const listed = (await office.get('/api/directives?sort=newest&pageSize=2').expect(200)).body.items;
    expect(listed.map((d: { title: string; metric: unknown }) => [d.title, d.metric])).toEqual([
      ['每月报送街道反诈宣传情况', null],
      ['全面推广国家反诈中心APP', { name: '国家反诈中心APP安装率', unit: '%', comparator: 'gte', target: 60 }],
    ]);
    // Confirmed once: the token is spent.
    expect((await office.post('/api/imports/directives').send({ token: res.body.token })).status).toBe(404);
  });

  it('shows every bad cell of a table in Chinese, and keeps nothing', async () => {
    const before = await counts();
    const res = await preview(
      office,
      'directives',
      await xlsx([
        ['序号', '工作任务', '责任单位', '完成时间', '目标值'],
        [1, '清理涉诈电话卡', '公安局', '2026年6月30日', ''],
        [2, '开展反诈进校园', '教育局', '6月底前', '覆盖率大幅提升'],
        [3, '清理涉诈电话卡', '公安局', '2026/6/30', ''],
        [4, '', '东湖街道', '2025-12-31', ''],
      ]),
    ).expect(200);
    expect(res.body.token).toBeNull();
    expect(res.body.errorCount).toBe(3);
    const errors = Object.fromEntries(res.body.rows.map((r: { row: number; errors: Array<{ column: string; message: string }> }) => [r.row, r.errors.map((e) => `${e.column}: ${e.message}`)]));
    expect(errors[2]).toEqual([]);
    expect(errors[3]).toEqual([expect.stringMatching(/^lead: “教育局”不是已登记的单位/), expect.stringMatching(/^target: 读不出量化目标/)]);
    expect(errors[4]).toEqual(['task: 与第 2 行重复（任务和牵头单位相同）']);
    expect(errors[5]).toEqual(['task: 任务不能为空', 'deadline: 完成时限 2025-12-31 已经过去']);
    expect(await counts()).toEqual(before);
  });

  it.each<[string, () => Promise<Buffer>, string, number, string, RegExp]>([
    ['a PDF named .xlsx', async () => Buffer.from('%PDF-1.7\n%fake'), '分工方案.xlsx', 415, 'UNSUPPORTED_FILE_TYPE', /不是 Excel 工作簿（\.xlsx）.*PDF/],
    ['an empty workbook', () => xlsx([]), '分工方案.xlsx', 422, 'BAD_SPREADSHEET', /工作表都是空的/],
    ['a header only', () => xlsx([['任务', '牵头单位', '完成时限']]), '分工方案.xlsx', 422, 'BAD_SPREADSHEET', /没有数据行/],
    ['no known header', () => xlsx([['名称', '地址'], ['甲', '乙']]), '分工方案.xlsx', 422, 'BAD_SPREADSHEET', /找不到表头/],
    ['merged header cells', () => xlsx([['任务', '牵头单位', '完成时限', ''], ['甲', '公安局', '6月底前', '']], (s) => s.mergeCells('C1:D1')), '分工方案.xlsx', 422, 'BAD_SPREADSHEET', /合并的单元格/],
    ['a formula', () => xlsx([['任务', '牵头单位', '完成时限'], ['甲', '公安局', { formula: 'TEXT(DATE(2026,6,30),"yyyy-mm-dd")', result: '2026-06-30' }]]), '分工方案.xlsx', 422, 'BAD_SPREADSHEET', /公式（C2）/],
    ['10,001 rows', () => xlsx([['任务', '牵头单位', '完成时限'], ...Array.from({ length: 10_001 }, (_, i) => [`任务${i}`, '公安局', '6月底前'])]), '分工方案.xlsx', 413, 'PAYLOAD_TOO_LARGE', /一次最多导入 2000 行/],
  ])('refuses %s with a message, storing nothing', async (_name, file, name, status, code, message) => {
    const before = await counts();
    const res = await preview(office, 'directives', await file(), name);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('refuses a request without a file, a stranger\'s or unknown token, and people without the permission', async () => {
    const before = await counts();
    expect((await office.post('/api/imports/directives/preview').field('note', 'x')).body.message).toMatch(/请选择要导入的 Excel 文件/);
    expect((await office.post('/api/imports/directives').send({ token: '6f1d2c5e-8a7b-4c3d-9e2f-1a2b3c4d5e6f' })).status).toBe(404);
    expect((await office.post('/api/imports/directives').send({ token: 'not-a-token' })).status).toBe(400);
    const file = await xlsx([['任务', '牵头单位', '完成时限'], ['甲', '公安局', '6月底前']]);
    expect((await preview(police, 'directives', file)).status).toBe(403);
    expect((await preview(leader, 'units', file)).status).toBe(403);
    expect((await police.get('/api/imports/users/template.xlsx')).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('forgets a preview a day after it was read', async () => {
    const res = await preview(office, 'directives', await xlsx([['任务', '牵头单位', '完成时限'], ['开展反诈宣传月活动', '公安局', '12月底前']])).expect(200);
    clock.set(chinaTime('2026-03-11', '10:01'));
    try {
      expect((await office.post('/api/imports/directives').send({ token: res.body.token })).status).toBe(404);
    } finally {
      clock.set(chinaTime('2026-03-10', '10:00'));
    }
  });

  it('gives templates whose headers the import reads', async () => {
    for (const kind of ['directives', 'units', 'users']) {
      const template = (await office.get(`/api/imports/${kind}/template.xlsx`).buffer(true).parse(binary).expect(200)).body as Buffer;
      const res = await preview(office, kind, template, `${kind}.xlsx`);
      // Headers recognised, no rows yet.
      expect([res.status, res.body.message]).toEqual([422, expect.stringMatching(/没有数据行/)]);
      expect((await workbookOf(template)).worksheets[1].name).toBe('填写说明');
    }
  });

  it('imports units, then users of them, each in one confirmation', async () => {
    const before = await counts();
    const units = await preview(office, 'units', await xlsx([['单位全称', '简称', '单位类别', '别名'], ['测试市网信办', '网信办', '职能部门', '市委网信办、网信部门'], ['测试市西山镇', '西山镇', '镇街', ''], ['测试市公安局', '公安', '职能部门', '']]), '单位.xlsx').expect(200);
    expect(units.body.rows[2].errors).toEqual([{ column: 'name', message: '已有名为“测试市公安局”的单位（或别名）' }]);
    expect(units.body.token).toBeNull();
    const good = await preview(office, 'units', await xlsx([['单位全称', '简称', '单位类别', '别名'], ['测试市网信办', '网信办', '职能部门', '市委网信办、网信部门'], ['测试市西山镇', '西山镇', '镇街', '']]), '单位.xlsx').expect(200);
    expect((await office.post('/api/imports/units').send({ token: good.body.token }).expect(201)).body.created).toBe(2);
    expect((await counts()).units).toBe(before.units + 2);

    const users = await preview(office, 'users', await xlsx([['登录名', '姓名', '角色', '所属单位', '初始密码'], ['cac-contact', '王五', '成员单位联络员', '市委网信办', 'river stone lantern'], ['cac-weak', '赵六', '联络员', '网信办', 'cac-weak-123456']]), '用户.xlsx').expect(200);
    expect(users.body.rows.map((r: { view: object; cells: { password: string } }) => [r.view, r.cells.password])).toEqual([
      [{ role: '成员单位联络员', unit: '网信办' }, '••••••'],
      [{ role: '成员单位联络员', unit: '网信办' }, '••••••'],
    ]);
    expect(users.body.rows[1].errors).toEqual([{ column: 'password', message: expect.stringMatching(/包含了用户名/) }]);
    const fixed = await preview(office, 'users', await xlsx([['登录名', '姓名', '角色', '所属单位', '初始密码'], ['cac-contact', '王五', '成员单位联络员', '市委网信办', 'river stone lantern']]), '用户.xlsx').expect(200);
    const [kept] = await app.dataSource.query("SELECT data FROM import_preview_rows WHERE kind = 'users'");
    expect(kept.data).toContain('cac-contact');
    expect(kept.data).not.toContain('river stone lantern');
    await office.post('/api/imports/users').send({ token: fixed.body.token }).expect(201);
    await login(app, 'cac-contact', 'river stone lantern');
  });
});
