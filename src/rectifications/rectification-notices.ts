import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In, LessThan, Not } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import type { InterviewContentDto } from '../notices/kinds/interview-letter';
import type { RectificationContentDto } from '../notices/kinds/rectification-notice';
import type { SupervisionContentDto } from '../notices/kinds/supervision-notice';
import { chineseDate, chineseOrdinal } from '../notices/notice-format';
import type { DraftContext, NoticeDraft, NoticeDrafter, OverdueSource, Recipient } from '../notices/notice-kind';
import { NoticeKinds } from '../notices/notice-kinds';
import { RectificationItem } from './rectification.entity';
import { rectificationCode, rectificationQuote } from './rectification-format';
import { CHASED_RECTIFICATION_STATUSES, RECTIFICATION_STATUS_LABELS } from './rectification-state';

/** An item with what its notices say about it: the unit, and the inspection with its document. */
type Item = RectificationItem & Required<Pick<RectificationItem, 'unit' | 'inspection'>>;

const WITH_UNIT_AND_DOCUMENT = { unit: true, inspection: { document: true } } as const;

/** What every notice drafted from an item shares: the unit it is addressed to, the leaders copied. */
const addressed = (item: Item, { copies }: DraftContext) => ({
  base: { addressee: item.unit.name, copyTo: copies.map((c) => c.name), assignmentId: null },
  recipients: [{ unitId: item.unit.id, userId: null, role: 'to', name: item.unit.name } satisfies Recipient, ...copies],
});

/** 督办通知书 on one item, worded as a rectification item (not a task). */
function supervisionNotice(item: Item, context: DraftContext): NoticeDraft {
  const { today, calendar } = context;
  const { base, recipients } = addressed(item, context);
  const content = {
    subject: 'rectification',
    role: '整改',
    directiveTitle: rectificationQuote(item),
    directiveCode: rectificationCode(item),
    requirement: item.requirements.join('；'),
    deadline: item.deadline ? chineseDate(item.deadline) : '',
    asOf: chineseDate(today),
    overdueDays: context.daysLate(item.deadline),
    progress: RECTIFICATION_STATUS_LABELS[item.status],
    replyBy: chineseDate(calendar.addWorkingDays(today, 3)),
    contact: context.contact,
  } satisfies SupervisionContentDto;
  return { notice: { ...base, title: `关于督促整改“${item.location}”问题的通知书`, content }, recipients };
}

function interviewLetter(item: Item, context: DraftContext): NoticeDraft {
  const late = context.daysLate(item.deadline);
  const { base, recipients } = addressed(item, context);
  const content = {
    reason: `你单位在${item.inspection.document!.title}中被发现的问题“${rectificationQuote(item)}”${late > 0 ? `已逾期${late}个工作日` : ''}仍未整改到位。`,
    time: '',
    place: '',
    summoned: '主要负责人',
    attendees: '你单位主要负责人、分管负责人及具体经办人员',
    bring: ['整改情况书面报告', '整改措施及时间表'],
    contact: context.contact,
  } satisfies InterviewContentDto;
  return { notice: { ...base, title: '约谈通知书', content }, recipients };
}

/** 整改通知书 on items of one unit and one inspection, each with its requirements. */
function rectificationNotice(items: Item[], { contact, copies }: DraftContext): NoticeDraft {
  const unit = items[0].unit;
  const document = items[0].inspection.document!;
  const latest = (dates: (string | null)[]) => dates.filter((d): d is string => d !== null).sort().pop() ?? null;
  const deadline = latest(items.map((i) => i.deadline));
  const recheck = latest(items.map((i) => i.recheckOn));
  const several = items.length > 1;
  const oneDeadline = new Set(items.map((i) => i.deadline)).size === 1;
  const content = {
    intro: `${chineseDate(document.issuedOn)}，联席办在${document.title}中发现你单位存在以下问题。`,
    // One deadline, said once: the common one, or each problem's own beside it.
    problems: items.map((i) => ({ where: oneDeadline || !i.deadline ? i.location : `${i.location}（限${chineseDate(i.deadline)}前整改到位）`, what: i.problem, rule: i.rule })),
    requirements: items.flatMap((i, n) => i.requirements.map((r) => (several ? `针对问题（${chineseOrdinal(n + 1)}）：${r}` : r))),
    deadline: !deadline ? '' : oneDeadline ? chineseDate(deadline) : '各问题所列时限',
    reportBy: deadline ? chineseDate(deadline) : '',
    recheckOn: recheck ? chineseDate(recheck) : '整改期满后',
    contact,
  } satisfies RectificationContentDto;
  return {
    notice: { title: `关于${unit.shortName}问题整改的通知书`, addressee: unit.name, copyTo: copies.map((c) => c.name), assignmentId: null, content },
    recipients: [{ unitId: unit.id, userId: null, role: 'to', name: unit.name }, ...copies],
  };
}

/** A drafter that loads the item the subject names, refusing one that does not exist. */
const fromItem =
  (compose: (item: Item, context: DraftContext) => NoticeDraft): NoticeDrafter =>
  async (manager, subject, context) => {
    const item = await manager.findOne(RectificationItem, { where: { id: subject.id! }, relations: WITH_UNIT_AND_DOCUMENT });
    if (!item) throw new DomainError('VALIDATION_FAILED', '整改事项不存在', [{ field: 'rectificationId', message: '整改事项不存在' }]);
    return compose(item as Item, context);
  };

/** 整改通知书 for one unit of an inspection: every item issued to it. */
const fromInspection: NoticeDrafter = async (manager, { id, unitId }, context) => {
  if (!unitId) throw new DomainError('VALIDATION_FAILED', '依据督导检查生成整改通知书时须指定单位', [{ field: 'unitId', message: '依据督导检查生成整改通知书时须指定受文单位' }]);
  const items = await manager.find(RectificationItem, { where: { inspectionId: id!, unitId, status: Not(In(['draft', 'cancelled'])) }, relations: WITH_UNIT_AND_DOCUMENT, order: { id: 'ASC' } });
  if (items.length === 0) throw new DomainError('VALIDATION_FAILED', '该单位在这次检查中没有已下发的整改事项', [{ field: 'unitId', message: '受文单位在这次检查中没有已下发的整改事项' }]);
  return rectificationNotice(items as Item[], context);
};

/** Chased items past their deadline, earliest first, as a circular lists them. */
const overdueItems: OverdueSource['items'] = async (manager: EntityManager, { unitId, today, daysLate }) => {
  const lagging = await manager.find(RectificationItem, { where: { ...(unitId ? { unitId } : {}), status: In([...CHASED_RECTIFICATION_STATUSES]), deadline: LessThan(today) }, relations: { unit: true }, order: { deadline: 'ASC', id: 'ASC' } });
  return lagging.map((r) => ({ unitName: r.unit!.name, directiveCode: rectificationCode(r), directiveTitle: rectificationQuote(r), deadline: chineseDate(r.deadline!), overdueDays: daysLate(r.deadline!), progress: RECTIFICATION_STATUS_LABELS[r.status] }));
};

/** What the notices engine drafts from rectification items and inspections, and the overdue items its circulars list. */
@Injectable()
export class RectificationNotices implements OnModuleInit {
  constructor(private readonly kinds: NoticeKinds) {}

  onModuleInit(): void {
    this.kinds.registerDrafter('rectification', 'supervision_notice', fromItem(supervisionNotice));
    this.kinds.registerDrafter('rectification', 'interview_letter', fromItem(interviewLetter));
    this.kinds.registerDrafter('rectification', 'rectification_notice', fromItem((item, context) => rectificationNotice([item], context)));
    this.kinds.registerDrafter('inspection', 'rectification_notice', fromInspection);
    // After the tasks in a circular's table.
    this.kinds.registerOverdueSource({ order: 2, items: overdueItems });
  }
}
