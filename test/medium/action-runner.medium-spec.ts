import { Permission } from '../../src/access/permissions';
import { CreateDirectiveDto } from '../../src/directives/dto/directive.dto';
import { DirectivesService } from '../../src/directives/directives.service';
import { InboxQueryDto } from '../../src/notifications/dto/notification.dto';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { ActionRunner } from '../../src/reminders/action-runner.service';
import { ScheduleQueryDto } from '../../src/reminders/dto/reminders.dto';
import { ScheduleService } from '../../src/reminders/schedule.service';
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
