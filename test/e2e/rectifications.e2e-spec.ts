import { readdirSync } from 'node:fs';
import { ActionRunner } from '../../src/reminders/action-runner.service';
import { as, login, Organisation, seedOrganisation, tableCounts } from '../support/fixtures';
import { chinaTime, controlClock, drain, jobsEnv } from '../support/scheduling';
import { startTestApp } from '../support/test-app';

/** Enough of a PNG for the content check: evidence photos are uploaded as images. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

type Client = ReturnType<typeof as>;

interface Event {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  body: string | null;
  deadline: string | null;
  attachments: { id: number; fileName: string; mediaType: string }[];
}
interface Item {
  id: number;
  unitId: number;
  status: string;
  deadline: string | null;
  overdue: boolean;
  noticeId: number | null;
  reopenCount: number;
  version: number;
  nextStep: string | null;
}
interface Detail extends Item {
  history: Event[];
  availableActions: string[];
}
interface Listing {
  id: number;
  unitId: number;
  card: string;
  status: string;
  origin: string;
  unmetConditions: string[];
  listedOn: string | null;
  endedOn: string | null;
  delistingNoticeId: number | null;
  history: { action: string; card: string; note: string | null }[];
  version: number;
}

/** The application on a fresh database, its clock held at `date` `time` (China), the organisation and a client per account. */
async function startOrganisation(date: string, time: string) {
  const app = await startTestApp(jobsEnv());
  const clock = controlClock([app], chinaTime(date, time));
  const org = await seedOrganisation(app.dataSource);
  const [office, leader, police, town] = await Promise.all(['office', 'leader', 'unit-police', 'unit-town'].map(async (u) => as(app, await login(app, u))));
  /** Moves the clock and lets the application do everything due by then. */
  const at = async (date: string, time = '09:00') => {
    clock.set(chinaTime(date, time));
    await drain([app]);
  };
  return { app, clock, org, office, leader, police, town, at };
}

/** One problem found at one unit, as the office records it. */
const finding = (unitId: number, location: string, extra: Record<string, unknown> = {}) => ({
  unitId,
  location,
  problem: `${location}未按要求张贴防诈骗警示标识，柜面人员对大额转账未进行风险提示。`,
  rule: '《涉诈风险网点管理办法》第十二条',
  requirements: ['立即张贴警示标识', '组织柜面人员开展风险提示培训'],
  deadlineDays: 10,
  ...extra,
});

async function inspect(office: Client, unitIds: number[], findings: ReturnType<typeof finding>[], title = '2026年第一季度涉诈风险网点明查暗访') {
  const res = await office.post('/api/inspections').send({ title, type: 'unannounced', inspectedOn: '2026-02-27', inspectors: '反诈办 张三、李四', summary: '对辖区银行网点和通信营业厅进行明查暗访。', unitIds, findings }).expect(201);
  return res.body as { id: number; documentId: number; items: Item[] };
}

const issue = async (office: Client, inspectionId: number, notices: 'none' | 'draft' | 'issue' = 'none') =>
  (await office.post(`/api/inspections/${inspectionId}/issue`).send({ notices }).expect(200)).body as { items: Item[] };

const detail = async (client: Client, id: number) => (await client.get(`/api/rectifications/${id}`).expect(200)).body as Detail;

const list = async (client: Client, query = '') => (await client.get(`/api/rectifications?pageSize=100${query}`).expect(200)).body.items as Item[];

/** The unit's report: multipart, with its evidence in field `files`. */
const report = (client: Client, id: number, version: number, text: string, file: Buffer | null = PNG) => {
  const req = client.post(`/api/rectifications/${id}/report`).field('version', String(version)).field('report', text);
  return file ? req.attach('files', file, '整改后现场照片.png') : req;
};

/** What a refused step must leave as it was. */
const snapshot = async (office: Client, id: number) => {
  const d = await detail(office, id);
  return { status: d.status, version: d.version, deadline: d.deadline, history: d.history.length };
};

const inbox = async (client: Client) => (await client.get('/api/notifications?pageSize=100').expect(200)).body.items as { kind: string; title: string; body: string; link: string | null }[];

const pendingSchedule = async (client: Client, rectificationId: number, status = 'pending') =>
  (await client.get(`/api/scheduled-actions?rectificationId=${rectificationId}&status=${status}&pageSize=100`).expect(200)).body.items as { id: number; kind: string; periodKey: string; dueAt: string }[];

const at9 = (date: string) => new Date(chinaTime(date)).toISOString();

describe(`inspections and rectification items (${process.env.TEST_DB})`, () => {
  let ctx: Awaited<ReturnType<typeof startOrganisation>>;
  let org: Organisation;
  let office: Client;
  let leader: Client;
  let police: Client;
  let town: Client;

  beforeAll(async () => {
    // Monday 2 March 2026, 10:00 China time: no holiday until April, so working days are plain weekdays.
    ctx = await startOrganisation('2026-03-02', '10:00');
    ({ org, office, leader, police, town } = ctx);
  });
  afterAll(() => ctx.app.close());

  it('takes an item through issue, plan returned and resubmitted, report with evidence, sign-off, reopening and a second round', async () => {
    const inspection = await inspect(office, [org.police.id, org.town.id], [finding(org.police.id, '建设银行东湖支行'), finding(org.police.id, '移动营业厅中山路店'), finding(org.town.id, '东湖社区便民服务点')]);
    expect(inspection.items.map((i) => [i.unitId, i.status, i.deadline])).toEqual([
      [org.police.id, 'draft', null],
      [org.police.id, 'draft', null],
      [org.town.id, 'draft', null],
    ]);

    // Issuing sets the deadline in working days from today and sends each unit one notice listing its items.
    const issued = await issue(office, inspection.id, 'issue');
    expect(issued.items.map((i) => [i.status, i.deadline])).toEqual(Array(3).fill(['issued', '2026-03-16']));
    const [a1, a2, b1] = issued.items;
    expect(a1.noticeId).toEqual(expect.any(Number));
    expect(a2.noticeId).toBe(a1.noticeId);
    expect(b1.noticeId).not.toBe(a1.noticeId);
    const policeNotice = (await office.get(`/api/notices/${a1.noticeId}`).expect(200)).body;
    expect(policeNotice).toMatchObject({ kind: 'rectification_notice', status: 'issued', addressee: '测试市公安局', number: '反诈办整〔2026〕1号' });
    expect(policeNotice.content.problems.map((p: { where: string }) => p.where)).toEqual(['建设银行东湖支行', '移动营业厅中山路店']);
    const townNotice = (await office.get(`/api/notices/${b1.noticeId}`).expect(200)).body;
    expect(townNotice).toMatchObject({ kind: 'rectification_notice', status: 'issued', addressee: '测试市东湖街道', number: '反诈办整〔2026〕2号' });
    expect(townNotice.content.problems.map((p: { where: string }) => p.where)).toEqual(['东湖社区便民服务点']);
    // Each unit reads its own notice and not the other's.
    await police.get(`/api/notices/${a1.noticeId}`).expect(200);
    await police.get(`/api/notices/${b1.noticeId}`).expect(404);
    // A second issue finds nothing left to issue.
    expect((await office.post(`/api/inspections/${inspection.id}/issue`).send({ notices: 'issue' }).expect(409)).body.code).toBe('NOTHING_TO_ISSUE');

    const id = a1.id;
    let item = await detail(police, id);
    expect(item).toMatchObject({ status: 'issued', nextStep: '制定并报送整改方案', availableActions: ['submit_plan'] });
    expect((await detail(office, id)).availableActions).toEqual(['cancel']);

    item = (await police.post(`/api/rectifications/${id}/plan`).send({ version: item.version, plan: '一、三日内张贴警示标识；二、下周组织培训。责任人：王五。' }).expect(200)).body;
    expect(item).toMatchObject({ status: 'plan_submitted', availableActions: [] });
    expect((await detail(office, id)).availableActions).toEqual(['accept_plan', 'return_plan', 'cancel']);

    // Returning a plan needs a reason.
    await office.post(`/api/rectifications/${id}/plan/return`).send({ version: item.version, reason: '   ' }).expect(400);
    item = (await office.post(`/api/rectifications/${id}/plan/return`).send({ version: item.version, reason: '整改措施不具体，请明确培训时间和人数' }).expect(200)).body;
    expect(item.status).toBe('plan_returned');
    // The unit is told, with the reason.
    expect((await inbox(police)).filter((n) => n.link === `/rectifications/${id}`)).toEqual([expect.objectContaining({ kind: 'escalation', title: expect.stringContaining('整改方案被退回'), body: '整改措施不具体，请明确培训时间和人数' })]);

    item = (await police.post(`/api/rectifications/${id}/plan`).send({ version: item.version, plan: '一、3月4日前张贴警示标识；二、3月9日组织全员培训（12人）。' }).expect(200)).body;
    expect(item.status).toBe('plan_submitted');
    item = (await office.post(`/api/rectifications/${id}/plan/accept`).send({ version: item.version, note: '同意' }).expect(200)).body;
    expect(item).toMatchObject({ status: 'plan_accepted', nextStep: '按方案整改到位后，报送整改报告并附佐证材料' });

    // A report without evidence is refused; with a photo it goes to the office.
    await report(police, id, item.version, '已张贴标识并完成培训。', null).expect(400);
    item = (await report(police, id, item.version, '已张贴标识并完成培训，附现场照片。').expect(200)).body;
    expect(item.status).toBe('report_submitted');
    const evidence = item.history[item.history.length - 1].attachments;
    expect(evidence).toEqual([expect.objectContaining({ fileName: '整改后现场照片.png', mediaType: 'image/png' })]);
    expect((await police.get(`/api/attachments/${evidence[0].id}`).expect(200)).body).toEqual(PNG);

    item = (await office.post(`/api/rectifications/${id}/sign-off`).send({ version: item.version, note: '经复核，整改到位' }).expect(200)).body;
    expect(item).toMatchObject({ status: 'signed_off', nextStep: null, overdue: false, availableActions: ['reopen'] });
    // Signed off, nothing more is chased.
    expect(await pendingSchedule(office, id)).toEqual([]);

    // 回头看 two days later: the problem is back; a new deadline from that day, history kept.
    await ctx.at('2026-03-04', '10:00');
    // By then both notices are rendered.
    for (const noticeId of [a1.noticeId, b1.noticeId]) expect((await office.get(`/api/notices/${noticeId}`).expect(200)).body.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    await office.post(`/api/rectifications/${id}/reopen`).send({ version: item.version, reason: '回头看发现警示标识已被撤除' }).expect(400);
    item = (await office.post(`/api/rectifications/${id}/reopen`).send({ version: item.version, reason: '回头看发现警示标识已被撤除', deadlineDays: 3, recheckOn: '2026-04-01' }).expect(200)).body;
    expect(item).toMatchObject({ status: 'reopened', deadline: '2026-03-09', recheckOn: '2026-04-01', reopenCount: 1, nextStep: '问题反弹：重新制定并报送整改方案' });
    expect(new Set((await pendingSchedule(office, id)).map((a) => a.periodKey.split(':')[0]))).toEqual(new Set(['2026-03-09']));

    item = (await police.post(`/api/rectifications/${id}/plan`).send({ version: item.version, plan: '重新张贴并固定警示标识，每周自查。' }).expect(200)).body;
    item = (await office.post(`/api/rectifications/${id}/plan/accept`).send({ version: item.version }).expect(200)).body;
    item = (await report(police, id, item.version, '已重新张贴并固定，建立每周自查台账。').expect(200)).body;
    item = (await office.post(`/api/rectifications/${id}/sign-off`).send({ version: item.version }).expect(200)).body;
    expect(item).toMatchObject({ status: 'signed_off', reopenCount: 1 });

    expect(item.history.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['create', null, 'draft'],
      ['issue', 'draft', 'issued'],
      ['submit_plan', 'issued', 'plan_submitted'],
      ['return_plan', 'plan_submitted', 'plan_returned'],
      ['submit_plan', 'plan_returned', 'plan_submitted'],
      ['accept_plan', 'plan_submitted', 'plan_accepted'],
      ['submit_report', 'plan_accepted', 'report_submitted'],
      ['sign_off', 'report_submitted', 'signed_off'],
      ['reopen', 'signed_off', 'reopened'],
      ['submit_plan', 'reopened', 'plan_submitted'],
      ['accept_plan', 'plan_submitted', 'plan_accepted'],
      ['submit_report', 'plan_accepted', 'report_submitted'],
      ['sign_off', 'report_submitted', 'signed_off'],
    ]);
    expect(item.history.filter((e) => e.deadline).map((e) => [e.action, e.deadline])).toEqual([
      ['issue', '2026-03-16'],
      ['reopen', '2026-03-09'],
    ]);
    expect(item.history[3].body).toBe('整改措施不具体，请明确培训时间和人数');
    // Both reports keep their evidence.
    expect(item.history.filter((e) => e.action === 'submit_report').map((e) => e.attachments.length)).toEqual([1, 1]);

    // The other items did not move; the inspection counts them.
    expect((await list(office, `&inspectionId=${inspection.id}&status=issued`)).map((i) => i.id)).toEqual([a2.id, b1.id]);
    expect((await list(office, `&inspectionId=${inspection.id}&open=false`)).map((i) => i.id)).toEqual([id]);
    expect((await office.get(`/api/inspections/${inspection.id}`).expect(200)).body).toMatchObject({ itemCount: 3, openCount: 2, overdueCount: 0 });
  });

  describe('refusals', () => {
    let id: number;
    let uploads: () => number;
    let counts: () => Promise<Record<string, number>>;

    beforeAll(async () => {
      const inspection = await inspect(office, [org.police.id], [finding(org.police.id, '农商银行朝阳分理处')], '专项检查：涉诈账户开户审核');
      [{ id }] = (await issue(office, inspection.id)).items;
      uploads = () => readdirSync(ctx.app.config.uploadDir).length;
      counts = () => tableCounts(ctx.app.dataSource, ['rectification_events', 'attachments', 'notifications', 'scheduled_actions']);
    });

    /** Sends a step that must be refused with `status`/`code`, and proves it changed nothing. */
    const refused = async (send: () => PromiseLike<{ status: number; body: { code: string; message: string } }>, status: number, code: string) => {
      const [before, stored, files] = [await snapshot(office, id), await counts(), uploads()];
      const res = await send();
      expect([res.status, res.body.code]).toEqual([status, code]);
      expect(await snapshot(office, id)).toEqual(before);
      expect(await counts()).toEqual(stored);
      expect(uploads()).toBe(files);
      return res.body;
    };

    it('refuses steps the state does not allow with 409 ILLEGAL_TRANSITION and changes nothing', async () => {
      let item = await detail(office, id);
      expect(item.status).toBe('issued');
      const signOff = await refused(() => office.post(`/api/rectifications/${id}/sign-off`).send({ version: item.version }), 409, 'ILLEGAL_TRANSITION');
      expect(signOff.message).toContain('待报整改方案');
      await refused(() => office.post(`/api/rectifications/${id}/plan/accept`).send({ version: item.version }), 409, 'ILLEGAL_TRANSITION');
      await refused(() => office.post(`/api/rectifications/${id}/reopen`).send({ version: item.version, reason: '复查', deadlineDays: 5 }), 409, 'ILLEGAL_TRANSITION');
      // A report before the plan is accepted, evidence and all: its file is not kept either.
      await refused(() => report(police, id, item.version, '已整改'), 409, 'ILLEGAL_TRANSITION');

      item = (await police.post(`/api/rectifications/${id}/plan`).send({ version: item.version, plan: '加强开户审核' }).expect(200)).body;
      await refused(() => report(police, id, item.version, '已整改'), 409, 'ILLEGAL_TRANSITION');
      await refused(() => police.post(`/api/rectifications/${id}/plan`).send({ version: item.version, plan: '再报一次' }), 409, 'ILLEGAL_TRANSITION');
      await refused(() => office.post(`/api/rectifications/${id}/report/return`).send({ version: item.version, reason: '不全' }), 409, 'ILLEGAL_TRANSITION');
    });

    it('refuses a step on a version the client no longer has with 409 STALE_VERSION', async () => {
      const item = await detail(office, id);
      expect(item.status).toBe('plan_submitted');
      await refused(() => office.post(`/api/rectifications/${id}/plan/accept`).send({ version: item.version - 1 }), 409, 'STALE_VERSION');
      await refused(() => office.post(`/api/rectifications/${id}/plan/return`).send({ version: item.version + 1, reason: '请细化' }), 409, 'STALE_VERSION');
      await refused(() => office.post(`/api/rectifications/${id}/plan/accept`).send({ version: 'x' }), 400, 'VALIDATION_FAILED');
    });

    it('cancels with a reason only, and a cancelled item takes no further step and is no longer chased', async () => {
      let item = await detail(office, id);
      await refused(() => office.post(`/api/rectifications/${id}/cancel`).send({ version: item.version }), 400, 'VALIDATION_FAILED');
      expect((await pendingSchedule(office, id)).length).toBeGreaterThan(0);
      item = (await office.post(`/api/rectifications/${id}/cancel`).send({ version: item.version, reason: '该网点已撤并' }).expect(200)).body;
      expect(item).toMatchObject({ status: 'cancelled', availableActions: [], nextStep: null });
      expect(await pendingSchedule(office, id)).toEqual([]);
      await refused(() => police.post(`/api/rectifications/${id}/plan`).send({ version: item.version, plan: '加强开户审核' }), 409, 'ILLEGAL_TRANSITION');
      await refused(() => office.post(`/api/rectifications/${id}/reopen`).send({ version: item.version, reason: '复查', deadlineDays: 5 }), 409, 'ILLEGAL_TRANSITION');
      await refused(() => office.post(`/api/rectifications/${id}/cancel`).send({ version: item.version, reason: '重复撤销' }), 409, 'ILLEGAL_TRANSITION');
    });
  });

  it('keeps each unit to its own issued items and their evidence; units cannot review, leaders only read', async () => {
    const inspection = await inspect(office, [org.police.id, org.town.id], [finding(org.police.id, '工商银行人民路支行'), finding(org.town.id, '东湖村综治中心')], '例行督导检查：反诈宣传阵地建设');
    const [policeItem, townItem] = inspection.items;
    const policeOnly = await inspect(office, [org.police.id], [finding(org.police.id, '公安局出入境大厅')], '专项检查：反诈宣传进大厅');

    // Drafts are the office's: units see the inspection but none of its items, and cannot act on them.
    expect(await list(police, `&inspectionId=${inspection.id}`)).toEqual([]);
    expect((await police.get(`/api/inspections/${inspection.id}`).expect(200)).body).toMatchObject({ itemCount: 0, items: [] });
    await police.get(`/api/rectifications/${policeItem.id}`).expect(404);
    await police.post(`/api/rectifications/${policeItem.id}/plan`).send({ version: policeItem.version, plan: '抢先报送' }).expect(404);
    // Leaders read everything, drafts included.
    expect((await list(leader, `&inspectionId=${inspection.id}`)).map((i) => i.status)).toEqual(['draft', 'draft']);
    // Units cannot record or issue inspections.
    await police.post(`/api/inspections/${inspection.id}/issue`).send({ notices: 'none' }).expect(403);
    await police.post('/api/inspections').send({ title: '自查', type: 'special', inspectedOn: '2026-03-01', inspectors: '本单位', summary: '自查', unitIds: [org.police.id] }).expect(403);
    // An inspection that did not visit a unit is not the unit's to see.
    await town.get(`/api/inspections/${policeOnly.id}`).expect(404);
    // A draft cancelled before issue was never the unit's: it stays hidden and the unit is not told.
    const [withdrawn] = policeOnly.items;
    await office.post(`/api/rectifications/${withdrawn.id}/cancel`).send({ version: withdrawn.version, reason: '录入有误' }).expect(200);
    await police.get(`/api/rectifications/${withdrawn.id}`).expect(404);
    expect((await list(police)).map((i) => i.id)).not.toContain(withdrawn.id);
    expect(((await police.get('/api/notifications?pageSize=100').expect(200)).body.items as { title: string }[]).filter((n) => n.title.includes(`整改-${withdrawn.id} `))).toEqual([]);

    await issue(office, inspection.id);
    expect((await list(police, `&inspectionId=${inspection.id}`)).map((i) => i.id)).toEqual([policeItem.id]);
    expect((await list(town, `&inspectionId=${inspection.id}`)).map((i) => i.id)).toEqual([townItem.id]);
    // Asking for another unit's items by filter gives nothing either.
    expect(await list(town, `&unitId=${org.police.id}`)).toEqual([]);
    const townItems = await list(town);
    expect(townItems).toHaveLength(2);
    expect(townItems.every((i) => i.unitId === org.town.id)).toBe(true);
    expect((await town.get(`/api/inspections/${inspection.id}`).expect(200)).body.items.map((i: Item) => i.id)).toEqual([townItem.id]);

    // The town works its item to a report with evidence.
    let item = await detail(town, townItem.id);
    item = (await town.post(`/api/rectifications/${townItem.id}/plan`).send({ version: item.version, plan: '设置反诈宣传栏' }).expect(200)).body;
    item = (await office.post(`/api/rectifications/${townItem.id}/plan/accept`).send({ version: item.version }).expect(200)).body;
    item = (await report(town, townItem.id, item.version, '宣传栏已设置').expect(200)).body;
    const [photo] = item.history[item.history.length - 1].attachments;

    // The police never see the town's item, its evidence, nor can they act on it.
    await police.get(`/api/rectifications/${townItem.id}`).expect(404);
    await police.post(`/api/rectifications/${townItem.id}/report/return`).send({ version: item.version, reason: '不行' }).expect(403);
    await police.get(`/api/attachments/${photo.id}`).expect(404);
    await police.get(`/api/scheduled-actions?rectificationId=${townItem.id}`).expect(404);
    for (const client of [town, office, leader]) expect((await client.get(`/api/attachments/${photo.id}`).expect(200)).body).toEqual(PNG);

    // A unit cannot take the office's steps on its own item, whatever the state.
    const own = await detail(police, policeItem.id);
    for (const [path, body] of [
      ['plan/accept', {}],
      ['plan/return', { reason: '自己退回' }],
      ['sign-off', {}],
      ['report/return', { reason: '自己退回' }],
      ['reopen', { reason: '自己重开', deadlineDays: 3 }],
      ['cancel', { reason: '自己撤销' }],
    ] as const) {
      await police.post(`/api/rectifications/${policeItem.id}/${path}`).send({ version: own.version, ...body }).expect(403);
    }
    await town.post(`/api/rectifications/${townItem.id}/sign-off`).send({ version: item.version }).expect(403);
    // Nor can the office take the unit's.
    await office.post(`/api/rectifications/${policeItem.id}/plan`).send({ version: own.version, plan: '代报' }).expect(403);

    // Leaders read both units' items and history, and act on neither.
    const seen = await detail(leader, townItem.id);
    expect(seen).toMatchObject({ status: 'report_submitted', availableActions: [] });
    expect(seen.history.map((e) => e.action)).toEqual(['create', 'issue', 'submit_plan', 'accept_plan', 'submit_report']);
    expect((await list(leader, `&inspectionId=${inspection.id}`)).map((i) => i.id)).toEqual([policeItem.id, townItem.id]);
    await leader.post(`/api/rectifications/${townItem.id}/sign-off`).send({ version: item.version }).expect(403);
    await leader.post(`/api/rectifications/${policeItem.id}/plan`).send({ version: own.version, plan: '代报' }).expect(403);
    await leader.post(`/api/inspections/${inspection.id}/findings`).send({ findings: [finding(org.police.id, '补充')] }).expect(403);

    // None of the refusals moved anything.
    expect(await snapshot(office, policeItem.id)).toEqual({ status: 'issued', version: own.version, deadline: own.deadline, history: 2 });
    expect(await snapshot(office, townItem.id)).toEqual({ status: 'report_submitted', version: item.version, deadline: item.deadline, history: 5 });
  });
});

describe(`listing units that lag (${process.env.TEST_DB})`, () => {
  let ctx: Awaited<ReturnType<typeof startOrganisation>>;

  beforeAll(async () => {
    // The job loop checks the rules once at start (nothing is due then) and again only after ten real
    // minutes, so within this test every proposal comes from the API's check.
    ctx = await startOrganisation('2026-03-02', '10:00');
  });
  afterAll(() => ctx.app.close());

  const listings = async (client: Client, query = '') => (await client.get(`/api/listings${query}`).expect(200)).body as Listing[];
  const listing = async (client: Client, id: number) => (await client.get(`/api/listings/${id}`).expect(200)).body as Listing;

  it('proposes a yellow card for three overdue items once; approved, superseded by red, lowered, and delisted only with an override', async () => {
    const { org, office, police, town } = ctx;
    const rules = (await office.get('/api/listing-rules').expect(200)).body;
    expect(rules).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'overdue_items', enabled: true, threshold: 3, card: 'yellow' })]));
    await town.get('/api/listing-rules').expect(403);

    // Three one-day items for the town, one for the police (below the threshold).
    const inspection = await inspect(
      office,
      [org.police.id, org.town.id],
      [finding(org.town.id, '东湖村便民点', { deadlineDays: 1 }), finding(org.town.id, '西湖村便民点', { deadlineDays: 1 }), finding(org.town.id, '南湖村便民点', { deadlineDays: 1 }), finding(org.police.id, '交警大队窗口', { deadlineDays: 1 })],
    );
    await issue(office, inspection.id);
    // Nothing is overdue yet.
    expect((await office.post('/api/listing-rules/check').expect(200)).body).toEqual({ proposed: 0 });

    // Friday: the deadline (Tuesday) has passed.
    await ctx.at('2026-03-06', '10:00');
    expect(await list(office, `&overdue=true&unitId=${org.town.id}`)).toHaveLength(3);
    expect((await office.post('/api/listing-rules/check').expect(200)).body).toEqual({ proposed: 1 });
    const [proposal] = await listings(office, '?status=proposed');
    expect(proposal).toMatchObject({ unitId: org.town.id, card: 'yellow', status: 'proposed', origin: 'rule', history: [{ action: 'propose', card: 'yellow' }] });
    expect(await listings(office, '?status=proposed')).toHaveLength(1);
    // Checking again proposes nothing more.
    expect((await office.post('/api/listing-rules/check').expect(200)).body).toEqual({ proposed: 0 });
    // The unit sees its own listing record, not another's; only the office decides.
    expect((await listings(town)).map((l) => l.id)).toEqual([proposal.id]);
    expect(await listings(police)).toEqual([]);
    await police.get(`/api/listings/${proposal.id}`).expect(404);
    await town.post(`/api/listings/${proposal.id}/approve`).send({ version: proposal.version }).expect(403);

    const yellow = (await office.post(`/api/listings/${proposal.id}/approve`).send({ version: proposal.version, note: '同意挂黄牌' }).expect(200)).body as Listing;
    expect(yellow).toMatchObject({ status: 'active', card: 'yellow', listedOn: '2026-03-06' });
    expect(yellow.history.map((e) => e.action)).toEqual(['propose', 'approve']);
    expect(yellow.unmetConditions.length).toBeGreaterThan(0);
    // Approving twice is not possible; the same card again neither.
    expect((await office.post(`/api/listings/${proposal.id}/approve`).send({ version: yellow.version }).expect(409)).body.code).toBe('ILLEGAL_TRANSITION');
    expect((await office.post('/api/listings').send({ unitId: org.town.id, card: 'yellow', reason: '再挂黄牌', conditionsText: '整改到位' }).expect(409)).body.code).toBe('ALREADY_LISTED');

    // A red card by the office's decision supersedes the yellow.
    const red = (
      await office
        .post('/api/listings')
        .send({ unitId: org.town.id, card: 'red', reason: '逾期整改事项多，经约谈仍未整改', conditionsText: '连续30天无逾期事项，全部整改事项销号', conditions: { noOverdueDays: 30, allSignedOff: true } })
        .expect(201)
    ).body as Listing;
    expect(red).toMatchObject({ unitId: org.town.id, card: 'red', status: 'active', origin: 'office', history: [{ action: 'list', card: 'red' }] });
    const superseded = await listing(office, yellow.id);
    expect(superseded).toMatchObject({ status: 'superseded', endedOn: '2026-03-06' });
    expect(superseded.history.map((e) => e.action)).toEqual(['propose', 'approve', 'supersede']);
    expect((await listings(office, '?status=active')).map((l) => l.id)).toEqual([red.id]);

    // Lowered to yellow: the same listing goes on, its history keeps the red.
    await office.post(`/api/listings/${red.id}/lower`).send({ version: red.version, note: ' ' }).expect(400);
    const lowered = (await office.post(`/api/listings/${red.id}/lower`).send({ version: red.version, note: '整改有进展，降为黄牌' }).expect(200)).body as Listing;
    expect(lowered).toMatchObject({ status: 'active', card: 'yellow' });
    expect(lowered.history.map((e) => [e.action, e.card])).toEqual([
      ['list', 'red'],
      ['lower', 'yellow'],
    ]);
    expect((await office.post(`/api/listings/${red.id}/lower`).send({ version: lowered.version, note: '再降' }).expect(409)).body.code).toBe('NOT_RED_CARD');

    // Delisting while the measurable conditions are unmet is held, and changes nothing.
    expect(lowered.unmetConditions).toEqual([expect.stringContaining('仍有逾期未办结事项'), '还有 3 项整改事项未销号']);
    const held = await office.post(`/api/listings/${red.id}/delist`).send({ version: lowered.version, note: '申请摘牌' }).expect(409);
    expect(held.body.code).toBe('DELISTING_CONDITIONS_UNMET');
    expect(held.body.message).toContain('摘牌条件尚未满足');
    expect(held.body.message).toContain('还有 3 项整改事项未销号');
    expect(await listing(office, red.id)).toMatchObject({ status: 'active', version: lowered.version, delistingNoticeId: null });

    // With the override (and the reason in the note) it goes ahead, with an issued circular.
    const delisted = (await office.post(`/api/listings/${red.id}/delist`).send({ version: lowered.version, note: '经研究同意摘牌', override: true, circular: 'issue' }).expect(200)).body as Listing;
    expect(delisted).toMatchObject({ status: 'delisted', card: 'yellow', endedOn: '2026-03-06', delistingNoticeId: expect.any(Number), unmetConditions: [] });
    expect(delisted.history.map((e) => e.action)).toEqual(['list', 'lower', 'delist']);
    expect(delisted.history[2].note).toContain('经研究仍予摘牌');
    const circular = (await office.get(`/api/notices/${delisted.delistingNoticeId}`).expect(200)).body;
    expect(circular).toMatchObject({ kind: 'circular', status: 'issued', title: expect.stringContaining('摘牌'), number: '反诈办通〔2026〕1号' });
    // The circular goes to every member unit.
    await police.get(`/api/notices/${delisted.delistingNoticeId}`).expect(200);
    expect(await listings(office, '?status=active')).toEqual([]);
    await office.post(`/api/listings/${red.id}/delist`).send({ version: delisted.version, note: '再摘', override: true }).expect(409);
    // Rendered like every issued notice (and not left rendering when the application closes).
    await drain([ctx.app]);
    expect((await office.get(`/api/notices/${delisted.delistingNoticeId}`).expect(200)).body.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe(`a rectification deadline passing (${process.env.TEST_DB}, ${process.env.TEST_DB === 'mysql' ? 'Bull' : 'in-process'})`, () => {
  let ctx: Awaited<ReturnType<typeof startOrganisation>>;

  beforeAll(async () => {
    ctx = await startOrganisation('2026-03-02', '10:00');
  });
  afterAll(() => ctx.app.close());

  it('reminds the unit once and prepares the first rung once, by the injected clock', async () => {
    const { org, office, police, town } = ctx;
    // Listing proposals are not the subject here: the rules are turned off before the clock moves.
    for (const rule of (await office.get('/api/listing-rules').expect(200)).body as { key: string; version: number; threshold: number; card: string }[]) {
      await office.put(`/api/listing-rules/${rule.key}`).send({ version: rule.version, enabled: false, threshold: rule.threshold, card: rule.card }).expect(200);
    }
    expect(((await office.get('/api/listing-rules').expect(200)).body as { enabled: boolean }[]).map((r) => r.enabled)).toEqual([false, false]);

    const inspection = await inspect(office, [org.police.id], [finding(org.police.id, '邮储银行城东营业所', { deadlineDays: 2 })]);
    const [{ id, deadline }] = (await issue(office, inspection.id)).items;
    expect(deadline).toBe('2026-03-04');
    // The reminders 5 and 3 working days before are already past; the 1-day one and the rungs lie ahead.
    expect((await pendingSchedule(office, id)).map((a) => [a.kind, a.periodKey, a.dueAt])).toEqual([
      ['reminder', '2026-03-04:1', at9('2026-03-03')],
      ['supervision_notice', '2026-03-04', at9('2026-03-05')],
      ['circular', '2026-03-04', at9('2026-03-10')],
      ['interview', '2026-03-04', at9('2026-03-16')],
      ['yellow_card', '2026-03-04', at9('2026-03-20')],
      ['red_card', '2026-03-04', at9('2026-04-01')],
    ]);
    expect(await pendingSchedule(police, id)).toHaveLength(6);
    await town.get(`/api/scheduled-actions?rectificationId=${id}`).expect(404);

    const reminders = async () => (await inbox(police)).filter((n) => n.kind === 'reminder' && n.link === `/rectifications/${id}`);
    const escalations = async (status: string) => (await office.get(`/api/escalations?rectificationId=${id}&status=${status}`).expect(200)).body.items as { id: number; rung: string; noticeId: number | null; rectificationId: number }[];

    // A minute before the reminder: nothing yet.
    await ctx.at('2026-03-03', '08:59');
    expect(await reminders()).toEqual([]);

    // The day after the deadline: the reminder (late, so it says so) and the supervision notice for approval.
    await ctx.at('2026-03-05', '09:00');
    expect(await reminders()).toEqual([expect.objectContaining({ title: expect.stringContaining('整改时限（2026-03-04）已超过 1 个工作日') })]);
    const [rung, ...more] = await escalations('pending');
    expect(more).toEqual([]);
    expect(rung).toMatchObject({ rectificationId: id, rung: 'supervision_notice', noticeId: expect.any(Number) });
    expect((await office.get(`/api/notices/${rung.noticeId}`).expect(200)).body).toMatchObject({ kind: 'supervision_notice', status: 'draft', addressee: '测试市公安局' });
    expect((await detail(office, id)).overdue).toBe(true);
    // The unit hears of the rung only once the office issues it.
    expect((await inbox(police)).filter((n) => n.kind === 'escalation' && n.link === `/rectifications/${id}`)).toEqual([]);
    const done = await pendingSchedule(office, id, 'done');
    expect(done.map((a) => a.kind).sort()).toEqual(['reminder', 'supervision_notice']);

    // Running again, at the same moment, a day later, or the same actions delivered twice: nothing more.
    await ctx.at('2026-03-05', '09:00');
    await ctx.at('2026-03-06', '09:00');
    const runner = ctx.app.app.get(ActionRunner);
    await Promise.all(done.flatMap((a) => [runner.run(a.id), runner.run(a.id)]));
    await drain([ctx.app]);
    expect(await reminders()).toHaveLength(1);
    expect((await escalations('pending')).map((e) => e.id)).toEqual([rung.id]);
    expect(await escalations('issued')).toEqual([]);
    expect((await pendingSchedule(office, id)).map((a) => a.kind)).toEqual(['circular', 'interview', 'yellow_card', 'red_card']);
    expect(Number((await ctx.app.dataSource.query('SELECT COUNT(*) AS n FROM listings'))[0].n)).toBe(0);
  });
});
