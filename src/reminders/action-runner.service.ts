import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager, LessThanOrEqual } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { CalendarNotCoveredError, parseIsoDate } from '../calendar/working-calendar';
import { Clock } from '../common/clock';
import { isLockContention } from '../common/sql';
import type { WakeUp, WorkSource } from '../jobs/jobs.constants';
import { JobsService } from '../jobs/jobs.service';
import { UnitOfWork, Work } from '../jobs/unit-of-work';
import { NotificationsService } from '../notifications/notifications.service';
import { retryDelayMs } from '../notifications/outgoing-message';
import { ChaseSource, ChaseSources, ChaseTarget } from './chase-sources';
import { Escalation, EscalationRung } from './escalation.entity';
import { previousReportDue } from './escalation-ladder';
import { leadersAndOffice, officeStaff, unitContacts } from './recipients';
import { Rungs } from './rungs';
import { SchedulePlanner } from './schedule-planner.service';
import { ScheduledAction } from './scheduled-action.entity';

/** An action that keeps failing stops being retried and shows as failed. */
const MAX_ACTION_ATTEMPTS = 5;

/** Does what a scheduled action says, once: the claim on the row and the effect commit together. */
@Injectable()
export class ActionRunner implements WorkSource, OnModuleInit {
  private readonly logger = new Logger('Actions');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly unit: UnitOfWork,
    private readonly planner: SchedulePlanner,
    private readonly notifications: NotificationsService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly sources: ChaseSources,
    private readonly rungs: Rungs,
  ) {}

  onModuleInit(): void {
    this.jobs.register('action', this);
  }

  async pending(): Promise<WakeUp[]> {
    return this.dataSource.getRepository(ScheduledAction).find({ where: { status: 'pending' }, select: { id: true, runAt: true } });
  }

  async due(now: Date, limit: number): Promise<WakeUp[]> {
    return this.dataSource.getRepository(ScheduledAction).find({ where: { status: 'pending', runAt: LessThanOrEqual(now) }, select: { id: true, runAt: true }, order: { runAt: 'ASC', id: 'ASC' }, take: limit });
  }

  async run(id: number): Promise<void> {
    try {
      await this.attempt(id);
    } catch (error) {
      await this.recordFailure(id, error);
    }
  }

  /** Claims the row and does its effect in one unit of work, run again if lock contention aborts it. */
  private async attempt(id: number, tries = 3): Promise<void> {
    const now = this.clock.now();
    try {
      await this.unit.run(async (work) => {
        const { manager } = work;
        // The claim: of two deliveries of the same job, only one finds the row still pending.
        const claimed = await manager
          .createQueryBuilder()
          .update(ScheduledAction)
          .set({ status: 'done', completedAt: now, lastError: null, attempts: () => 'attempts + 1' })
          .where('id = :id AND status = :pending AND run_at <= :now', { id, pending: 'pending', now })
          .execute();
        if (claimed.affected !== 1) return;
        const action = await manager.findOneByOrFail(ScheduledAction, { id });
        const outcome = await this.effect(work, action);
        await manager.update(ScheduledAction, { id }, { outcome: outcome.slice(0, 200) });
      });
    } catch (error) {
      if (tries > 1 && isLockContention(error)) return this.attempt(id, tries - 1);
      throw error;
    }
  }

  private async recordFailure(id: number, error: unknown): Promise<void> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const repository = this.dataSource.getRepository(ScheduledAction);
    const action = await repository.findOneBy({ id });
    if (!action || action.status !== 'pending') return;
    const attempts = action.attempts + 1;
    const failed = attempts >= MAX_ACTION_ATTEMPTS;
    const runAt = new Date(this.clock.now().getTime() + retryDelayMs(attempts));
    await repository.update({ id, status: 'pending' }, { attempts, lastError: message, runAt, ...(failed ? { status: 'failed' as const } : {}) });
    this.logger.error(`计划动作 #${id} 第 ${attempts} 次执行失败：${message}`, error instanceof Error ? error.stack : undefined);
    // The retry is recorded by one update outside any unit of work (the action's own rolled back): woken directly.
    if (!failed) await this.jobs.wake('action', [{ id, runAt }]);
  }

  private async effect(work: Work, action: ScheduledAction): Promise<string> {
    const { manager } = work;
    const source = this.sources.get(action.subjectKind);
    const target = await source.target(manager, action.subjectId);
    if (!target.chased) return source.words.settled;
    const [period] = action.periodKey.split(':');
    if (action.kind === 'reminder' || action.kind === 'report_reminder') {
      if (action.kind === 'reminder' && target.deadline !== period) return source.words.moved.reminder;
      if (action.kind === 'report_reminder' && (await this.reportedFor(manager, source, target, period))) return '本期进展已报送';
      return this.remind(work, action, source, target, period);
    }
    if (action.kind === 'report_overdue') {
      const outcome = (await this.reportedFor(manager, source, target, period)) ? '本期进展已报送' : await this.escalate(work, source, target, 'report_overdue', period);
      // The period is settled: the next one's reminders and check are planned now.
      work.wake('action', await this.planner.plan(manager, target.kind, [target.id]));
      return outcome;
    }
    if (target.deadline !== period) return source.words.moved.rung;
    return this.escalate(work, source, target, action.kind, period);
  }

  private async remind({ manager, wake }: Work, action: ScheduledAction, source: ChaseSource, target: ChaseTarget, due: string): Promise<string> {
    // Catching up after an outage, only the latest of the reminders due is sent.
    const superseded = await manager.existsBy(ScheduledAction, { subjectKind: target.kind, subjectId: target.id, kind: action.kind, status: 'pending', dueAt: Between(new Date(action.dueAt.getTime() + 1), this.clock.now()) });
    if (superseded) return '已被随后到期的提醒取代，未重复发送';
    const contacts = source.contacts ? await source.contacts(manager, target) : await unitContacts(manager, target.unitId);
    // The days left as of now, not as planned: a reminder sent late must not understate the urgency.
    const left = await this.workingDaysLeft(due);
    const when = left === null ? `期限为 ${due}` : left > 0 ? `还有 ${left} 个工作日` : left === 0 ? '今天到期' : `已超过 ${-left} 个工作日`;
    const what = action.kind === 'reminder' ? `距${target.deadlineName}（${due}）${when}` : `本期进展应于 ${due} 前报送，${when}`;
    const deliveries = await this.notifications.notify(manager, contacts, {
      kind: 'reminder',
      title: `${target.code} ${target.title}：${what}`,
      body: `${target.unit.shortName}：“${target.title}”${what}，${target.progress}。请按时办理并报送。`,
      link: target.link,
      sourceKey: `action:${action.id}`,
    });
    wake('delivery', deliveries);
    return contacts.length > 0 ? `已提醒 ${contacts.length} 名联络员` : '该单位没有可用的联络员账号，未能提醒';
  }

  /**
   * Reaches a rung: records it, issued at once or prepared for the office's approval as the policy says
   * now, and does what the rung's registered effect does (draft a notice, put a card forward, …).
   */
  private async escalate(work: Work, source: ChaseSource, target: ChaseTarget, rung: EscalationRung, period: string): Promise<string> {
    const { manager } = work;
    const ladder = (await this.planner.ladders(manager))[target.priority];
    const rule = rung === 'report_overdue' ? ladder.reportOverdue : ladder.rungs.find((r) => r.rung === rung);
    if (!rule || rule.mode === 'off') return '该级督办已停用';
    const mode = rule.mode;
    const effect = this.rungs.effectOf(rung);
    const status = mode === 'auto' || effect.approvedElsewhere ? 'issued' : 'pending';
    const key = { subjectKind: target.kind, subjectId: target.id, rung, periodKey: period };
    await manager
      .createQueryBuilder()
      .insert()
      .into(Escalation)
      .values({ ...key, unitId: target.unitId, status, summary: await this.summary(source, target, rung, period), decidedBy: null, decidedAt: null, decisionNote: effect.approvedElsewhere && mode === 'approval' ? effect.approvedElsewhere : null, createdAt: this.clock.now() })
      .orIgnore()
      .execute();
    const escalation = await manager.findOneByOrFail(Escalation, key);
    const reached = await effect.reached(work, {
      escalation,
      target,
      mode,
      status,
      label: this.rungs.label(rung),
      announce: () => this.announce(manager, escalation, target),
      askApproval: () => this.askApproval(manager, escalation, target),
    });
    return reached.outcome;
  }

  /** An issued rung: to the unit's contacts, the leaders and the office. */
  async announce(manager: EntityManager, escalation: Escalation, target: ChaseTarget): Promise<WakeUp[]> {
    const recipients = [...(await unitContacts(manager, target.unitId)), ...(await leadersAndOffice(manager))];
    return this.notifications.notify(manager, recipients, {
      kind: 'escalation',
      title: `【${this.rungs.label(escalation.rung)}】${target.unit.shortName}：${target.code} ${target.title}`,
      body: escalation.summary,
      link: target.link,
      sourceKey: `escalation:${escalation.id}`,
    });
  }

  private askApproval(manager: EntityManager, escalation: Escalation, target: ChaseTarget): Promise<WakeUp[]> {
    return officeStaff(manager).then((office) =>
      this.notifications.notify(manager, office, {
        kind: 'approval',
        title: `待审批：对${target.unit.shortName}的${this.rungs.label(escalation.rung)}（${target.code}）`,
        body: escalation.summary,
        link: '/escalations',
        sourceKey: `escalation:${escalation.id}:approval`,
      }),
    );
  }

  private async summary(source: ChaseSource, target: ChaseTarget, rung: EscalationRung, period: string): Promise<string> {
    const late = await this.workingDaysLate(period);
    const subject = `“${target.title}”（${target.code}）`;
    if (rung === 'report_overdue') return `${target.unit.name}未按期报送${subject}应于 ${period} 报送的进展。`;
    return this.rungs.definition(rung).summary({ unitName: target.unit.name, subject, deadlineName: target.deadlineName, period, late, undone: source.words.undone });
  }

  private async workingDaysLate(deadline: string): Promise<string> {
    const left = await this.workingDaysLeft(deadline);
    return left === null ? '' : `（已逾期 ${-Math.min(0, left)} 个工作日）`;
  }

  /** Working days from today to a date; null when the calendar does not cover the span. */
  private async workingDaysLeft(date: string): Promise<number | null> {
    try {
      return (await this.calendar.calendar()).workingDaysUntil(this.calendar.today(), date);
    } catch (error) {
      if (error instanceof CalendarNotCoveredError) return null;
      throw error;
    }
  }

  /** Whether the unit reported for the period due on `due`: any report since the previous period's due date. */
  private async reportedFor(manager: EntityManager, source: ChaseSource, target: ChaseTarget, due: string): Promise<boolean> {
    if (!target.reporting || !source.reportedSince) return false;
    const previous = previousReportDue(target.reporting.cycle, target.reporting.day, due);
    // Reports count from the day after the previous due date, China time.
    const since = new Date(parseIsoDate(previous) + 16 * 3600_000);
    return source.reportedSince(manager, target.id, since);
  }
}
