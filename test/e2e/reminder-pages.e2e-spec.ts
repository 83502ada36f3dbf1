import { Escalation } from '../../src/reminders/escalation.entity';
import { PageClient } from '../support/browser-session';
import { as, login, Organisation, PASSWORD, seedOrganisation } from '../support/fixtures';
import { chinaTime, controlClock, drain, jobsEnv } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

describe(`reminder, approval and policy pages (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let clock: ReturnType<typeof controlClock>;
  let townTask: number;

  beforeAll(async () => {
    app = await startTestApp(jobsEnv());
    clock = controlClock([app], chinaTime('2026-09-21', '10:00'));
    org = await seedOrganisation(app.dataSource);
    const office = as(app, await login(app, 'office'));
    const directive = await office.post('/api/directives').send({ title: '页面提醒事项', requirement: '要求', category: '综合', priority: 'normal', deadline: '2026-10-12', leadUnitId: org.town.id }).expect(201);
    townTask = directive.body.assignments[0].id;
  });
  afterAll(() => app.close());

  it('shows a unit contact the upcoming reminders on the task, then the reminder in the inbox with an unread count', async () => {
    const browser = new PageClient(app);
    await browser.signIn('unit-town', PASSWORD);
    const task = await browser.get(`/tasks/${townTask}`);
    expect(task.text).toContain('计划中的提醒与督办');
    expect(task.text).toContain('2026-09-29 09:00');

    clock.set(chinaTime('2026-09-29'));
    await drain([app]);
    const home = await browser.get('/');
    // The reminder, and the message of the task's issue before it.
    expect(home.text).toMatch(/消息<span class="badge unread"[^>]*>2<\/span>/);
    const inbox = await browser.get('/inbox');
    expect(inbox.text).toContain('还有 5 个工作日');
    expect(inbox.text).toContain('【新任务】');
    // Newest first: the reminder's.
    const id = /action="\/inbox\/(\d+)\/open"/.exec(inbox.text)![1];
    const token = /name="_csrf" value="([^"]+)"/.exec(inbox.text)![1];
    const opened = await browser.post(`/inbox/${id}/open`, { _csrf: token });
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe(`/tasks/${townTask}`);
    expect((await browser.get('/')).text).toMatch(/消息<span class="badge unread"[^>]*>1<\/span>/);
  });

  it('lets the office approve a prepared rung from the queue, and refuses a dismissal without a reason', async () => {
    clock.set(chinaTime('2026-10-13'));
    await drain([app]);
    const browser = new PageClient(app);
    await browser.signIn('office', PASSWORD);
    const queue = await browser.get('/escalations');
    expect(queue.text).toContain('督办通知书');
    expect(queue.text).toContain('页面提醒事项');
    const id = /action="\/escalations\/(\d+)\/approve"/.exec(queue.text)![1];
    const token = /name="_csrf" value="([^"]+)"/.exec(queue.text)![1];
    const refused = await browser.post(`/escalations/${id}/dismiss`, { _csrf: token, reason: ' ' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('不能为空');
    const question = await browser.post(`/escalations/${id}/approve`, { _csrf: token, note: '同意发出' });
    expect(question.text).toContain('确认发出督办通知书');
    expect(await app.dataSource.getRepository(Escalation).findOneByOrFail({ id: Number(id) })).toMatchObject({ status: 'pending' });
    const approved = await browser.confirm(question);
    expect(approved.status).toBe(303);
    expect((await browser.get('/escalations')).text).toContain('已同意：督办通知书');
    expect(await app.dataSource.getRepository(Escalation).findOneByOrFail({ id: Number(id) })).toMatchObject({ status: 'issued', decisionNote: '同意发出' });
    expect((await browser.get('/escalations?status=issued')).text).toContain('同意发出');

    const leader = new PageClient(app);
    await leader.signIn('leader', PASSWORD);
    const leaderView = await leader.get('/escalations?status=issued');
    expect(leaderView.status).toBe(200);
    expect(leaderView.text).not.toContain('同意发出</button>');
    // The office's draft behind the rung is not the leader's to open: no link that would answer 404.
    expect(leaderView.text).toContain('督办通知书');
    expect(leaderView.text).not.toContain('查看随附的通知');
    expect((await browser.get('/escalations?status=issued')).text).toContain('查看随附的通知');
  });

  it('edits the policy by form, keeping the page when the ladder is out of order', async () => {
    const browser = new PageClient(app);
    await browser.signIn('office', PASSWORD);
    const page = await browser.get('/policies');
    expect(page.text).toContain('一般事项');
    expect(page.text).toContain('value="5,3,1"');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const form = (circularAfter: string) => ({
      _csrf: token,
      version: '0',
      reminderDays: '7、3、1',
      'rungs.supervision_notice.afterDays': '1',
      'rungs.supervision_notice.mode': 'approval',
      'rungs.circular.afterDays': circularAfter,
      'rungs.circular.mode': 'approval',
      'rungs.interview.afterDays': '11',
      'rungs.interview.mode': 'approval',
      'rungs.yellow_card.afterDays': '16',
      'rungs.yellow_card.mode': 'off',
      'rungs.red_card.afterDays': '26',
      'rungs.red_card.mode': 'off',
      reportReminderDays: '3,1',
      'reportOverdue.afterDays': '1',
      'reportOverdue.mode': 'auto',
    });
    const refused = await browser.post('/policies/normal', form('1'));
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('应晚于');
    const saved = await browser.post('/policies/normal', form('6'));
    expect(saved.status).toBe(303);
    expect((await browser.get('/policies')).text).toContain('value="7,3,1"');

    const unit = new PageClient(app);
    await unit.signIn('unit-town', PASSWORD);
    expect((await unit.get('/policies')).status).toBe(403);
    expect((await unit.get('/deliveries')).status).toBe(403);
  });

  it('shows the office the upcoming actions and the (empty) dead-letter list', async () => {
    const browser = new PageClient(app);
    await browser.signIn('office', PASSWORD);
    const schedule = await browser.get('/schedule?withinDays=10');
    expect(schedule.status).toBe(200);
    expect(schedule.text).toContain('通报');
    const deliveries = await browser.get('/deliveries');
    expect(deliveries.text).toContain('没有记录');
  });
});
