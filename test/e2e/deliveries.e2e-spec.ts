import { createHmac } from 'node:crypto';
import { JobsService } from '../../src/jobs/jobs.service';
import { User } from '../../src/users/user.entity';
import { as, login, Organisation, seedOrganisation } from '../support/fixtures';
import { startSmtpReceiver, startWebhookReceiver } from '../support/receivers';
import { chinaTime, controlClock, drain, jobsEnv } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

type Client = ReturnType<typeof as>;
const SECRET = 'SEC-robot-secret';

describe(`e-mail and robot deliveries (${process.env.TEST_DB})`, () => {
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let robot: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let app: TestApp;
  let org: Organisation;
  let office: Client;
  let police: Client;
  let clock: ReturnType<typeof controlClock>;
  const at = async (date: string, time: string) => {
    clock.set(chinaTime(date, time));
    await drain([app]);
  };

  beforeAll(async () => {
    [smtp, robot] = await Promise.all([startSmtpReceiver(), startWebhookReceiver()]);
    app = await startTestApp({ ...jobsEnv(), SMTP_URL: smtp.url, MAIL_FROM: '反诈联席办 <dbs@example.gov.cn>', WEBHOOK_URL: robot.url, WEBHOOK_FORMAT: 'dingtalk', WEBHOOK_SECRET: SECRET, DELIVERY_MAX_ATTEMPTS: '3', PUBLIC_URL: 'https://dbs.example.gov.cn' });
    clock = controlClock([app], chinaTime('2026-09-21', '10:00'));
    org = await seedOrganisation(app.dataSource);
    await app.dataSource.getRepository(User).update({ id: org.users.police.id }, { email: 'police@example.gov.cn' });
    office = as(app, await login(app, 'office'));
    police = as(app, await login(app, 'unit-police'));
  });
  afterAll(async () => {
    await app.close();
    await Promise.all([smtp.close(), robot.close()]);
  });

  it('gathers a day’s reminders into one e-mail per person and one robot message', async () => {
    for (const title of ['涉诈账户清理', '预警劝阻回访']) {
      await office.post('/api/directives').send({ title, requirement: '按要求办理。', category: '综合', priority: 'normal', deadline: '2026-10-12', leadUnitId: org.police.id, cooperatingUnitIds: [org.town.id] }).expect(201);
    }
    // Each new task went out on its own at once (task-news.e2e-spec.ts tells more); the reminders below are gathered.
    await drain([app]);
    expect(smtp.mails.splice(0).map((m) => [m.to, m.text.split('\n')[0]])).toEqual([
      [['police@example.gov.cn'], expect.stringMatching(/^【新任务】.*涉诈账户清理$/)],
      [['police@example.gov.cn'], expect.stringMatching(/^【新任务】.*预警劝阻回访$/)],
    ]);
    expect(robot.calls.splice(0)).toHaveLength(4);
    await at('2026-09-29', '09:00');
    expect(smtp.mails).toEqual([]); // the digest waits for the day's other reminders
    await at('2026-09-29', '09:10');
    // Only the police contact has an address; the town contact has the inbox alone.
    expect(smtp.mails.map((m) => m.to)).toEqual([['police@example.gov.cn']]);
    const [mail] = smtp.mails;
    expect(mail.raw).toMatch(/^From: =\?UTF-8\?.*<dbs@example\.gov\.cn>/m);
    expect(mail.text).toMatch(/^督办提醒（2026-09-29，共 2 项）/);
    expect(mail.text.match(/https:\/\/dbs\.example\.gov\.cn\/tasks\/\d+/g)).toHaveLength(2);
    expect(robot.calls).toHaveLength(1);
    const [call] = robot.calls;
    const url = new URL(call.url, 'http://robot');
    expect(url.searchParams.get('sign')).toBe(createHmac('sha256', SECRET).update(`${url.searchParams.get('timestamp')}\n${SECRET}`).digest('base64'));
    expect(call.body).toMatchObject({ msgtype: 'markdown', markdown: { title: '督办提醒（2026-09-29，共 4 项）' } });
    const text = (call.body as { markdown: { text: string } }).markdown.text;
    expect(text.match(/^- \[/gm)).toHaveLength(4);

    await at('2026-09-29', '18:00');
    expect(smtp.mails).toHaveLength(1);
    expect(robot.calls).toHaveLength(1);
  });

  it('retries a failing robot with growing waits, lists it as dead after the last attempt, and a retry succeeds', async () => {
    robot.setFailing(true);
    await at('2026-10-08', '09:00');
    await at('2026-10-08', '09:10'); // the first attempt
    const dead = async () => (await office.get('/api/deliveries').expect(200)).body.items as { id: number; channel: string; attempts: number; lastError: string }[];
    expect(await dead()).toEqual([]);
    await at('2026-10-08', '09:11'); // one minute after the first failure
    expect(await dead()).toEqual([]);
    await at('2026-10-08', '09:16'); // five minutes after the second: the third and last attempt
    const [failed, ...others] = await dead();
    expect(others).toEqual([]);
    expect(failed).toMatchObject({ channel: 'webhook', attempts: 3, lastError: expect.stringContaining('HTTP 500') });
    expect(robot.calls).toHaveLength(1);
    // The e-mail of the same day went out regardless.
    expect(smtp.mails).toHaveLength(2);

    await police.post(`/api/deliveries/${failed.id}/retry`).expect(403);
    robot.setFailing(false);
    await office.post(`/api/deliveries/${failed.id}/retry`).expect(200);
    await drain([app]);
    expect(robot.calls).toHaveLength(2);
    expect((robot.calls[1].body as { markdown: { title: string } }).markdown.title).toBe('督办提醒（2026-10-08，共 4 项）');
    expect(await dead()).toEqual([]);
    expect((await office.post(`/api/deliveries/${failed.id}/retry`).expect(409)).body.code).toBe('DELIVERY_NOT_FAILED');
  });

  it('sends word of a voided notice by e-mail and to the robot at once, woken once the void has committed', async () => {
    const directive = await office.post('/api/directives').send({ title: '涉诈资金查控', requirement: '按要求办理。', category: '综合', priority: 'normal', deadline: '2026-10-30', leadUnitId: org.police.id }).expect(201);
    const draft = (await office.post('/api/notices').send({ kind: 'supervision_notice', assignmentId: directive.body.assignments[0].id }).expect(201)).body;
    const issued = (await office.post(`/api/notices/${draft.id}/issue`).send({ version: draft.version }).expect(200)).body;
    await drain([app]);
    smtp.mails.splice(0);
    robot.calls.splice(0);
    const wake = jest.spyOn(app.app.get(JobsService), 'wake');
    try {
      await office.post(`/api/notices/${draft.id}/void`).send({ reason: '督办事项引用错误' }).expect(200);
      const planned: { id: number }[] = await app.dataSource.query("SELECT id FROM deliveries WHERE topic = ? ORDER BY id", [`event:notice:${draft.id}:void`]);
      // One e-mail to the unit's contact with an address, one robot message.
      expect(planned).toHaveLength(2);
      expect(wake).toHaveBeenCalledWith('delivery', planned.map((d) => expect.objectContaining({ id: d.id })));
    } finally {
      wake.mockRestore();
    }
    await drain([app]);
    expect(smtp.mails.map((m) => m.to)).toEqual([['police@example.gov.cn']]);
    expect(smtp.mails[0].text).toContain(`【已作废】督办通知书${issued.number}`);
    expect(smtp.mails[0].text).toContain('作废原因：督办事项引用错误');
    expect(robot.calls).toHaveLength(1);
  });
});
