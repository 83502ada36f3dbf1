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
import { DEFAULT_LADDERS, diffPlan, Ladder, officeTime, planActions, PlanSubject } from './escalation-ladder';
import { RectificationItem } from '../rectifications/rectification.entity';
import { OPEN_RECTIFICATION_STATUSES, rectificationAwaitsUnit } from '../rectifications/rectification-state';
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

  /** Re-plans every open assignment and rectification item, a chunk per transaction. */
  async replanOpen(): Promise<number> {
    let count = 0;
    for (const kind of SUBJECT_KINDS) {
      const ids = await this.subjects[kind].openIds(this.dataSource.manager);
      for (let i = 0; i < ids.length; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        await this.jobs.wake('action', await this.dataSource.transaction((manager) => this.planChunk(manager, kind, chunk)));
      }
      count += ids.length;
    }
    return count;
  }

  /**
   * Re-plans these assignments; returns their pending actions, to wake once the transaction commits.
   * `asOf` plans as at an earlier moment, for work entered after the fact (the demo city's month).
   */
  plan(manager: EntityManager, assignmentIds: number[], asOf?: Date): Promise<WakeUp[]> {
    return this.planAll(manager, 'assignment', assignmentIds, asOf);
  }

  /** Re-plans these rectification items' deadline reminders and rungs, as `plan` does for assignments. */
  planRectifications(manager: EntityManager, itemIds: number[], asOf?: Date): Promise<WakeUp[]> {
    return this.planAll(manager, 'rectification', itemIds, asOf);
  }

  private async planAll(manager: EntityManager, kind: SubjectKind, ids: number[], asOf?: Date): Promise<WakeUp[]> {
    const wake: WakeUp[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) wake.push(...(await this.planChunk(manager, kind, ids.slice(i, i + CHUNK), asOf)));
    return wake;
  }

  /** The ladder in force for each priority: the office's, or the default. */
  async ladders(manager: EntityManager): Promise<Record<Priority, Ladder>> {
    const stored = await manager.find(EscalationPolicy);
    return Object.fromEntries(PRIORITIES.map((p) => [p, stored.find((s) => s.priority === p)?.ladder ?? DEFAULT_LADDERS[p]])) as Record<Priority, Ladder>;
  }

  private async planChunk(manager: EntityManager, kind: SubjectKind, ids: number[], asOf?: Date): Promise<WakeUp[]> {
    if (ids.length === 0) return [];
    const column = SUBJECT_COLUMN[kind];
    const [subjects, existing, ladders, calendar] = await Promise.all([
      this.subjects[kind].load(manager, ids),
      manager.find(ScheduledAction, { where: { [column]: In(ids) } }),
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
    for (const subject of subjects) {
      if (!subject.open) finished.push(subject.id);
      const planned = planActions(subject, ladders[subject.priority], calendar, today);
      const changes = diffPlan(
        existing.filter((a) => a[column] === subject.id),
        planned,
        dueAt,
        now,
      );
      for (const action of changes.insert) {
        inserts.push({ assignmentId: null, rectificationId: null, [column]: subject.id, kind: action.kind, periodKey: action.periodKey, dueAt: action.dueAt, runAt: action.dueAt, status: 'pending', attempts: 0, lastError: null, outcome: null, completedAt: null });
      }
      cancel.push(...changes.cancel);
      reschedule.push(...changes.reschedule);
    }
    for (let i = 0; i < inserts.length; i += CHUNK) await manager.createQueryBuilder().insert().into(ScheduledAction).values(inserts.slice(i, i + CHUNK)).execute();
    if (cancel.length > 0) await manager.update(ScheduledAction, { id: In(cancel), status: 'pending' }, { status: 'cancelled', outcome: '计划已变更（期限调整、任务办结或督办规则修改）' });
    for (const { id, dueAt: at } of reschedule) await manager.update(ScheduledAction, { id }, { status: 'pending', dueAt: at, runAt: at, attempts: 0, lastError: null, outcome: null });
    // A prepared rung is moot once the work is no longer in the unit's hands.
    if (finished.length > 0) {
      const withdrawn = await manager.findBy(Escalation, { [column]: In(finished), status: 'pending' });
      for (const escalation of withdrawn) await this.rungNotices.discard(manager, escalation);
      if (withdrawn.length > 0) await manager.update(Escalation, { id: In(withdrawn.map((e) => e.id)), status: 'pending' }, { status: 'dismissed', decisionNote: '任务已办结、撤销或已申请办结（整改已报验收或销号），自动撤回', decidedAt: now });
    }
    const pending = await manager.find(ScheduledAction, { where: { [column]: In(ids), status: 'pending' }, select: { id: true, runAt: true } });
    return pending.map((a) => ({ id: a.id, runAt: a.runAt }));
  }

  /** How each kind of chased work is read for planning. */
  private readonly subjects: Record<SubjectKind, { openIds(manager: EntityManager): Promise<number[]>; load(manager: EntityManager, ids: number[]): Promise<Subject[]> }> = {
    assignment: {
      openIds: async (manager) => (await manager.find(Assignment, { where: { status: In([...OPEN_STATUSES]) }, select: { id: true }, order: { id: 'ASC' } })).map((a) => a.id),
      load: async (manager, ids) =>
        (await manager.find(Assignment, { where: { id: In(ids) }, relations: { directive: true } })).map((a) => ({
          id: a.id,
          open: awaitsUnit(a.status),
          deadline: a.deadline,
          reportCycle: a.directive!.reportCycle,
          reportDay: a.directive!.reportDay,
          issuedOn: chinaDate(a.createdAt),
          priority: a.directive!.priority,
        })),
    },
    rectification: {
      openIds: async (manager) => (await manager.find(RectificationItem, { where: { status: In([...OPEN_RECTIFICATION_STATUSES]) }, select: { id: true }, order: { id: 'ASC' } })).map((r) => r.id),
      load: async (manager, ids) =>
        (await manager.find(RectificationItem, { where: { id: In(ids) } })).map((r) => ({
          id: r.id,
          open: rectificationAwaitsUnit(r.status),
          deadline: r.deadline,
          reportCycle: null,
          reportDay: null,
          issuedOn: chinaDate(r.issuedAt ?? r.createdAt),
          priority: r.priority,
        })),
    },
  };
}

/** The two kinds of work the ladder chases, and the column of the schedule and rungs that names each. */
export const SUBJECT_KINDS = ['assignment', 'rectification'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
const SUBJECT_COLUMN = { assignment: 'assignmentId', rectification: 'rectificationId' } as const;

interface Subject extends PlanSubject {
  id: number;
  priority: Priority;
}
