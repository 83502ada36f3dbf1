import { In } from 'typeorm';
import { Notification } from '../../src/notifications/notification.entity';
import { User } from '../../src/users/user.entity';
import { PageClient } from '../support/browser-session';
import { as, login, Organisation, PASSWORD, seedOrganisation } from '../support/fixtures';
import { startSmtpReceiver, startWebhookReceiver } from '../support/receivers';
import { chinaTime, controlClock, drain, jobsEnv } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

type Client = ReturnType<typeof as>;
interface Message {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

/** Everyone who can read an inbox: two office accounts, the leader, two police contacts and the town's. */
const PEOPLE = ['office', 'office-2', 'leader', 'unit-police', 'unit-police-2', 'unit-town'] as const;
type Person = (typeof PEOPLE)[number];
const POLICE = ['unit-police', 'unit-police-2'] as const;
const OFFICE = ['office', 'office-2'] as const;

/** A message of a kind whose title starts with a tag, whose body says something, linking to a task. */
const message = (kind: 'task' | 'review', tag: string, says: string, taskId: number) =>
  expect.objectContaining({ kind, title: expect.stringMatching(new RegExp(`^【${tag}】`)), body: expect.stringContaining(says), link: `/tasks/${taskId}` });

/** The page's text without its markup, as a person reads it. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe(`what each side is told of a task's steps (${process.env.TEST_DB})`, () => {
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let robot: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let app: TestApp;
  let org: Organisation;
  let clients: Record<Person, Client>;
  let inactive: number[];
  const lastSeen = new Map<Person, number>();

  beforeAll(async () => {
    [smtp, robot] = await Promise.all([startSmtpReceiver(), startWebhookReceiver()]);
    app = await startTestApp({ ...jobsEnv(), SMTP_URL: smtp.url, WEBHOOK_URL: robot.url, WEBHOOK_FORMAT: 'json', PUBLIC_URL: 'https://dbs.example.gov.cn' });
    // Monday 2 March 2026, 10:00 China time; the clock stands still, so only the messages go out.
    controlClock([app], chinaTime('2026-03-02', '10:00'));
    org = await seedOrganisation(app.dataSource);
    const users = app.dataSource.getRepository(User);
    const add = (like: User, username: string, active = true) => users.save(users.create({ ...like, id: undefined, username, displayName: username, active, email: null }));
    await add(org.users.office, 'office-2');
    await add(org.users.police, 'unit-police-2');
    inactive = [(await add(org.users.office, 'office-gone', false)).id, (await add(org.users.police, 'unit-police-gone', false)).id];
    await users.update({ id: org.users.police.id }, { email: 'police@example.gov.cn' });
    await users.update({ id: org.users.office.id }, { email: 'office@example.gov.cn' });
    clients = Object.fromEntries(await Promise.all(PEOPLE.map(async (p) => [p, as(app, await login(app, p))]))) as Record<Person, Client>;
  });
  afterAll(async () => {
    await app.close();
    await Promise.all([smtp.close(), robot.close()]);
  });

  /** What each person got since the last look, oldest first. */
  const told = async (): Promise<Record<Person, Message[]>> => {
    const out = {} as Record<Person, Message[]>;
    for (const person of PEOPLE) {
      const items = (await clients[person].get('/api/notifications?pageSize=100').expect(200)).body.items as Message[];
      out[person] = items.filter((n) => n.id > (lastSeen.get(person) ?? 0)).reverse();
      if (items.length > 0) lastSeen.set(person, Math.max(...items.map((n) => n.id)));
    }
    return out;
  };
  /** Exactly these people got exactly these messages since the last look; everybody else nothing. */
  const expectTold = async (expected: Partial<Record<Person, unknown[]>>) => {
    expect(await told()).toEqual(Object.fromEntries(PEOPLE.map((p) => [p, expected[p] ?? []])));
  };
  const each = (people: readonly Person[], m: unknown) => Object.fromEntries(people.map((p) => [p, [m]]));

  let directiveId: number;
  let policeTask: number;
  let townTask: number;
  const task = async (client: Client, id: number) => (await client.get(`/api/assignments/${id}`).expect(200)).body as { version: number; percentDone: number; metricValue: number | null; reports: { id: number }[]; extensions: { id: number }[] };

  it('tells each unit’s active contacts of their new task, and nobody else', async () => {
    await expectTold({});
    const directive = await clients.office
      .post('/api/directives')
      .send({ title: '国家反诈中心APP推广', requirement: '辖区安装率达到60%。', category: '宣传防范', priority: 'important', deadline: '2026-03-31', metric: { name: 'APP安装率', unit: '%', comparator: 'gte', target: 60 }, leadUnitId: org.police.id, cooperatingUnitIds: [org.town.id] })
      .expect(201);
    directiveId = directive.body.id;
    policeTask = directive.body.assignments.find((a: { unitId: number }) => a.unitId === org.police.id).id;
    townTask = directive.body.assignments.find((a: { unitId: number }) => a.unitId === org.town.id).id;
    await expectTold({ ...each(POLICE, message('task', '新任务', '牵头单位', policeTask)), 'unit-town': [message('task', '新任务', '配合单位', townTask)] });
    const [news] = (await clients['unit-police'].get('/api/notifications').expect(200)).body.items as Message[];
    expect(news).toMatchObject({ title: `【新任务】${directive.body.code} 国家反诈中心APP推广`, link: `/tasks/${policeTask}` });
    expect(news.body).toBe(`协调办向你单位交办督办事项“国家反诈中心APP推广”（${directive.body.code}），你单位为牵头单位，办理时限为 2026-03-31。请先签收，再按要求办理并按时报送进展。`);
  });

  it('tells the office of a report and the unit of its acceptance, once however often the request is repeated', async () => {
    const { version } = await task(clients['unit-police'], policeTask);
    const acknowledged = (await clients['unit-police'].post(`/api/assignments/${policeTask}/acknowledge`).send({ version }).expect(200)).body;
    await expectTold({});
    const report = { version: acknowledged.version, narrative: '已在全市派出所部署推广', percentDone: 40, metricValue: 30 };
    const reported = (await clients['unit-police'].post(`/api/assignments/${policeTask}/reports`).send(report).expect(200)).body;
    await expectTold(each(OFFICE, message('review', '待审核', '公安局报送了“国家反诈中心APP推广”', policeTask)));
    await clients['unit-police'].post(`/api/assignments/${policeTask}/reports`).send(report).expect(409);
    await expectTold({});

    const reportId = reported.reports[0].id;
    const [office] = (await clients.office.get('/api/notifications?pageSize=1').expect(200)).body.items as Message[];
    expect(office.title).toMatch(/^【待审核】公安局：DB-\d{4}-\d+ 国家反诈中心APP推广$/);
    expect(office.body).toContain('完成 40%，APP安装率 30%。报送内容：已在全市派出所部署推广。请审核后采纳，或写明理由退回。');
    await clients.office.post(`/api/assignments/reports/${reportId}/review`).send({ decision: 'accept', note: '数据翔实' }).expect(200);
    await expectTold(each(POLICE, message('task', '进展已采纳', '意见：数据翔实', policeTask)));
    await clients.office.post(`/api/assignments/reports/${reportId}/review`).send({ decision: 'accept' }).expect(409);
    await clients['office-2'].post(`/api/assignments/reports/${reportId}/review`).send({ decision: 'return', note: '改主意了' }).expect(409);
    await expectTold({});
  });

  it('tells the unit why its report was returned, and the task shows the progress that still stands, in the API and on the pages', async () => {
    const before = await task(clients['unit-police'], policeTask);
    const reported = (await clients['unit-police'].post(`/api/assignments/${policeTask}/reports`).send({ version: before.version, narrative: '安装率提升到55%', percentDone: 80, metricValue: 55 }).expect(200)).body;
    expect(reported).toMatchObject({ percentDone: 80, metricValue: 55 });
    const returned = (await clients.office.post(`/api/assignments/reports/${reported.reports[0].id}/review`).send({ decision: 'return', note: '缺少各派出所的安装数据' }).expect(200)).body;
    // The accepted 40 % and 30 stand again, wherever the task is shown.
    expect(returned).toMatchObject({ percentDone: 40, metricValue: 30 });
    expect(await task(clients['unit-police'], policeTask)).toMatchObject({ percentDone: 40, metricValue: 30 });
    const listed = (await clients.office.get(`/api/assignments?directiveId=${directiveId}`).expect(200)).body.items as { id: number }[];
    expect(listed.find((a) => a.id === policeTask)).toMatchObject({ percentDone: 40, metricValue: 30 });
    const directive = (await clients['unit-police'].get(`/api/directives/${directiveId}`).expect(200)).body;
    expect(directive.assignments.find((a: { id: number }) => a.id === policeTask)).toMatchObject({ percentDone: 40, metricValue: 30 });
    for (const username of ['office', 'unit-police']) {
      const browser = new PageClient(app);
      await browser.signIn(username, PASSWORD);
      const [taskPage, directivePage] = [await browser.get(`/tasks/${policeTask}`), await browser.get(`/directives/${directiveId}`)];
      expect([taskPage.status, directivePage.status]).toEqual([200, 200]);
      expect(textOf(taskPage.text)).toMatch(/ 40% 完成进度 · APP安装率 30 \/ 目标 60%/);
      expect(textOf(directivePage.text)).toContain(' 40% · 30 ');
    }
    await expectTold({ ...each(OFFICE, message('review', '待审核', '完成 80%，APP安装率 55%', policeTask)), ...each(POLICE, message('task', '进展被退回', '理由：缺少各派出所的安装数据', policeTask)) });

    // With its only report returned, a task shows nothing reported.
    const town = await task(clients['unit-town'], townTask);
    const acknowledged = (await clients['unit-town'].post(`/api/assignments/${townTask}/acknowledge`).send({ version: town.version }).expect(200)).body;
    const townReport = (await clients['unit-town'].post(`/api/assignments/${townTask}/reports`).send({ version: acknowledged.version, narrative: '已走访三个社区', percentDone: 20, metricValue: 12 }).expect(200)).body;
    const townReturned = (await clients['office-2'].post(`/api/assignments/reports/${townReport.reports[0].id}/review`).send({ decision: 'return', note: '数据口径不对' }).expect(200)).body;
    expect(townReturned).toMatchObject({ percentDone: 0, metricValue: null });
    // The office-2 account returned it: it is told of the report, not of its own return.
    await expectTold({ ...each(OFFICE, message('review', '待审核', '东湖街道报送了', townTask)), 'unit-town': [message('task', '进展被退回', '数据口径不对', townTask)] });
  });

  it('tells the office of an extension request and the unit of each decision, with the reason of a refusal', async () => {
    const ask = async (requestedDeadline: string) => {
      const { version } = await task(clients['unit-police'], policeTask);
      return (await clients['unit-police'].post(`/api/assignments/${policeTask}/extension-requests`).send({ version, requestedDeadline, reason: '部分村居网络信号差，需上门推广' }).expect(200)).body.extensions[0].id as number;
    };
    const first = await ask('2026-04-15');
    await expectTold(each(OFFICE, message('review', '延期申请', '由 2026-03-31 延至 2026-04-15，理由：部分村居网络信号差，需上门推广', policeTask)));
    const { version } = await task(clients['unit-police'], policeTask);
    await clients['unit-police'].post(`/api/assignments/${policeTask}/extension-requests`).send({ version, requestedDeadline: '2026-04-20', reason: '再申请一次' }).expect(409);
    await expectTold({});

    await clients.office.post(`/api/assignments/extension-requests/${first}/decision`).send({ decision: 'refuse', note: '请先完成城区部分' }).expect(200);
    await expectTold(each(POLICE, message('task', '延期未同意', '理由：请先完成城区部分。办理时限仍为 2026-03-31', policeTask)));
    await clients.office.post(`/api/assignments/extension-requests/${first}/decision`).send({ decision: 'grant' }).expect(409);
    await expectTold({});

    const second = await ask('2026-04-10');
    await expectTold(each(OFFICE, message('review', '延期申请', '延至 2026-04-10', policeTask)));
    await clients['office-2'].post(`/api/assignments/extension-requests/${second}/decision`).send({ decision: 'grant' }).expect(200);
    await expectTold(each(POLICE, message('task', '延期已同意', '办理时限由 2026-03-31 延至 2026-04-10', policeTask)));
  });

  it('tells the office of a completion request and the unit of its return (the progress reverting) and of the sign-off', async () => {
    const requestCompletion = async (narrative: string) => {
      const { version } = await task(clients['unit-police'], policeTask);
      return (await clients['unit-police'].post(`/api/assignments/${policeTask}/completion-request`).send({ version, narrative, percentDone: 100, metricValue: 62 }).expect(200)).body;
    };
    const requested = await requestCompletion('安装率达到62%');
    expect(requested).toMatchObject({ status: 'completion_requested', percentDone: 100, metricValue: 62 });
    await expectTold(each(OFFICE, message('review', '申请办结', '公安局申请办结“国家反诈中心APP推广”', policeTask)));

    const returned = (await clients.office.post(`/api/assignments/${policeTask}/return`).send({ version: requested.version, reason: '农村地区安装率未达标' }).expect(200)).body;
    expect(returned).toMatchObject({ status: 'in_progress', percentDone: 40, metricValue: 30 });
    await expectTold(each(POLICE, message('task', '办结申请被退回', '理由：农村地区安装率未达标', policeTask)));
    await clients.office.post(`/api/assignments/${policeTask}/return`).send({ version: requested.version, reason: '农村地区安装率未达标' }).expect(409);
    await expectTold({});

    const again = await requestCompletion('农村地区已补齐');
    await expectTold(each(OFFICE, message('review', '申请办结', '完成 100%，APP安装率 62%', policeTask)));
    await clients['office-2'].post(`/api/assignments/${policeTask}/close`).send({ version: again.version }).expect(200);
    await expectTold(each(POLICE, message('task', '已销号', '任务已销号', policeTask)));
    expect(await task(clients['unit-police'], policeTask)).toMatchObject({ percentDone: 100, metricValue: 62 });
  });

  it('tells the unit of a cancelled task and of a deadline the office moved', async () => {
    const { version } = await task(clients['unit-town'], townTask);
    await clients.office.post(`/api/assignments/${townTask}/cancel`).send({ version, reason: '并入全市统一行动' }).expect(200);
    await expectTold({ 'unit-town': [message('task', '任务已撤销', '理由：并入全市统一行动', townTask)] });

    const created = (await clients.office.post('/api/directives').send({ title: '校园反诈宣传', requirement: '每所学校一次主题班会。', category: '宣传防范', priority: 'normal', deadline: '2026-03-20', leadUnitId: org.town.id }).expect(201)).body;
    const schoolTask = created.assignments[0].id;
    await expectTold({ 'unit-town': [message('task', '新任务', '办理时限为 2026-03-20', schoolTask)] });
    await clients.office.patch(`/api/directives/${created.id}`).send({ version: created.version, deadline: '2026-03-27' }).expect(200);
    await expectTold({ 'unit-town': [message('task', '期限调整', '由 2026-03-20 调整为 2026-03-27', schoolTask)] });
    await clients.office.patch(`/api/directives/${created.id}`).send({ version: created.version, deadline: '2026-03-30' }).expect(409);
    await expectTold({});
  });

  it('tells inactive accounts nothing', async () => {
    expect(await app.dataSource.getRepository(Notification).countBy({ userId: In(inactive) })).toBe(0);
  });

  it('sends each message by e-mail on its own to those with an address, and the unit’s to the group robot', async () => {
    await drain([app]);
    const inboxOf = async (person: Person) => (await clients[person].get('/api/notifications?pageSize=100').expect(200)).body.items as Message[];
    for (const [person, address] of [['unit-police', 'police@example.gov.cn'], ['office', 'office@example.gov.cn']] as const) {
      const inbox = await inboxOf(person);
      expect(inbox.length).toBeGreaterThan(0);
      const mails = smtp.mails.filter((m) => m.to.includes(address)).map((m) => ({ ...m, text: m.text.replace(/\r\n/g, '\n') }));
      expect(mails.map((m) => m.text.split('\n')[0]).sort()).toEqual(inbox.map((n) => n.title).sort());
      for (const n of inbox) {
        expect(mails.filter((m) => m.text.startsWith(`${n.title}\n`) && m.text.includes(`· ${n.body}\n  https://dbs.example.gov.cn${n.link}\n`))).toHaveLength(1);
      }
    }
    // Nobody else has an address.
    expect(smtp.mails.length).toBeGreaterThan(0);
    expect(smtp.mails.every((m) => m.to.length === 1 && ['police@example.gov.cn', 'office@example.gov.cn'].includes(m.to[0]))).toBe(true);

    // The robot speaks to the units' group: one message per step on a unit's task, none of the office's queue.
    const unitNews = await app.dataSource.getRepository(Notification).find({ where: { kind: 'task' }, select: { sourceKey: true, title: true } });
    const titles = [...new Map(unitNews.map((n) => [n.sourceKey, n.title])).values()];
    expect(titles.length).toBeGreaterThan(0);
    expect(robot.calls.map((c) => (c.body as { title: string }).title).sort()).toEqual(titles.sort());

    const [mails, calls] = [smtp.mails.length, robot.calls.length];
    await drain([app]);
    expect([smtp.mails.length, robot.calls.length]).toEqual([mails, calls]);
  });
});
