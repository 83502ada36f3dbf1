import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In, LessThan } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import type { InterviewContentDto } from '../notices/kinds/interview-letter';
import type { RectificationContentDto } from '../notices/kinds/rectification-notice';
import type { SupervisionContentDto } from '../notices/kinds/supervision-notice';
import { chineseDate } from '../notices/notice-format';
import type { DraftContext, NoticeDraft, NoticeDrafter, OverdueSource, Recipient } from '../notices/notice-kind';
import { NoticeKinds } from '../notices/notice-kinds';
import { OPEN_STATUSES } from './assignment-state';
import { Assignment, AssignmentRole } from './assignment.entity';

/** How a unit takes part in a task, as a notice says it (你单位牵头承办的督办事项). */
const SUPERVISED_ROLES: Record<AssignmentRole, string> = { lead: '牵头承办', cooperating: '配合办理' };

/** A task with what its notices say about it: the directive and the unit. */
type Task = Assignment & Required<Pick<Assignment, 'directive' | 'unit'>>;

/** What every notice drafted from a task shares: the unit it is addressed to, the leaders copied. */
const addressed = (task: Task, { copies }: DraftContext) => ({
  base: { addressee: task.unit.name, copyTo: copies.map((c) => c.name), assignmentId: task.id },
  recipients: [{ unitId: task.unit.id, userId: null, role: 'to', name: task.unit.name } satisfies Recipient, ...copies],
});

function supervisionNotice(task: Task, context: DraftContext): NoticeDraft {
  const { directive } = task;
  const { today, calendar } = context;
  const { base, recipients } = addressed(task, context);
  const content = {
    subject: 'task',
    role: SUPERVISED_ROLES[task.role],
    directiveTitle: directive.title,
    directiveCode: directive.code,
    requirement: directive.requirement,
    deadline: task.deadline ? chineseDate(task.deadline) : '长期坚持',
    asOf: chineseDate(today),
    overdueDays: context.daysLate(task.deadline),
    progress: `${task.percentDone}%`,
    replyBy: chineseDate(calendar.addWorkingDays(today, 3)),
    contact: context.contact,
  } satisfies SupervisionContentDto;
  return { notice: { ...base, title: `关于督办“${directive.title}”的通知书`, content }, recipients };
}

function interviewLetter(task: Task, context: DraftContext): NoticeDraft {
  const { directive } = task;
  const late = context.daysLate(task.deadline);
  const { base, recipients } = addressed(task, context);
  // Time and place are for the office to fill in: issuing checks they are there.
  const content = {
    reason: `你单位${SUPERVISED_ROLES[task.role]}的“${directive.title}”（${directive.code}）${late > 0 ? `已逾期${late}个工作日` : ''}仍未办结。`,
    time: '',
    place: '',
    summoned: '主要负责人',
    attendees: '你单位主要负责人、分管负责人及具体经办人员',
    bring: ['督办事项办理情况书面报告', '整改措施及时间表'],
    contact: context.contact,
  } satisfies InterviewContentDto;
  return { notice: { ...base, title: '约谈通知书', content }, recipients };
}

/** A rectification notice from a task: the office writes the problems in. */
function rectificationNotice(task: Task, context: DraftContext): NoticeDraft {
  const { directive, unit } = task;
  const { base, recipients } = addressed(task, context);
  const content = {
    intro: `在督办“${directive.title}”（${directive.code}）过程中发现你单位存在以下问题。`,
    problems: [{ where: unit.name, what: '', rule: '' }],
    requirements: ['逐项制定整改措施，明确责任人和完成时限。'],
    deadline: '',
    reportBy: '',
    recheckOn: '',
    contact: context.contact,
  } satisfies RectificationContentDto;
  return { notice: { ...base, title: `关于${unit.shortName}问题整改的通知书`, content }, recipients };
}

/** A drafter that loads the task the subject names, refusing one that does not exist. */
const fromTask =
  (compose: (task: Task, context: DraftContext) => NoticeDraft): NoticeDrafter =>
  async (manager, subject, context) => {
    const task = await manager.findOne(Assignment, { where: { id: subject.id! }, relations: { directive: true, unit: true } });
    if (!task) throw new DomainError('VALIDATION_FAILED', '任务不存在', [{ field: 'assignmentId', message: '任务不存在' }]);
    return compose(task as Task, context);
  };

/** Open tasks past their deadline, earliest first, as a circular lists them. */
const overdueTasks: OverdueSource['items'] = async (manager: EntityManager, { unitId, today, daysLate }) => {
  const lagging = await manager.find(Assignment, { where: { ...(unitId ? { unitId } : {}), status: In([...OPEN_STATUSES]), deadline: LessThan(today) }, relations: { directive: true, unit: true }, order: { deadline: 'ASC', id: 'ASC' } });
  return lagging.map((a) => ({ unitName: a.unit!.name, directiveCode: a.directive!.code, directiveTitle: a.directive!.title, deadline: chineseDate(a.deadline!), overdueDays: daysLate(a.deadline!), progress: `${a.percentDone}%` }));
};

/** What the notices engine drafts from a task, and the overdue tasks its circulars list. */
@Injectable()
export class AssignmentNotices implements OnModuleInit {
  constructor(private readonly kinds: NoticeKinds) {}

  onModuleInit(): void {
    this.kinds.registerDrafter('assignment', 'supervision_notice', fromTask(supervisionNotice));
    this.kinds.registerDrafter('assignment', 'interview_letter', fromTask(interviewLetter));
    this.kinds.registerDrafter('assignment', 'rectification_notice', fromTask(rectificationNotice));
    // Tasks come first in a circular's table, then rectification items.
    this.kinds.registerOverdueSource({ order: 1, items: overdueTasks });
  }
}
