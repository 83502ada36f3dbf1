import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { awaitsUnit, OPEN_STATUSES } from '../assignments/assignment-state';
import { Assignment } from '../assignments/assignment.entity';
import { CalendarService } from '../calendar/calendar.service';
import { chinaDate } from '../calendar/working-calendar';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Priority, PRIORITIES } from '../directives/directive.entity';
import type { WakeUp } from '../jobs/jobs.constants';
import { JobsService } from '../jobs/jobs.service';
import { Escalation, EscalationPolicy } from './escalation.entity';
import { DEFAULT_LADDERS, diffPlan, Ladder, officeTime, planActions } from './escalation-ladder';
import { RungNotices } from './rung-notices.service';
import { ScheduledAction } from './scheduled-action.entity';

const CHUNK = 500;

/**
 * Keeps the stored schedule in step with the data: called in the transaction of every change that moves
 * it (an assignment issued, a deadline moved, work finished, the policy or the calendar changed).
 */
@Injectable()
export class SchedulePlanner implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rungNotices: RungNotices,
  ) {}

  onModuleInit(): void {
    // A holiday added or a year's schedule entered moves working-day dates: every open assignment is re-planned.
    this.calendar.onChange(async () => {
      await this.replanOpen();
    });
  }

  /** Re-plans every open assignment, a chunk per transaction. */
  async replanOpen(): Promise<number> {
    const open = await this.dataSource.getRepository(Assignment).find({ where: { status: In([...OPEN_STATUSES]) }, select: { id: true }, order: { id: 'ASC' } });
    for (let i = 0; i < open.length; i += CHUNK) {
      const ids = open.slice(i, i + CHUNK).map((a) => a.id);
      await this.jobs.wake('action', await this.dataSource.transaction((manager) => this.planChunk(manager, ids)));
    }
    return open.length;
  }

  /**
   * Re-plans these assignments; returns their pending actions, to wake once the transaction commits.
   * `asOf` plans as at an earlier moment, for work entered after the fact (the demo city's month).
   */
  async plan(manager: EntityManager, assignmentIds: number[], asOf?: Date): Promise<WakeUp[]> {
    const wake: WakeUp[] = [];
    for (let i = 0; i < assignmentIds.length; i += CHUNK) wake.push(...(await this.planChunk(manager, assignmentIds.slice(i, i + CHUNK), asOf)));
    return wake;
  }

  /** The ladder in force for each priority: the office's, or the default. */
  async ladders(manager: EntityManager): Promise<Record<Priority, Ladder>> {
    const stored = await manager.find(EscalationPolicy);
    return Object.fromEntries(PRIORITIES.map((p) => [p, stored.find((s) => s.priority === p)?.ladder ?? DEFAULT_LADDERS[p]])) as Record<Priority, Ladder>;
  }

  private async planChunk(manager: EntityManager, ids: number[], asOf?: Date): Promise<WakeUp[]> {
    if (ids.length === 0) return [];
    const [assignments, existing, ladders, calendar] = await Promise.all([
      manager.find(Assignment, { where: { id: In(ids) }, relations: { directive: true } }),
      manager.find(ScheduledAction, { where: { assignmentId: In(ids) } }),
      this.ladders(manager),
      this.calendar.calendar(),
    ]);
    const today = this.calendar.today();
    const now = asOf ?? this.clock.now();
    const dueAt = (date: string) => officeTime(date, this.config.jobs.officeMinute);
    const inserts: Partial<ScheduledAction>[] = [];
    const cancel: number[] = [];
    const reschedule: { id: number; dueAt: Date }[] = [];
    const finished: number[] = [];
    for (const assignment of assignments) {
      const directive = assignment.directive!;
      const chased = awaitsUnit(assignment.status);
      if (!chased) finished.push(assignment.id);
      const planned = planActions(
        { open: chased, deadline: assignment.deadline, reportCycle: directive.reportCycle, reportDay: directive.reportDay, issuedOn: chinaDate(assignment.createdAt) },
        ladders[directive.priority],
        calendar,
        today,
      );
      const changes = diffPlan(
        existing.filter((a) => a.assignmentId === assignment.id),
        planned,
        dueAt,
        now,
      );
      for (const action of changes.insert) {
        inserts.push({ assignmentId: assignment.id, kind: action.kind, periodKey: action.periodKey, dueAt: action.dueAt, runAt: action.dueAt, status: 'pending', attempts: 0, lastError: null, outcome: null, completedAt: null });
      }
      cancel.push(...changes.cancel);
      reschedule.push(...changes.reschedule);
    }
    for (let i = 0; i < inserts.length; i += CHUNK) await manager.createQueryBuilder().insert().into(ScheduledAction).values(inserts.slice(i, i + CHUNK)).execute();
    if (cancel.length > 0) await manager.update(ScheduledAction, { id: In(cancel), status: 'pending' }, { status: 'cancelled', outcome: '计划已变更（期限调整、任务办结或督办规则修改）' });
    for (const { id, dueAt: at } of reschedule) await manager.update(ScheduledAction, { id }, { status: 'pending', dueAt: at, runAt: at, attempts: 0, lastError: null, outcome: null });
    // A prepared rung is moot once the work is no longer in the unit's hands.
    if (finished.length > 0) {
      const withdrawn = await manager.findBy(Escalation, { assignmentId: In(finished), status: 'pending' });
      for (const escalation of withdrawn) await this.rungNotices.discard(manager, escalation);
      if (withdrawn.length > 0) await manager.update(Escalation, { id: In(withdrawn.map((e) => e.id)), status: 'pending' }, { status: 'dismissed', decisionNote: '任务已办结、撤销或已申请办结，自动撤回', decidedAt: now });
    }
    const pending = await manager.find(ScheduledAction, { where: { assignmentId: In(ids), status: 'pending' }, select: { id: true, runAt: true } });
    return pending.map((a) => ({ id: a.id, runAt: a.runAt }));
  }
}
