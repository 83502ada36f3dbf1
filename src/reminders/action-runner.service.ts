import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThanOrEqual } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { CalendarNotCoveredError, parseIsoDate } from '../calendar/working-calendar';
import { Clock } from '../common/clock';
import { isLockContention } from '../common/sql';
import { isMysqlFamily } from '../database/server-flavour';
import type { WakeUp, WorkSource } from '../jobs/jobs.constants';
import { JobsService } from '../jobs/jobs.service';
import { UnitOfWork, Work } from '../jobs/unit-of-work';
import { wakeUpsOf } from '../jobs/wake-ups';
import { NotificationDraft, NotificationsService } from '../notifications/notifications.service';
import { retryDelayMs } from '../notifications/outgoing-message';
import type { User } from '../users/user.entity';
import { ChaseSource, ChaseSources, ChaseTarget, subjectKey } from './chase-sources';
import { Escalation, EscalationRung } from './escalation.entity';
import { previousReportDue } from './escalation-ladder';
import { contactsOfUnits, leadersAndOffice, officeStaff, unitContacts } from './recipients';
import { Rungs } from './rungs';
import { SchedulePlanner } from './schedule-planner.service';
import { ScheduledAction } from './scheduled-action.entity';

/** An action that keeps failing stops being retried and shows as failed. */
const MAX_ACTION_ATTEMPTS = 5;

/** A reminder due and still to send, gathered with the batch's others. */
interface Reminder {
  action: ScheduledAction;
  source: ChaseSource;
  target: ChaseTarget;
  /** The deadline or report due date it reminds of. */
  due: string;
}

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
    return wakeUpsOf(this.dataSource.getRepository(ScheduledAction).createQueryBuilder('a').where('a.status = :pending', { pending: 'pending' }));
  }

  async due(now: Date, limit: number): Promise<WakeUp[]> {
    return this.dataSource.getRepository(ScheduledAction).find({ where: { status: 'pending', runAt: LessThanOrEqual(now) }, select: { id: true, runAt: true }, order: { runAt: 'ASC', id: 'ASC' }, take: limit });
  }

  run(id: number): Promise<void> {
    return this.runBatch([id]);
  }

  /**
   * Does the due actions among `ids` in one unit of work: claimed together, their work and recipients
   * read together, their messages written together. If the batch fails, each action is run alone, so
   * that a fault is recorded against the action that has it and holds none of the others back.
   */
  async runBatch(ids: number[]): Promise<void> {
    try {
      await this.attempt(ids);
    } catch (error) {
      if (ids.length === 1) return this.recordFailure(ids[0], error);
      for (const id of ids) await this.runBatch([id]);
    }
  }

  /** Claims the rows and does their effects in one unit of work, run again if lock contention aborts it. */
  private async attempt(ids: number[], tries = 3): Promise<void> {
    try {
      await this.unit.run(async (work) => {
        const claimed = await this.claim(work.manager, ids);
        if (claimed.length === 0) return;
        // One update per distinct outcome: a batch of reminders mostly says the same thing.
        const byOutcome = new Map<string, number[]>();
        for (const [id, said] of await this.effects(work, claimed)) {
          const outcome = said.slice(0, 200);
          byOutcome.set(outcome, [...(byOutcome.get(outcome) ?? []), id]);
        }
        for (const [outcome, done] of byOutcome) await work.manager.update(ScheduledAction, { id: In(done) }, { outcome });
      });
    } catch (error) {
      if (tries > 1 && isLockContention(error)) return this.attempt(ids, tries - 1);
      throw error;
    }
  }

  /**
   * The claim: of two deliveries of the same job, only one finds the row still pending and due. The rows
   * are locked by primary key alone, in id order: with a condition on status or run time in the
   * statement, MariaDB may walk the (status, run_at) index instead and lock rows other workers are
   * claiming, deadlocking with them. SQLite runs one transaction at a time and needs no lock.
   */
  private async claim(manager: EntityManager, ids: number[]): Promise<ScheduledAction[]> {
    const now = this.clock.now();
    const rows = manager.createQueryBuilder(ScheduledAction, 'a').where('a.id IN (:...ids)', { ids }).orderBy('a.id', 'ASC');
    if (isMysqlFamily(manager.connection.options.type)) rows.setLock('pessimistic_write');
    const due = (await rows.getMany()).filter((a) => a.status === 'pending' && a.runAt <= now);
    if (due.length > 0) await manager.update(ScheduledAction, { id: In(due.map((a) => a.id)) }, { status: 'done', completedAt: now, lastError: null, attempts: () => 'attempts + 1' });
    return due;
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

  /** What each claimed action did, in words, by id. */
  private async effects(work: Work, actions: ScheduledAction[]): Promise<Map<number, string>> {
    const targets = await this.sources.targetsOf(work.manager, actions);
    const outcomes = new Map<number, string>();
    const reminders: Reminder[] = [];
    for (const action of actions) {
      const source = this.sources.get(action.subjectKind);
      const target = targets.get(subjectKey(action));
      if (!target) throw new Error(`找不到${source.noun} #${action.subjectId}`);
      const effect = await this.effect(work, action, source, target);
      if (typeof effect === 'string') outcomes.set(action.id, effect);
      else reminders.push(effect);
    }
    for (const [id, outcome] of await this.remind(work, reminders)) outcomes.set(id, outcome);
    return outcomes;
  }

  /** Does what the action says, or, for a reminder still to send, returns it to be sent with the batch's others. */
  private async effect(work: Work, action: ScheduledAction, source: ChaseSource, target: ChaseTarget): Promise<string | Reminder> {
    const { manager } = work;
    if (!target.chased) return source.words.settled;
    const [period] = action.periodKey.split(':');
    if (action.kind === 'reminder' || action.kind === 'report_reminder') {
      if (action.kind === 'reminder' && target.deadline !== period) return source.words.moved.reminder;
      if (action.kind === 'report_reminder' && (await this.reportedFor(manager, source, target, period))) return '本期进展已报送';
      return { action, source, target, due: period };
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

  /** Sends reminders: whom to tell is read for all of them at once, and their messages are written together. */
  private async remind({ manager, wake }: Work, reminders: Reminder[]): Promise<Map<number, string>> {
    const outcomes = new Map<number, string>();
    if (reminders.length === 0) return outcomes;
    const superseded = await this.superseded(manager, reminders);
    const sending = reminders.filter((r) => !superseded.has(r.action.id));
    for (const r of reminders) if (superseded.has(r.action.id)) outcomes.set(r.action.id, '已被随后到期的提醒取代，未重复发送');
    const contacts = await contactsOfUnits(manager, sending.filter((r) => !r.source.contacts).map((r) => r.target.unitId));
    const messages: { recipients: User[]; draft: NotificationDraft }[] = [];
    // The days left as of now, not as planned: a reminder sent late must not understate the urgency.
    const daysLeft = new Map<string, number | null>();
    for (const due of new Set(sending.map((r) => r.due))) daysLeft.set(due, await this.workingDaysLeft(due));
    for (const { action, source, target, due } of sending) {
      const recipients = source.contacts ? await source.contacts(manager, target) : (contacts.get(target.unitId) ?? []);
      const left = daysLeft.get(due)!;
      const when = left === null ? `期限为 ${due}` : left > 0 ? `还有 ${left} 个工作日` : left === 0 ? '今天到期' : `已超过 ${-left} 个工作日`;
      const what = action.kind === 'reminder' ? `距${target.deadlineName}（${due}）${when}` : `本期进展应于 ${due} 前报送，${when}`;
      messages.push({
        recipients,
        draft: {
          kind: 'reminder',
          title: `${target.code} ${target.title}：${what}`,
          body: `${target.unit.shortName}：“${target.title}”${what}，${target.progress}。请按时办理并报送。`,
          link: target.link,
          sourceKey: `action:${action.id}`,
        },
      });
      outcomes.set(action.id, recipients.length > 0 ? `已提醒 ${recipients.length} 名联络员` : '该单位没有可用的联络员账号，未能提醒');
    }
    wake('delivery', await this.notifications.notifyAll(manager, messages));
    return outcomes;
  }

  /**
   * Catching up after an outage, only the latest of the reminders due is sent: the ids of those that a
   * later one of the same work and kind, due by now, supersedes — whether it is still pending, or done
   * already (in this batch, whose claims this transaction sees, or in another that committed first).
   */
  private async superseded(manager: EntityManager, reminders: Reminder[]): Promise<Set<number>> {
    const actions = reminders.map((r) => r.action);
    const due = await manager.find(ScheduledAction, {
      where: {
        subjectKind: In([...new Set(actions.map((a) => a.subjectKind))]),
        subjectId: In([...new Set(actions.map((a) => a.subjectId))]),
        kind: In([...new Set(actions.map((a) => a.kind))]),
        status: In(['pending', 'done']),
        dueAt: LessThanOrEqual(this.clock.now()),
      },
      select: { subjectKind: true, subjectId: true, kind: true, dueAt: true },
    });
    const latest = new Map<string, number>();
    const keyOf = (a: Pick<ScheduledAction, 'subjectKind' | 'subjectId' | 'kind'>) => `${subjectKey(a)}:${a.kind}`;
    for (const a of due) latest.set(keyOf(a), Math.max(latest.get(keyOf(a)) ?? 0, a.dueAt.getTime()));
    return new Set(actions.filter((a) => (latest.get(keyOf(a)) ?? 0) > a.dueAt.getTime()).map((a) => a.id));
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
