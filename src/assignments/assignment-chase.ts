import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In, MoreThan } from 'typeorm';
import { chinaDate } from '../calendar/working-calendar';
import { ChaseLabel, ChaseSource, ChaseSources, ChaseSubject, ChaseTarget } from '../reminders/chase-sources';
import type { Priority } from '../reminders/chase-terms';
import { awaitsUnit, OPEN_STATUSES } from './assignment-state';
import { Assignment } from './assignment.entity';
import { ProgressReport } from './progress-report.entity';

/** The subject kind of a task in the schedule and the rungs. */
export const ASSIGNMENT_SUBJECT = 'assignment';

const label = (a: Assignment): ChaseLabel => ({ code: a.directive!.code, title: a.directive!.title, unitId: a.unitId, unitName: a.unit!.name, link: `/tasks/${a.id}` });

/** Tasks as the escalation ladder chases them: by their deadline, or for standing work by their report cycle. */
@Injectable()
export class AssignmentChase implements ChaseSource, OnModuleInit {
  readonly kind = ASSIGNMENT_SUBJECT;
  readonly noun = '任务';
  readonly words = {
    settled: '任务已办结、撤销或已申请办结，无需执行',
    undone: '仍未办结',
    moved: { reminder: '办理时限已变更，本提醒不再适用', rung: '办理时限已变更，本级督办不再适用' },
  };

  constructor(private readonly sources: ChaseSources) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async openIds(manager: EntityManager, priority?: Priority): Promise<number[]> {
    const qb = manager.getRepository(Assignment).createQueryBuilder('a').select('a.id', 'id').where('a.status IN (:...open)', { open: [...OPEN_STATUSES] });
    if (priority) qb.innerJoin('a.directive', 'directive').andWhere('directive.priority = :priority', { priority });
    return (await qb.orderBy('a.id', 'ASC').getRawMany<{ id: number }>()).map((row) => Number(row.id));
  }

  async subjects(manager: EntityManager, ids: number[]): Promise<ChaseSubject[]> {
    return (await manager.find(Assignment, { where: { id: In(ids) }, relations: { directive: true } })).map((a) => ({
      id: a.id,
      unitId: a.unitId,
      open: awaitsUnit(a.status),
      deadline: a.deadline,
      reportCycle: a.directive!.reportCycle,
      reportDay: a.directive!.reportDay,
      issuedOn: chinaDate(a.createdAt),
      priority: a.directive!.priority,
    }));
  }

  async targets(manager: EntityManager, ids: number[]): Promise<Map<number, ChaseTarget>> {
    const found = await manager.find(Assignment, { where: { id: In(ids) }, relations: { directive: true, unit: true } });
    return new Map(
      found.map((a) => {
        const { reportCycle, reportDay } = a.directive!;
        const target: ChaseTarget = {
          ...label(a),
          kind: this.kind,
          id: a.id,
          unit: a.unit!,
          deadlineName: '办理时限',
          deadline: a.deadline,
          priority: a.directive!.priority,
          progress: `当前进度 ${a.percentDone}%`,
          chased: awaitsUnit(a.status),
          reporting: reportCycle && reportDay ? { cycle: reportCycle, day: reportDay } : null,
        };
        return [a.id, target];
      }),
    );
  }

  async labels(manager: EntityManager, ids: number[]): Promise<Map<number, ChaseLabel>> {
    // What a label shows, and not the directive's requirement text: lists ask for a page of these at a time.
    const found = await manager.find(Assignment, { where: { id: In(ids) }, relations: { directive: true, unit: true }, select: { id: true, unitId: true, directive: { id: true, code: true, title: true }, unit: { id: true, name: true } } });
    return new Map(found.map((a) => [a.id, label(a)]));
  }

  reportedSince(manager: EntityManager, id: number, since: Date): Promise<boolean> {
    return manager.existsBy(ProgressReport, { assignmentId: id, submittedAt: MoreThan(since) });
  }
}
