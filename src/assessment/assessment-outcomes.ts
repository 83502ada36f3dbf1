import { Injectable } from '@nestjs/common';
import { Between, EntityManager, In, IsNull, Not } from 'typeorm';
import { Assignment } from '../assignments/assignment.entity';
import { ProgressReport } from '../assignments/progress-report.entity';
import { chinaDate, IsoDate, WorkingCalendar } from '../calendar/working-calendar';
import { Listing } from '../listings/listing.entity';
import { Notice, NoticeRecipient } from '../notices/notice.entity';
import { rectificationCode } from '../rectifications/rectification-format';
import { RectificationItem } from '../rectifications/rectification.entity';
import { meetsTarget, Outcome } from './assessment-rules';

/** A period's days, and the day its records are read up to (its end, or today while it runs). */
export interface OutcomeWindow {
  startOn: IsoDate;
  endOn: IsoDate;
  asOf: IsoDate;
}

/** The instants of China-time days `from` to `to`, inclusive. */
const instants = (from: IsoDate, to: IsoDate) => Between(new Date(`${from}T00:00:00+08:00`), new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000 - 1));

const CARD_NAMES = { yellow: '黄牌', red: '红牌' } as const;

/**
 * The outcomes recorded in a period, read from the features' records: tasks closed and deadlines missed,
 * reports returned, notices received, cards, rectification items, targets. Only recorded outcomes: no
 * count of activity (meetings, photos, forms) exists here to be scored.
 */
@Injectable()
export class AssessmentOutcomes {
  async collect(manager: EntityManager, window: OutcomeWindow, calendar: WorkingCalendar): Promise<Outcome[]> {
    const lists = await Promise.all([this.tasks(manager, window, calendar), this.returnedReports(manager, window), this.notices(manager, window), this.cards(manager, window), this.rectifications(manager, window)]);
    return lists.flat();
  }

  private async tasks(manager: EntityManager, { startOn, endOn, asOf }: OutcomeWindow, calendar: WorkingCalendar): Promise<Outcome[]> {
    const select = { id: true, unitId: true, role: true, status: true, deadline: true, closedAt: true, targetValue: true, metricValue: true, directive: { id: true, code: true, title: true, metricComparator: true, metricTarget: true } } as const;
    const [closed, due] = await Promise.all([
      // `closed` is terminal and the only status with a closing time: the status leads the index the board reads too.
      manager.find(Assignment, { select, relations: { directive: true }, where: { status: 'closed', closedAt: instants(startOn, endOn) } }),
      manager.find(Assignment, { select, relations: { directive: true }, where: { deadline: Between(startOn, endOn), status: Not('cancelled') } }),
    ]);
    const outcomes: Outcome[] = [];
    const task = (a: Assignment) => ({ unitId: a.unitId, recordType: 'assignment' as const, recordId: a.id, link: `/tasks/${a.id}`, role: a.role, quantity: 1 });
    for (const a of closed) {
      const closedOn = chinaDate(a.closedAt!);
      if (a.deadline === null || closedOn <= a.deadline) outcomes.push({ ...task(a), rule: 'closed_on_time', on: closedOn, event: `${a.directive!.code} ${a.directive!.title}：${closedOn}销号${a.deadline ? `，时限${a.deadline}` : ''}` });
    }
    for (const a of due) {
      const deadline = a.deadline!;
      const closedOn = a.closedAt ? chinaDate(a.closedAt) : null;
      const settled = closedOn ?? asOf;
      const name = `${a.directive!.code} ${a.directive!.title}`;
      if (settled > deadline) {
        const daysLate = -calendar.workingDaysUntil(settled, deadline);
        const until = closedOn ? `${closedOn}销号` : `截至${asOf}未销号`;
        outcomes.push({ ...task(a), rule: 'overdue_item', on: deadline, event: `${name}：时限${deadline}，${until}` });
        if (daysLate > 0) outcomes.push({ ...task(a), rule: 'overdue_day', on: deadline, event: `${name}：逾期${daysLate}个工作日（时限${deadline}，${until}）`, quantity: daysLate });
      }
      const comparator = a.directive!.metricComparator;
      const target = a.targetValue ?? a.directive!.metricTarget;
      // A target is judged once its deadline has passed, or the task was closed.
      if (comparator && target !== null && (deadline <= asOf || closedOn)) {
        const met = meetsTarget(comparator, target, a.metricValue);
        outcomes.push({ ...task(a), rule: met ? 'target_met' : 'target_missed', on: deadline, event: `${name}：目标${target}，${a.metricValue === null ? '未报送指标值' : `报送值${a.metricValue}`}` });
      }
    }
    return outcomes;
  }

  private async returnedReports(manager: EntityManager, { startOn, endOn }: OutcomeWindow): Promise<Outcome[]> {
    const reports = await manager.find(ProgressReport, { select: { id: true, assignmentId: true, reviewedAt: true, reviewNote: true }, where: { status: 'returned', reviewedAt: instants(startOn, endOn) } });
    if (reports.length === 0) return [];
    const tasks = await manager.find(Assignment, { select: { id: true, unitId: true, role: true, directive: { id: true, code: true } }, relations: { directive: true }, where: { id: In([...new Set(reports.map((r) => r.assignmentId))]) } });
    const byId = new Map(tasks.map((t) => [t.id, t]));
    return reports.map((r) => {
      const a = byId.get(r.assignmentId)!;
      const on = chinaDate(r.reviewedAt!);
      return { unitId: a.unitId, rule: 'report_returned', on, event: `${a.directive!.code} 的进展报告于${on}被退回${r.reviewNote ? `：${r.reviewNote}` : ''}`, recordType: 'report', recordId: r.id, link: `/tasks/${a.id}`, role: a.role, quantity: 1 };
    });
  }

  /** Supervision notices and interview letters addressed to a unit; circulars that name it in their table. */
  private async notices(manager: EntityManager, { startOn, endOn }: OutcomeWindow): Promise<Outcome[]> {
    const notices = await manager.find(Notice, { select: { id: true, kind: true, number: true, title: true, issuedOn: true, content: true }, where: { status: 'issued', kind: In(['supervision_notice', 'interview_letter', 'circular']), issuedOn: Between(startOn, endOn) } });
    if (notices.length === 0) return [];
    const recipients = await manager.find(NoticeRecipient, { select: { noticeId: true, unitId: true, name: true }, where: { noticeId: In(notices.map((n) => n.id)), role: 'to', unitId: Not(IsNull()) } });
    const outcomes: Outcome[] = [];
    for (const notice of notices) {
      const to = recipients.filter((r) => r.noticeId === notice.id);
      const named = notice.kind === 'circular' ? new Set(((notice.content as { lagging?: Array<{ unitName: string }> }).lagging ?? []).map((l) => l.unitName)) : null;
      for (const r of to) {
        if (named && !named.has(r.name)) continue;
        const rule = notice.kind as 'supervision_notice' | 'interview_letter' | 'circular';
        outcomes.push({ unitId: r.unitId!, rule, on: notice.issuedOn!, event: `${notice.number ?? ''}《${notice.title}》`, recordType: 'notice', recordId: notice.id, link: `/notices/${notice.id}`, role: null, quantity: 1 });
      }
    }
    return outcomes;
  }

  private async cards(manager: EntityManager, { startOn, endOn }: OutcomeWindow): Promise<Outcome[]> {
    const listings = await manager.find(Listing, { select: { id: true, unitId: true, card: true, listedOn: true, reason: true }, where: { listedOn: Between(startOn, endOn), status: In(['active', 'superseded', 'delisted']) } });
    return listings.map((l) => ({ unitId: l.unitId, rule: 'card_listed', on: l.listedOn!, event: `${l.listedOn}挂${CARD_NAMES[l.card]}：${l.reason}`, recordType: 'listing', recordId: l.id, link: `/listings/${l.id}`, role: null, quantity: 1 }));
  }

  private async rectifications(manager: EntityManager, { startOn, endOn, asOf }: OutcomeWindow): Promise<Outcome[]> {
    const select = { id: true, unitId: true, location: true, deadline: true, signedOffAt: true } as const;
    const [signedOff, due] = await Promise.all([
      manager.find(RectificationItem, { select, where: { signedOffAt: instants(startOn, endOn), status: 'signed_off' } }),
      manager.find(RectificationItem, { select, where: { deadline: Between(startOn, endOn), status: Not(In(['draft', 'cancelled'])) } }),
    ]);
    const item = (r: RectificationItem) => ({ unitId: r.unitId, recordType: 'rectification' as const, recordId: r.id, link: `/rectifications/${r.id}`, role: null, quantity: 1 });
    const outcomes: Outcome[] = signedOff.map((r) => ({ ...item(r), rule: 'rectification_signed_off', on: chinaDate(r.signedOffAt!), event: `${rectificationCode(r)} ${r.location}：${chinaDate(r.signedOffAt!)}整改销号` }));
    for (const r of due) {
      const signedOn = r.signedOffAt ? chinaDate(r.signedOffAt) : null;
      if ((signedOn ?? asOf) > r.deadline!) outcomes.push({ ...item(r), rule: 'rectification_overdue', on: r.deadline!, event: `${rectificationCode(r)} ${r.location}：整改时限${r.deadline}，${signedOn ? `${signedOn}销号` : `截至${asOf}未销号`}` });
    }
    return outcomes;
  }
}
