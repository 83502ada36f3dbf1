import type { EntityManager } from 'typeorm';
import { Access } from '../access/access';
import { Permission } from '../access/permissions';
import { AssessmentService } from '../assessment/assessment.service';
import { periodBounds, previousPeriod } from '../assessment/assessment-rules';
import { Assignment, AssignmentEvent, AssignmentRole } from '../assignments/assignment.entity';
import { taskSortKey } from '../assignments/task-order';
import { Directive } from '../directives/directive.entity';
import { formatDirectiveCode, nextDirectiveNumber } from '../directives/directive-code';
import { directiveOrder } from '../directives/directive-order';
import { indexDirectiveTerms } from '../directives/directive-search';
import { User } from '../users/user.entity';
import { addDays } from './demo-directives';

/** Last quarter's work: each unit's task, and the day it was closed relative to the deadline (negative: early). */
const LAST_QUARTER: Array<{ unit: string; role: AssignmentRole; closedAfter: number; metric: number }> = [
  { unit: 'police', role: 'lead', closedAfter: -6, metric: 100 },
  { unit: 'telecom', role: 'cooperating', closedAfter: 9, metric: 96 },
  { unit: 'mobile', role: 'cooperating', closedAfter: -2, metric: 100 },
  { unit: 'unicom', role: 'cooperating', closedAfter: 3, metric: 100 },
  { unit: 'town1', role: 'cooperating', closedAfter: -1, metric: 100 },
];

/** The year whose directive counter the last quarter's directive numbers from. */
export const demoQuarterYear = (today: string): number => previousPeriod('quarter', today).year;

/** A directive of the last quarter, closed by each unit on time or late: what its ranking is scored from. */
export async function seedDemoQuarterWork(manager: EntityManager, today: string, unitIds: Map<string, number>, officeUserId: number): Promise<void> {
  const { year, number } = previousPeriod('quarter', today);
  const { startOn } = periodBounds('quarter', year, number);
  const deadline = addDays(startOn, 45);
  const seq = await nextDirectiveNumber(manager, year);
  const directive = await manager.save(
    manager.create(Directive, {
      code: formatDirectiveCode(year, seq),
      year,
      seq,
      title: '涉诈高风险电话卡“断卡”专项清理',
      requirement: '对“一人多卡”和涉诈高风险电话卡开展专项清理，清理率达到 100%。',
      category: '行业治理',
      priority: 'important',
      sourceDocumentId: null,
      sourceExcerpt: null,
      deadline,
      reportCycle: null,
      reportDay: null,
      metricName: '清理率',
      metricUnit: '%',
      metricComparator: 'gte',
      metricTarget: 100,
      createdBy: officeUserId,
      ...directiveOrder(deadline, 'important'),
    }),
  );
  await indexDirectiveTerms(manager, directive);
  const issuedAt = new Date(`${startOn}T02:00:00Z`);
  for (const task of LAST_QUARTER) {
    const closedAt = new Date(`${addDays(deadline, task.closedAfter)}T08:00:00Z`);
    const assignment = await manager.save(
      manager.create(Assignment, { directiveId: directive.id, unitId: unitIds.get(task.unit)!, role: task.role, status: 'closed', deadline, targetValue: 100, percentDone: 100, metricValue: task.metric, acknowledgedAt: issuedAt, closedAt, sortKey: taskSortKey('closed', deadline, 'important'), awaitingReview: false }),
    );
    await manager.save([
      manager.create(AssignmentEvent, { assignmentId: assignment.id, action: 'create', fromStatus: null, toStatus: 'issued', note: null, actorUserId: officeUserId, occurredAt: issuedAt }),
      manager.create(AssignmentEvent, { assignmentId: assignment.id, action: 'close', fromStatus: 'completion_requested', toStatus: 'closed', note: null, actorUserId: officeUserId, occurredAt: closedAt }),
    ]);
  }
}

const accessOf = (user: User, permission: Permission, scope: 'all' | 'own-unit') => new Access({ userId: user.id, username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId }, permission, scope);

/** Last quarter's ranking published through the service, with the telecom branch's objection waiting for the office. */
export async function publishDemoRanking(assessment: AssessmentService, manager: EntityManager, today: string): Promise<void> {
  const [office, telecom] = await Promise.all([manager.findOneByOrFail(User, { username: 'office' }), manager.findOneByOrFail(User, { username: 'unit-telecom' })]);
  const period = await assessment.createPeriod({ kind: 'quarter', ...previousPeriod('quarter', today) });
  await assessment.publish(accessOf(office, Permission.AssessmentManage, 'all'), period.id, period.version);
  const own = accessOf(telecom, Permission.AssessmentObject, 'own-unit');
  const line = (await assessment.lines(own, period.id, {}, false)).find((l) => l.rule === 'overdue_item');
  if (line) await assessment.object(own, period.id, line.id!, { reason: '该任务期限内已完成清理，因系统故障晚报送办结申请，请核实运营商业务系统中的清理记录。' }, []);
}
