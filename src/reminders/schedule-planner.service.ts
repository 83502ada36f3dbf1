import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { WakeUp } from '../jobs/jobs.constants';
import { UnitOfWork } from '../jobs/unit-of-work';
import { ChaseSource, ChaseSources } from './chase-sources';
import { Priority, PRIORITIES } from './chase-terms';
import { Escalation, EscalationPolicy } from './escalation.entity';
import { diffPlan, Ladder, officeTime, planActions, readLadder } from './escalation-ladder';
import { Rungs } from './rungs';
import { ScheduledAction } from './scheduled-action.entity';

const CHUNK = 500;

/**
 * Keeps the stored schedule in step with the data: called in the transaction of every change that moves
 * it (work issued, a deadline moved, work finished, the policy or the calendar changed).
 */
@Injectable()
export class SchedulePlanner implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unit: UnitOfWork,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sources: ChaseSources,
    private readonly rungs: Rungs,
  ) {}

  onModuleInit(): void {
    // A holiday added or a year's schedule entered moves working-day dates: all open work is re-planned.
    this.calendar.onChange(async () => {
      await this.replanOpen();
    });
  }

  /** Re-plans all open work of every kind, a chunk per transaction. */
  async replanOpen(): Promise<number> {
    let count = 0;
    for (const source of this.sources.all()) {
      const ids = await source.openIds(this.dataSource.manager);
      for (let i = 0; i < ids.length; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        await this.unit.run(async ({ manager, wake }) => wake('action', await this.planChunk(manager, source, chunk)));
      }
      count += ids.length;
    }
    return count;
  }

  /** Re-plans the open work of every kind that follows one priority's ladder, in the caller's transaction. */
  async replanPriority(manager: EntityManager, priority: Priority): Promise<WakeUp[]> {
    const wake: WakeUp[] = [];
    for (const source of this.sources.all()) wake.push(...(await this.plan(manager, source.kind, await source.openIds(manager, priority))));
    return wake;
  }

  /**
   * Re-plans these pieces of work of one kind; returns their pending actions, to wake once the transaction
   * commits. `asOf` plans as at an earlier moment, for work entered after the fact (the demo city's month).
   */
  async plan(manager: EntityManager, kind: string, ids: number[], asOf?: Date): Promise<WakeUp[]> {
    const source = this.sources.get(kind);
    const wake: WakeUp[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) wake.push(...(await this.planChunk(manager, source, ids.slice(i, i + CHUNK), asOf)));
    return wake;
  }

  /** The ladder in force for each priority: the office's, with defaults for what it lacks, or the default. */
  async ladders(manager: EntityManager): Promise<Record<Priority, Ladder>> {
    const stored = await manager.find(EscalationPolicy);
    const definitions = this.rungs.definitions();
    return Object.fromEntries(PRIORITIES.map((p) => [p, readLadder(stored.find((s) => s.priority === p)?.ladder, p, definitions)])) as Record<Priority, Ladder>;
  }

  private async planChunk(manager: EntityManager, source: ChaseSource, ids: number[], asOf?: Date): Promise<WakeUp[]> {
    if (ids.length === 0) return [];
    const subjectKind = source.kind;
    const [subjects, existing, ladders, calendar] = await Promise.all([
      source.subjects(manager, ids),
      manager.find(ScheduledAction, { where: { subjectKind, subjectId: In(ids) } }),
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
        existing.filter((a) => a.subjectId === subject.id),
        planned,
        dueAt,
        now,
      );
      for (const action of changes.insert) {
        inserts.push({ subjectKind, subjectId: subject.id, unitId: subject.unitId, kind: action.kind, periodKey: action.periodKey, dueAt: action.dueAt, runAt: action.dueAt, status: 'pending', attempts: 0, lastError: null, outcome: null, completedAt: null });
      }
      cancel.push(...changes.cancel);
      reschedule.push(...changes.reschedule);
    }
    for (let i = 0; i < inserts.length; i += CHUNK) await manager.createQueryBuilder().insert().into(ScheduledAction).values(inserts.slice(i, i + CHUNK)).execute();
    if (cancel.length > 0) await manager.update(ScheduledAction, { id: In(cancel), status: 'pending' }, { status: 'cancelled', outcome: '计划已变更（期限调整、任务办结或督办规则修改）' });
    for (const { id, dueAt: at } of reschedule) await manager.update(ScheduledAction, { id }, { status: 'pending', dueAt: at, runAt: at, attempts: 0, lastError: null, outcome: null });
    // A prepared rung is moot once the work is no longer in the unit's hands.
    if (finished.length > 0) {
      const withdrawn = await manager.findBy(Escalation, { subjectKind, subjectId: In(finished), status: 'pending' });
      for (const escalation of withdrawn) await this.rungs.effectOf(escalation.rung).withdraw?.(manager, escalation);
      if (withdrawn.length > 0) await manager.update(Escalation, { id: In(withdrawn.map((e) => e.id)), status: 'pending' }, { status: 'dismissed', decisionNote: '任务已办结、撤销或已申请办结（整改已报验收或销号），自动撤回', decidedAt: now });
    }
    const pending = await manager.find(ScheduledAction, { where: { subjectKind, subjectId: In(ids), status: 'pending' }, select: { id: true, runAt: true } });
    return pending.map((a) => ({ id: a.id, runAt: a.runAt }));
  }
}
