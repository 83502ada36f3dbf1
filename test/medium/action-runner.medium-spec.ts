import { In } from 'typeorm';
import { Permission } from '../../src/access/permissions';
import { CreateDirectiveDto } from '../../src/directives/dto/directive.dto';
import { DirectivesService } from '../../src/directives/directives.service';
import { InboxQueryDto } from '../../src/notifications/dto/notification.dto';
import { Notification } from '../../src/notifications/notification.entity';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { ActionRunner } from '../../src/reminders/action-runner.service';
import { ScheduleQueryDto } from '../../src/reminders/dto/reminders.dto';
import { ScheduleService } from '../../src/reminders/schedule.service';
import { ScheduledAction } from '../../src/reminders/scheduled-action.entity';
import { Organisation, seedOrganisation } from '../support/fixtures';
import { dtoOf, MediumServices, newMediumServices } from '../support/medium';
import { chinaTime } from '../support/scheduling';

describe('the action runner, called directly (medium)', () => {
  let medium: MediumServices;
  let org: Organisation;
  let taskId: number;

  beforeAll(async () => {
    // Monday 21 September 2026, 10:00 China time.
    medium = await newMediumServices(chinaTime('2026-09-21', '10:00'));
    org = await seedOrganisation(medium.dataSource);
    const directive = await medium.get(DirectivesService).create(
      medium.accessFor(org.users.office, Permission.DirectivesManage),
      dtoOf(CreateDirectiveDto, { title: '涉诈高风险账户清理', requirement: '完成辖区涉诈高风险账户排查清理。', category: '资金查控', priority: 'normal', deadline: '2026-10-12', leadUnitId: org.police.id }),
    );
    taskId = directive.assignments.find((a) => a.unitId === org.police.id)!.id;
  });
  afterAll(() => medium.close());

  const schedule = async (status: 'pending' | 'done') =>
    (await medium.get(ScheduleService).list(medium.accessFor(org.users.office, Permission.ScheduleRead), dtoOf(ScheduleQueryDto, { assignmentId: taskId, status, pageSize: 100 }))).items;
  const reminders = async () => (await medium.get(NotificationsService).inbox(org.users.police.id, dtoOf(InboxQueryDto, { pageSize: 100 }))).items.filter((n) => n.kind === 'reminder');

  it('leaves a reminder alone before its time', async () => {
    const [first] = await schedule('pending');
    expect(first).toMatchObject({ kind: 'reminder', dueAt: new Date(chinaTime('2026-09-29')) });
    medium.clock.set(chinaTime('2026-09-29', '08:59'));
    await medium.get(ActionRunner).run(first.id);
    expect((await schedule('pending'))[0]).toMatchObject({ id: first.id, status: 'pending' });
    expect(await reminders()).toEqual([]);
  });

  it('delivers a due reminder once, however often it is run', async () => {
    const [first] = await schedule('pending');
    medium.clock.set(chinaTime('2026-09-29', '09:00'));
    const runner = medium.get(ActionRunner);
    await runner.run(first.id);
    await runner.run(first.id);
    await Promise.all([runner.run(first.id), runner.run(first.id)]);
    const done = await schedule('done');
    expect(done.map((a) => a.id)).toEqual([first.id]);
    // Claimed once: the later runs found the row no longer pending and did nothing.
    expect(done[0]).toMatchObject({ attempts: 1, lastError: null, outcome: expect.any(String) });
    const told = await reminders();
    expect(told).toHaveLength(1);
    expect(told[0].title).toContain('还有 5 个工作日');
    // The next reminder is still waiting for its own day.
    expect((await schedule('pending'))[0].dueAt).toEqual(new Date(chinaTime('2026-10-08')));
  });
});

describe('the action runner in batches (medium)', () => {
  let medium: MediumServices;
  let org: Organisation;
  let tasks: number[];

  beforeAll(async () => {
    medium = await newMediumServices(chinaTime('2026-09-21', '10:00'));
    org = await seedOrganisation(medium.dataSource);
    tasks = [];
    for (const title of ['批量提醒事项甲', '批量提醒事项乙', '批量提醒事项丙']) {
      const directive = await medium.get(DirectivesService).create(
        medium.accessFor(org.users.office, Permission.DirectivesManage),
        dtoOf(CreateDirectiveDto, { title, requirement: '按要求办理。', category: '综合', priority: 'normal', deadline: '2026-10-12', leadUnitId: org.police.id }),
      );
      tasks.push(directive.assignments[0].id);
    }
  });
  afterAll(() => medium.close());

  const actions = () => medium.dataSource.getRepository(ScheduledAction);
  const remindersOf = (id: number) => actions().find({ where: { subjectKind: 'assignment', subjectId: id, kind: 'reminder' }, order: { dueAt: 'ASC' } });
  const messagesFor = (actionIds: number[]) => medium.dataSource.getRepository(Notification).find({ where: { sourceKey: In(actionIds.map((id) => `action:${id}`)) } });

  it('reads pending rows with the run times the entities have', async () => {
    const pending = await actions().find({ where: { status: 'pending' }, select: { id: true, runAt: true }, order: { id: 'ASC' } });
    expect(pending.length).toBeGreaterThan(0);
    expect([...(await medium.get(ActionRunner).pending())].sort((a, b) => a.id - b.id)).toEqual(pending.map((a) => ({ id: a.id, runAt: a.runAt })));
  });

  it('does each due action of a batch once, however often the batch runs, one after the other or at once', async () => {
    const firsts = await Promise.all(tasks.map(async (task) => (await remindersOf(task))[0]));
    medium.clock.set(chinaTime('2026-09-29', '09:00'));
    const runner = medium.get(ActionRunner);
    const ids = firsts.map((a) => a.id);
    await runner.runBatch(ids);
    await runner.runBatch(ids);
    await Promise.all([runner.runBatch(ids), runner.runBatch([...ids].reverse())]);

    const done = await actions().findBy({ id: In(ids) });
    expect(done.map((a) => [a.status, a.attempts, a.outcome])).toEqual(ids.map(() => ['done', 1, '已提醒 1 名联络员']));
    const messages = await messagesFor(ids);
    expect(messages.map((n) => [n.userId, n.sourceKey]).sort()).toEqual(ids.map((id) => [org.users.police.id, `action:${id}`]).sort());
    expect(messages.every((n) => n.title.includes('还有 5 个工作日'))).toBe(true);
  });

  it('sends only the latest of a task’s reminders due together, whichever runs first, in one batch or apart', async () => {
    // Away until the last working day before the deadline: the reminders of 8 and 10 October are both due.
    medium.clock.set(chinaTime('2026-10-10', '10:00'));
    const [, second, third] = await remindersOf(tasks[0]);
    const [, secondApart, thirdApart] = await remindersOf(tasks[1]);
    const runner = medium.get(ActionRunner);
    await runner.runBatch([third.id, second.id]);
    // Apart, the later first: the earlier then finds it done already.
    await runner.runBatch([thirdApart.id]);
    await runner.runBatch([secondApart.id]);

    for (const [earlier, later] of [
      [second, third],
      [secondApart, thirdApart],
    ]) {
      const rows = await actions().findBy({ id: In([earlier.id, later.id]) });
      expect(Object.fromEntries(rows.map((a) => [a.id, a.outcome]))).toEqual({ [earlier.id]: '已被随后到期的提醒取代，未重复发送', [later.id]: '已提醒 1 名联络员' });
      expect((await messagesFor([earlier.id, later.id])).map((n) => n.sourceKey)).toEqual([`action:${later.id}`]);
    }
  });

  it('records a failure against the action that has it, and does the rest of its batch', async () => {
    const [, , third] = await remindersOf(tasks[2]);
    // A reminder of work that is not there: reading it fails.
    const orphan = await actions().save(actions().create({ subjectKind: 'assignment', subjectId: 999_999, kind: 'reminder', periodKey: '2026-10-12:1', dueAt: third.dueAt, runAt: third.runAt, status: 'pending', attempts: 0, lastError: null, outcome: null, completedAt: null }));
    await medium.get(ActionRunner).runBatch([orphan.id, third.id]);

    expect(await actions().findOneByOrFail({ id: third.id })).toMatchObject({ status: 'done', attempts: 1, outcome: '已提醒 1 名联络员' });
    const failed = await actions().findOneByOrFail({ id: orphan.id });
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastError: '找不到任务 #999999' });
    // Tried again later, with the backoff.
    expect(failed.runAt.getTime()).toBeGreaterThan(medium.clock.now().getTime());
    expect(await messagesFor([orphan.id])).toEqual([]);
  });
});
