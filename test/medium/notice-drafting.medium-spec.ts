import { DomainError } from '../../src/common/errors/domain-error';
import { Permission } from '../../src/access/permissions';
import { CreateDirectiveDto } from '../../src/directives/dto/directive.dto';
import { DirectivesService } from '../../src/directives/directives.service';
import { CreateNoticeDto } from '../../src/notices/dto/notice.dto';
import { Notice } from '../../src/notices/notice.entity';
import { NoticesService } from '../../src/notices/notices.service';
import { Organisation, seedOrganisation } from '../support/fixtures';
import { dtoOf, MediumServices, newMediumServices } from '../support/medium';
import { chinaTime } from '../support/scheduling';

describe('drafting notices from the records, called directly (medium)', () => {
  let medium: MediumServices;
  let org: Organisation;
  let taskId: number;
  let directiveCode: string;

  beforeAll(async () => {
    medium = await newMediumServices(chinaTime('2026-03-02', '10:00'));
    org = await seedOrganisation(medium.dataSource);
    const directive = await medium.get(DirectivesService).create(
      medium.accessFor(org.users.office, Permission.DirectivesManage),
      dtoOf(CreateDirectiveDto, { title: '涉诈高风险电话卡二次实人核验', requirement: '核验率达到100%。', category: '综合', priority: 'normal', deadline: '2026-03-04', leadUnitId: org.police.id }),
    );
    taskId = directive.assignments[0].id;
    directiveCode = directive.code;
    // Three working days past the deadline.
    medium.clock.set(chinaTime('2026-03-09', '10:00'));
  });
  afterAll(() => medium.close());

  const office = () => medium.accessFor(org.users.office, Permission.NoticesManage);

  it('fills a supervision notice from an overdue task: the unit addressed, the leaders copied', async () => {
    const draft = await medium.get(NoticesService).createDraft(office(), dtoOf(CreateNoticeDto, { kind: 'supervision_notice', assignmentId: taskId }));
    expect(draft).toMatchObject({ kind: 'supervision_notice', status: 'draft', number: null, assignmentId: taskId, title: '关于督办“涉诈高风险电话卡二次实人核验”的通知书', addressee: '测试市公安局', copyTo: ['leader'] });
    expect(draft.content).toMatchObject({ role: '牵头承办', directiveCode, requirement: '核验率达到100%。', deadline: '2026年3月4日', asOf: '2026年3月9日', overdueDays: 3, progress: '0%', contact: 'office' });
    expect(draft.recipients.map((r) => [r.role, r.name, r.unitId, r.userId])).toEqual([
      ['to', '测试市公安局', org.police.id, null],
      ['cc', 'leader', null, org.users.leader.id],
    ]);
  });

  it('drafts inside the caller’s transaction, so a draft rolled back leaves nothing', async () => {
    const notices = medium.get(NoticesService);
    const before = await medium.dataSource.getRepository(Notice).count();
    const failure = new Error('the caller changed its mind');
    let drafted = 0;
    await expect(
      medium.dataSource.transaction(async (manager) => {
        drafted = await notices.draft(manager, { userId: null, name: '系统' }, dtoOf(CreateNoticeDto, { kind: 'interview_letter', assignmentId: taskId }));
        expect(await manager.findOneByOrFail(Notice, { id: drafted })).toMatchObject({ kind: 'interview_letter', status: 'draft', createdBy: 0 });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(drafted).toBeGreaterThan(0);
    expect(await medium.dataSource.getRepository(Notice).count()).toBe(before);
  });

  it('refuses a notice on a task that does not exist, drafting nothing', async () => {
    const before = await medium.dataSource.getRepository(Notice).count();
    const refused = medium.get(NoticesService).createDraft(office(), dtoOf(CreateNoticeDto, { kind: 'supervision_notice', assignmentId: taskId + 100 }));
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toThrow('任务不存在');
    expect(await medium.dataSource.getRepository(Notice).count()).toBe(before);
  });
});
