import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager, LessThanOrEqual, MoreThan } from 'typeorm';
import { Assignment } from '../assignments/assignment.entity';
import { ListingsService } from '../listings/listings.service';
import { ChaseTarget, chaseTarget } from './chase-target';
import { ProgressReport } from '../assignments/progress-report.entity';
import { CalendarService } from '../calendar/calendar.service';
import { CalendarNotCoveredError, parseIsoDate } from '../calendar/working-calendar';
import { Clock } from '../common/clock';
import { isLockContention } from '../common/sql';
import type { WakeUp, WorkSource } from '../jobs/jobs.constants';
import { JobsService } from '../jobs/jobs.service';
import { NotificationsService } from '../notifications/notifications.service';
import { retryDelayMs } from '../notifications/outgoing-message';
import { Escalation, EscalationRung } from './escalation.entity';
import { previousReportDue, Rung, RUNG_LABELS } from './escalation-ladder';
import { leadersAndOffice, officeStaff, unitContacts } from './recipients';
import { SchedulePlanner } from './schedule-planner.service';
import { ScheduledAction } from './scheduled-action.entity';
import { RungNotices } from './rung-notices.service';

/** An action that keeps failing stops being retried and shows as failed. */
const MAX_ACTION_ATTEMPTS = 5;

interface Effect {
  outcome: string;
  deliveries: WakeUp[];
  actions: WakeUp[];
  /** A notice issued by the effect, whose PDF is to be rendered once the transaction commits. */
  issuedNotice?: number;
}

const nothing = (outcome: string): Effect => ({ outcome, deliveries: [], actions: [] });

/** Does what a scheduled action says, once: the claim on the row and the effect commit together. */
@Injectable()
export class ActionRunner implements WorkSource, OnModuleInit {
  private readonly logger = new Logger('Actions');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly planner: SchedulePlanner,
    private readonly notifications: NotificationsService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly rungNotices: RungNotices,
    private readonly listings: ListingsService,
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
    let effect: Effect | null = null;
    try {
      effect = await this.attempt(id);
    } catch (error) {
      await this.recordFailure(id, error);
      return;
    }
    if (effect) {
      await this.jobs.wake('delivery', effect.deliveries);
      await this.jobs.wake('action', effect.actions);
      if (effect.issuedNotice) await this.jobs.wake('render', [{ id: effect.issuedNotice, runAt: this.clock.now() }]);
    }
  }

  /** Claims the row and does its effect in one transaction, run again if lock contention aborts it. */
  private async attempt(id: number, tries = 3): Promise<Effect | null> {
    const now = this.clock.now();
    try {
      return await this.dataSource.transaction(async (manager) => {
        // The claim: of two deliveries of the same job, only one finds the row still pending.
        const claimed = await manager
          .createQueryBuilder()
          .update(ScheduledAction)
          .set({ status: 'done', completedAt: now, lastError: null, attempts: () => 'attempts + 1' })
          .where('id = :id AND status = :pending AND run_at <= :now', { id, pending: 'pending', now })
          .execute();
        if (claimed.affected !== 1) return null;
        const action = await manager.findOneByOrFail(ScheduledAction, { id });
        const result = await this.effect(manager, action);
        await manager.update(ScheduledAction, { id }, { outcome: result.outcome.slice(0, 200) });
        return result;
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
    if (!failed) await this.jobs.wake('action', [{ id, runAt }]);
  }

  private async effect(manager: EntityManager, action: ScheduledAction): Promise<Effect> {
    if (action.rectificationId !== null) return this.rectificationEffect(manager, action, await chaseTarget(manager, { rectificationId: action.rectificationId }));
    const target = await chaseTarget(manager, { assignmentId: action.assignmentId! });
    const assignment = target.assignment!;
    if (!target.chased) return nothing('任务已办结、撤销或已申请办结，无需执行');
    const [period] = action.periodKey.split(':');
    if (action.kind === 'reminder' || action.kind === 'report_reminder') {
      if (action.kind === 'reminder' && assignment.deadline !== period) return nothing('办理时限已变更，本提醒不再适用');
      if (action.kind === 'report_reminder' && (await this.reportedFor(manager, assignment, period))) return nothing('本期进展已报送');
      return this.remind(manager, action, target, period);
    }
    if (action.kind === 'report_overdue') {
      const effect = (await this.reportedFor(manager, assignment, period)) ? nothing('本期进展已报送') : await this.escalate(manager, action, target, 'report_overdue', period);
      // The period is settled: the next one's reminders and check are planned now.
      return { ...effect, actions: await this.planner.plan(manager, [assignment.id]) };
    }
    if (assignment.deadline !== period) return nothing('办理时限已变更，本级督办不再适用');
    return this.escalate(manager, action, target, action.kind, period);
  }

  /** A rectification item has a deadline only: reminders before it, the rungs after it. */
  private async rectificationEffect(manager: EntityManager, action: ScheduledAction, target: ChaseTarget): Promise<Effect> {
    if (!target.chased) return nothing('整改已报验收、销号或撤销，无需执行');
    const [period] = action.periodKey.split(':');
    if (target.deadline !== period) return nothing('整改时限已变更，本次督办不再适用');
    if (action.kind === 'reminder') return this.remind(manager, action, target, period);
    return this.escalate(manager, action, target, action.kind as EscalationRung, period);
  }

  private async remind(manager: EntityManager, action: ScheduledAction, target: ChaseTarget, due: string): Promise<Effect> {
    // Catching up after an outage, only the latest of the reminders due is sent.
    const superseded = await manager.existsBy(ScheduledAction, { ...target.key, kind: action.kind, status: 'pending', dueAt: Between(new Date(action.dueAt.getTime() + 1), this.clock.now()) });
    if (superseded) return nothing('已被随后到期的提醒取代，未重复发送');
    const contacts = await unitContacts(manager, target.unitId);
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
    return { outcome: contacts.length > 0 ? `已提醒 ${contacts.length} 名联络员` : '该单位没有可用的联络员账号，未能提醒', deliveries, actions: [] };
  }

  /**
   * Reaches a rung: issued at once, or prepared for the office's approval, as the policy says now. A card
   * rung puts the listing forward instead: it is approved, like every listing, under 挂牌整治.
   */
  private async escalate(manager: EntityManager, action: ScheduledAction, target: ChaseTarget, rung: EscalationRung, period: string): Promise<Effect> {
    const ladder = (await this.planner.ladders(manager))[target.priority];
    const mode = rung === 'report_overdue' ? ladder.reportOverdue.mode : ladder.rungs[rung].mode;
    if (mode === 'off') return nothing('该级督办已停用');
    const card = rung === 'yellow_card' ? 'yellow' : rung === 'red_card' ? 'red' : null;
    const status = mode === 'auto' || card ? 'issued' : 'pending';
    await manager
      .createQueryBuilder()
      .insert()
      .into(Escalation)
      .values({ assignmentId: null, rectificationId: null, ...target.key, rung, periodKey: period, status, summary: await this.summary(target, rung, period), decidedBy: null, decidedAt: null, decisionNote: card && mode === 'approval' ? '已提请挂牌，待协调办在“挂牌整治”中审批' : null, createdAt: this.clock.now() })
      .orIgnore()
      .execute();
    const escalation = await manager.findOneByOrFail(Escalation, { ...target.key, rung, periodKey: period });
    if (card) {
      const listed = await this.listings.putForward(manager, { unitId: target.unitId, card, reason: escalation.summary, key: `rung:${escalation.id}`, approved: mode === 'auto' });
      return { outcome: mode === 'auto' ? `已${RUNG_LABELS[rung]}` : `已提请${RUNG_LABELS[rung]}，待协调办审批`, deliveries: listed, actions: [] };
    }
    const notice = escalation.noticeId ? null : await this.rungNotices.prepare(manager, escalation);
    if (status === 'pending') return { outcome: `已拟${RUNG_LABELS[rung]}${notice ? '（含通知草稿）' : ''}，待协调办审批`, deliveries: await this.askApproval(manager, escalation, target), actions: [] };
    // Issued at once: with its notice when the draft is complete (an interview letter needs a time and place).
    const issued = notice ? await this.rungNotices.issueIfComplete(manager, notice, null) : false;
    // An issued notice tells its recipients when its PDF is there; a rung without one is announced now.
    const deliveries = issued ? [] : await this.announce(manager, escalation, target);
    return { outcome: `已发出${RUNG_LABELS[rung]}${notice && !issued ? '（通知草稿待补全后印发）' : ''}`, deliveries, actions: [], ...(issued && notice ? { issuedNotice: notice } : {}) };
  }

  /** An issued rung: to the unit's contacts, the leaders and the office. */
  async announce(manager: EntityManager, escalation: Escalation, target: ChaseTarget): Promise<WakeUp[]> {
    const recipients = [...(await unitContacts(manager, target.unitId)), ...(await leadersAndOffice(manager))];
    return this.notifications.notify(manager, recipients, {
      kind: 'escalation',
      title: `【${RUNG_LABELS[escalation.rung]}】${target.unit.shortName}：${target.code} ${target.title}`,
      body: escalation.summary,
      link: target.link,
      sourceKey: `escalation:${escalation.id}`,
    });
  }

  private askApproval(manager: EntityManager, escalation: Escalation, target: ChaseTarget): Promise<WakeUp[]> {
    return officeStaff(manager).then((office) =>
      this.notifications.notify(manager, office, {
        kind: 'approval',
        title: `待审批：对${target.unit.shortName}的${RUNG_LABELS[escalation.rung]}（${target.code}）`,
        body: escalation.summary,
        link: '/escalations',
        sourceKey: `escalation:${escalation.id}:approval`,
      }),
    );
  }

  private async summary(target: ChaseTarget, rung: EscalationRung, period: string): Promise<string> {
    const { unit } = target;
    const late = await this.workingDaysLate(period);
    const subject = `“${target.title}”（${target.code}）`;
    const undone = target.kind === 'rectification' ? '仍未整改到位' : '仍未办结';
    const texts: Record<Rung, string> = {
      supervision_notice: `向${unit.name}发出督办通知书：${subject}已过${target.deadlineName} ${period}${late}，请立即办理并书面报告进展。`,
      circular: `就${unit.name}${subject}逾期${undone}${late}予以通报。`,
      interview: `约谈${unit.name}主要负责人：${subject}逾期${late}${undone}。`,
      yellow_card: `对${unit.name}挂黄牌督办：${subject}逾期${late}${undone}。`,
      red_card: `对${unit.name}挂红牌督办：${subject}逾期${late}${undone}。`,
    };
    return rung === 'report_overdue' ? `${unit.name}未按期报送${subject}应于 ${period} 报送的进展。` : texts[rung];
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
  private async reportedFor(manager: EntityManager, assignment: Assignment, due: string): Promise<boolean> {
    const { reportCycle, reportDay } = assignment.directive!;
    if (!reportCycle || !reportDay) return false;
    const previous = previousReportDue(reportCycle, reportDay, due);
    // Reports count from the day after the previous due date, China time.
    const since = new Date(parseIsoDate(previous) + 16 * 3600_000);
    return manager.existsBy(ProgressReport, { assignmentId: assignment.id, submittedAt: MoreThan(since) });
  }
}
