import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { Access } from '../access/access';
import { Permission, scopeOf } from '../access/permissions';
import { does } from '../access/roles';
import { displayNames } from '../users/user-names';
import { attachmentView } from '../attachments/attachment-view';
import { AttachmentsService, UploadedFile } from '../attachments/attachments.service';
import { AuditService } from '../audit/audit.service';
import { deadlineStatus } from '../assignments/deadline-status';
import { CalendarService } from '../calendar/calendar.service';
import { WorkingCalendar } from '../calendar/working-calendar';
import { Clock } from '../common/clock';
import { Page } from '../common/dto/page.dto';
import { DomainError, NotFoundError, staleVersion } from '../common/errors/domain-error';
import { countCapped, keyIn, OrderColumn, readPage } from '../database/list-page';
import { updateVersioned } from '../database/versioned-update';
import { Inspection, InspectionUnit } from '../inspections/inspection.entity';
import type { WakeUp } from '../jobs/jobs.constants';
import { UnitOfWork } from '../jobs/unit-of-work';
import { NoticeMode, NoticesService } from '../notices/notices.service';
import { NotificationsService } from '../notifications/notifications.service';
import { unitContacts } from '../reminders/recipients';
import { SchedulePlanner } from '../reminders/schedule-planner.service';
import { Unit } from '../units/unit.entity';
import { RECTIFICATION_SUBJECT } from './rectification-chase';
import { FindingDto, RectificationNoteDto, RectificationPlanDto, RectificationReasonDto, RectificationDetailView, RectificationQueryDto, RectificationView, RectificationReopenDto, RectificationReportDto } from './dto/rectification.dto';
import { rectificationCode, rectificationTitle } from './rectification-format';
import { RECTIFICATION_KEYS, rectificationSortKey } from './rectification-order';
import {
  CHASED_RECTIFICATION_STATUSES,
  NEXT_STEP_FOR_UNIT,
  nextRectificationStatus,
  OPEN_RECTIFICATION_STATUSES,
  RectificationAction,
  rectificationActions,
} from './rectification-state';
import { RectificationEvent, RectificationItem } from './rectification.entity';

/** The columns a listed item shows (`view`), and its place in the list. */
const LISTED_COLUMNS = ['id', 'inspectionId', 'unitId', 'location', 'problem', 'rule', 'requirements', 'priority', 'deadlineDays', 'deadline', 'recheckOn', 'status', 'sortKey', 'noticeId', 'reopenCount', 'version'] as const satisfies ReadonlyArray<keyof RectificationItem>;

const LIST_ORDER: Array<OrderColumn<RectificationItem>> = [
  { column: 'r.sortKey', direction: 'ASC', of: (r) => r.sortKey },
  { column: 'r.id', direction: 'ASC', of: (r) => r.id },
];


interface StepOutcome {
  set?: Partial<RectificationItem>;
  body?: string | null;
  /** Files to keep with the step (the report's evidence). */
  attach?: (manager: EntityManager, eventId: number) => Promise<unknown>;
}

/** Rectification items: their steps as the state machine allows, with history, audit and the ladder's schedule. */
@Injectable()
export class RectificationsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly attachments: AttachmentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly planner: SchedulePlanner,
    private readonly unit: UnitOfWork,
    private readonly notices: NoticesService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    // Evidence is seen by whoever may read the item: its unit, the office and leaders.
    this.attachments.registerOwner('rectify_step', async (access, eventId) => {
      const event = await this.dataSource.getRepository(RectificationEvent).findOneBy({ id: eventId });
      if (!event) throw new NotFoundError('附件');
      await this.load(access, event.itemId, this.dataSource.manager, 'attachment', eventId);
    });
  }

  /** Open first, soonest deadline first (`sort_key`), served by the indexes on (…, sort_key, id). */
  async list(access: Access, query: RectificationQueryDto): Promise<Page<RectificationView>> {
    const today = this.calendar.today();
    const page = await readPage(this.filtered(access, query), query, LIST_ORDER);
    const calendar = await this.calendar.calendar();
    return { ...page, items: (await this.named(page.items)).map((r) => this.view(r, calendar, today)) };
  }

  /** How many items `list` would show with this filter (capped: see `countCapped`), without reading any. */
  count(access: Access, query: RectificationQueryDto): Promise<{ total: number; totalCapped: boolean }> {
    return countCapped(this.filtered(access, query));
  }

  /** The items the list's filters find within this access's reach (as `r`, the list's columns selected). */
  filtered(access: Access, query: Omit<RectificationQueryDto, 'page' | 'pageSize' | 'after'>): SelectQueryBuilder<RectificationItem> {
    const today = this.calendar.today();
    const qb = this.listed(access);
    if (query.inspectionId) qb.andWhere('r.inspection_id = :inspectionId', { inspectionId: query.inspectionId });
    if (query.unitId) qb.andWhere('r.unit_id = :unitId', { unitId: query.unitId });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    // The status says which items; the range of sort keys that holds them lets the index find them in order.
    if (query.open === true) qb.andWhere('r.status IN (:...open)', { open: [...OPEN_RECTIFICATION_STATUSES] }).andWhere(keyIn('r.sort_key', RECTIFICATION_KEYS.open, 'open'));
    if (query.open === false) qb.andWhere('r.status NOT IN (:...open)', { open: [...OPEN_RECTIFICATION_STATUSES] });
    if (query.overdue === true) qb.andWhere('r.status IN (:...chased) AND r.deadline < :today', { chased: [...CHASED_RECTIFICATION_STATUSES], today }).andWhere(keyIn('r.sort_key', RECTIFICATION_KEYS.overdue(today), 'overdue'));
    return qb;
  }

  /** Open and overdue items per unit (every one, counted by the database), for the office's and leaders' overview. */
  async openByUnit(access: Access): Promise<Array<{ unitId: number; unitName: string; open: number; overdue: number }>> {
    const qb = this.dataSource
      .getRepository(RectificationItem)
      .createQueryBuilder('r')
      .select('r.unit_id', 'unitId')
      .addSelect('COUNT(*)', 'open')
      .addSelect('SUM(CASE WHEN r.status IN (:...chased) AND r.deadline < :today THEN 1 ELSE 0 END)', 'overdue')
      .where('r.status IN (:...open)', { open: [...OPEN_RECTIFICATION_STATUSES], chased: [...CHASED_RECTIFICATION_STATUSES], today: this.calendar.today() })
      .groupBy('r.unit_id');
    this.restrict(qb, access);
    const counts = await qb.getRawMany<{ unitId: number; open: number | string; overdue: number | string }>();
    const units = await this.dataSource.getRepository(Unit).find({ where: { id: In(counts.map((c) => c.unitId)) }, select: { id: true, name: true } });
    const names = new Map(units.map((u) => [u.id, u.name]));
    return counts
      .map((c) => ({ unitId: Number(c.unitId), unitName: names.get(Number(c.unitId)) ?? '', open: Number(c.open), overdue: Number(c.overdue) }))
      .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.unitId - b.unitId);
  }

  /** Items of some inspections as the actor may see them; for the inspection pages. */
  async ofInspections(access: Access, inspectionIds: number[]): Promise<RectificationView[]> {
    if (inspectionIds.length === 0) return [];
    const items = await this.listed(access).andWhere('r.inspection_id IN (:...ids)', { ids: inspectionIds }).orderBy('r.id', 'ASC').getMany();
    const calendar = await this.calendar.calendar();
    return (await this.named(items)).map((r) => this.view(r, calendar, this.calendar.today()));
  }

  /**
   * Items as lists show them, as the actor may see them: from their own table alone, so that the index
   * serving the list's order leads the plan (`named` adds the names to a page of them).
   */
  private listed(access: Access): SelectQueryBuilder<RectificationItem> {
    const qb = this.dataSource
      .getRepository(RectificationItem)
      .createQueryBuilder('r')
      .select(LISTED_COLUMNS.map((column) => `r.${column}`));
    this.restrict(qb, access);
    return qb;
  }

  /** The unit's and the inspection's names of listed items, read by their ids. */
  private async named(items: RectificationItem[]): Promise<RectificationItem[]> {
    if (items.length === 0) return items;
    const [units, inspections] = await Promise.all([
      this.dataSource.getRepository(Unit).find({ where: { id: In(items.map((r) => r.unitId)) }, select: { id: true, name: true } }),
      this.dataSource.getRepository(Inspection).find({ where: { id: In(items.map((r) => r.inspectionId)) }, relations: { document: true }, select: { id: true, document: { id: true, title: true } } }),
    ]);
    return items.map((r) => Object.assign(r, { unit: units.find((u) => u.id === r.unitId), inspection: inspections.find((i) => i.id === r.inspectionId) }));
  }

  async get(access: Access, id: number): Promise<RectificationDetailView> {
    const item = await this.load(access, id, this.dataSource.manager, 'rectification', id);
    const events = await this.dataSource.getRepository(RectificationEvent).find({ where: { itemId: id }, order: { id: 'ASC' } });
    const files = await this.attachments.list('rectify_step', events.map((e) => e.id));
    const names = await displayNames(this.dataSource.manager, events.map((e) => e.actorUserId));
    const worksOn = scopeOf(access.actor.role, Permission.RectificationsWork) !== null && access.actor.unitId === item.unitId;
    const reviews = scopeOf(access.actor.role, Permission.RectificationsReview) !== null;
    return Object.assign(this.view(item, await this.calendar.calendar(), this.calendar.today()), {
      history: events.map((e) => ({ id: e.id, action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, body: e.body, deadline: e.deadline, attachments: files.filter((f) => f.ownerId === e.id).map(attachmentView), occurredAt: e.occurredAt, actorName: e.actorUserId === null ? null : (names.get(e.actorUserId) ?? null) })),
      availableActions: (worksOn ? rectificationActions(item.status, 'unit') : reviews ? rectificationActions(item.status, 'office') : []).filter((a) => a !== 'issue'),
    });
  }

  /** Records findings on an inspection as draft items; each unit must be one of those inspected. */
  async addFindings(manager: EntityManager, access: Access, inspection: Inspection, findings: FindingDto[]): Promise<number[]> {
    const inspected = new Set((await manager.findBy(InspectionUnit, { inspectionId: inspection.id })).map((u) => u.unitId));
    const calendar = await this.calendar.calendar();
    findings.forEach((f, i) => {
      if (!inspected.has(f.unitId)) throw new DomainError('VALIDATION_FAILED', `第 ${i + 1} 个问题的责任单位不在本次被检查单位之中`, [{ field: `findings.${i}.unitId`, message: `第${i + 1}个问题的责任单位不是被检查单位` }]);
      if (f.recheckOn) this.assertRecheckDate(calendar, f.recheckOn, `findings.${i}.recheckOn`, `第${i + 1}个问题的复查日期`);
    });
    const ids: number[] = [];
    for (const f of findings) {
      const item = await manager.save(
        manager.create(RectificationItem, { inspectionId: inspection.id, unitId: f.unitId, location: f.location, problem: f.problem, rule: f.rule, requirements: f.requirements, priority: f.priority, deadlineDays: f.deadlineDays, deadline: null, recheckOn: f.recheckOn ?? null, status: 'draft', sortKey: rectificationSortKey('draft', null), noticeId: null, reopenCount: 0, issuedAt: null, signedOffAt: null, createdBy: access.actor.userId }),
      );
      await this.record(manager, access, item, 'create', 'draft', null, null);
      ids.push(item.id);
    }
    return ids;
  }

  /**
   * Issues the inspection's draft items: each gets its deadline in working days from today, its reminders
   * and rungs; with `notices`, each unit gets one rectification notice listing all its items.
   */
  async issueDrafts(access: Access, inspectionId: number, mode: NoticeMode): Promise<number> {
    if (mode === 'issue') await this.notices.prepareKind('rectification_notice');
    return this.unit.run(async (work) => {
      const { manager, wake } = work;
      const drafts = await manager.find(RectificationItem, { where: { inspectionId, status: 'draft' }, order: { id: 'ASC' } });
      if (drafts.length === 0) throw new DomainError('NOTHING_TO_ISSUE', '这次检查没有待下发的整改事项');
      const calendar = await this.calendar.calendar();
      const today = this.calendar.today();
      for (const item of drafts) {
        const deadline = calendar.addWorkingDays(today, item.deadlineDays);
        await this.bump(manager, item, { status: nextRectificationStatus(item.status, 'issue'), deadline, issuedAt: this.clock.now() });
        await this.record(manager, access, item, 'issue', 'issued', null, deadline);
      }
      for (const unitId of [...new Set(drafts.map((d) => d.unitId))]) {
        const mine = drafts.filter((d) => d.unitId === unitId);
        if (mode === 'none') {
          wake('delivery', await this.tellUnit(manager, unitId, `【整改事项】${mine.length} 项问题待整改`, `督导检查发现你单位 ${mine.length} 项问题，请在“整改事项”中查看整改要求和时限，并报送整改方案。`, '/rectifications', `rectification-issue:${inspectionId}:${unitId}:${drafts[0].id}`));
          continue;
        }
        const noticeId = await this.notices.draft(manager, { userId: access.actor.userId, name: access.actor.displayName }, { kind: 'rectification_notice', inspectionId, unitId });
        await manager.update(RectificationItem, { id: In(mine.map((d) => d.id)) }, { noticeId });
        if (mode === 'issue') {
          await this.notices.issueIn(work, noticeId, access.actor.userId);
        } else {
          wake('delivery', await this.tellUnit(manager, unitId, `【整改事项】${mine.length} 项问题待整改`, `督导检查发现你单位 ${mine.length} 项问题，整改通知书随后印发。请在“整改事项”中查看并报送整改方案。`, '/rectifications', `rectification-issue:${inspectionId}:${unitId}:${drafts[0].id}`));
        }
      }
      wake('action', await this.planner.plan(manager, RECTIFICATION_SUBJECT, drafts.map((d) => d.id)));
      return drafts.length;
    });
  }

  submitPlan(access: Access, id: number, dto: RectificationPlanDto): Promise<RectificationDetailView> {
    return this.act(access, id, dto.version, 'submit_plan', async () => ({ body: dto.plan }));
  }

  acceptPlan(access: Access, id: number, dto: RectificationNoteDto): Promise<RectificationDetailView> {
    return this.act(access, id, dto.version, 'accept_plan', async () => ({ body: dto.note || null }));
  }

  returnPlan(access: Access, id: number, dto: RectificationReasonDto): Promise<RectificationDetailView> {
    return this.act(access, id, dto.version, 'return_plan', async () => ({ body: dto.reason }));
  }

  async submitReport(access: Access, id: number, dto: RectificationReportDto, files: UploadedFile[]): Promise<RectificationDetailView> {
    if (files.length === 0) throw new DomainError('VALIDATION_FAILED', '整改报告须附佐证材料（整改后的照片、记录等）', [{ field: 'files', message: '整改报告须附佐证材料（整改后的照片、记录等）' }]);
    // Read back only after withFiles: a failure there must not remove files whose rows are committed.
    await this.attachments.withFiles(files, access.actor.userId, (attach) =>
      this.step(access, id, dto.version, 'submit_report', async () => ({ body: dto.report, attach: (manager, eventId) => attach(manager, 'rectify_step', eventId) })),
    );
    return this.get(access, id);
  }

  signOff(access: Access, id: number, dto: RectificationNoteDto): Promise<RectificationDetailView> {
    return this.act(access, id, dto.version, 'sign_off', async () => ({ body: dto.note || null, set: { signedOffAt: this.clock.now() } }));
  }

  returnReport(access: Access, id: number, dto: RectificationReasonDto): Promise<RectificationDetailView> {
    return this.act(access, id, dto.version, 'return_report', async () => ({ body: dto.reason }));
  }

  /** 回头看 found the problem back: the item opens again with a new deadline, keeping its history. */
  reopen(access: Access, id: number, dto: RectificationReopenDto): Promise<RectificationDetailView> {
    return this.act(access, id, dto.version, 'reopen', async (_manager, item) => {
      const calendar = await this.calendar.calendar();
      if (dto.recheckOn) this.assertRecheckDate(calendar, dto.recheckOn, 'recheckOn', '复查日期');
      const deadline = calendar.addWorkingDays(this.calendar.today(), dto.deadlineDays);
      return { body: dto.reason, set: { deadline, deadlineDays: dto.deadlineDays, recheckOn: dto.recheckOn ?? null, signedOffAt: null, reopenCount: item.reopenCount + 1 } };
    });
  }

  cancel(access: Access, id: number, dto: RectificationReasonDto): Promise<RectificationDetailView> {
    return this.act(access, id, dto.version, 'cancel', async () => ({ body: dto.reason }));
  }

  /** A re-check (回头看) lies ahead: not before today, and within the calendar's reach. */
  private assertRecheckDate(calendar: WorkingCalendar, date: string, field: string, label: string): void {
    const today = this.calendar.today();
    if (date < today) throw new DomainError('VALIDATION_FAILED', `${label}不能早于今天（${today}）：回头看在整改之后进行`, [{ field, message: `${label}不能早于今天（${today}）` }]);
    calendar.assertWithinReach(date, field, label);
  }

  view(r: RectificationItem, calendar: WorkingCalendar, today: string): RectificationView {
    const open = CHASED_RECTIFICATION_STATUSES.includes(r.status);
    const { workingDaysLeft, overdue } = deadlineStatus(calendar, today, open ? 'in_progress' : 'closed', r.deadline);
    return {
      id: r.id,
      code: rectificationCode(r),
      inspectionId: r.inspectionId,
      inspectionTitle: r.inspection?.document?.title ?? '',
      unitId: r.unitId,
      unitName: r.unit?.name ?? '',
      location: r.location,
      problem: r.problem,
      rule: r.rule,
      requirements: r.requirements,
      priority: r.priority,
      deadlineDays: r.deadlineDays,
      deadline: r.deadline,
      workingDaysLeft,
      overdue,
      recheckOn: r.recheckOn,
      status: r.status,
      nextStep: NEXT_STEP_FOR_UNIT[r.status],
      noticeId: r.noticeId,
      reopenCount: r.reopenCount,
      version: r.version,
    };
  }

  private async act(access: Access, id: number, version: number, action: RectificationAction, effect: (manager: EntityManager, item: RectificationItem) => Promise<StepOutcome>): Promise<RectificationDetailView> {
    await this.step(access, id, version, action, effect);
    return this.get(access, id);
  }

  /**
   * One step in one transaction: the object's permission, the version the client saw, the state rule,
   * the update guarded by the version, history, audit, the schedule re-planned and the other side told.
   */
  private async step(access: Access, id: number, version: number, action: RectificationAction, effect: (manager: EntityManager, item: RectificationItem) => Promise<StepOutcome>): Promise<void> {
    await this.unit.run(async ({ manager, wake }) => {
      const item = await this.load(access, id, manager, 'rectification', id);
      if (item.version !== version) throw staleItem();
      const to = nextRectificationStatus(item.status, action);
      const outcome = await effect(manager, item);
      await this.bump(manager, item, { ...outcome.set, status: to });
      const event = await this.record(manager, access, item, action, to, outcome.body ?? null, outcome.set?.deadline ?? null);
      await outcome.attach?.(manager, event.id);
      const label = `${rectificationCode(item)} ${rectificationTitle(item)}`;
      // A draft was never sent: the unit hears nothing of it, not even its cancellation.
      const deliveries = does(access.actor.role, 'work') || item.issuedAt === null ? [] : await this.tellUnit(manager, item.unitId, `【整改】${label}：${STEP_NEWS[action] ?? '状态已更新'}`, outcome.body ?? `${STEP_NEWS[action] ?? ''}。`, `/rectifications/${id}`, `rectification-step:${event.id}`);
      wake('action', await this.planner.plan(manager, RECTIFICATION_SUBJECT, [id]));
      wake('delivery', deliveries);
    });
  }

  private async tellUnit(manager: EntityManager, unitId: number, title: string, body: string, link: string, sourceKey: string): Promise<WakeUp[]> {
    return this.notifications.notify(manager, await unitContacts(manager, unitId), { kind: 'escalation', title, body, link, sourceKey });
  }

  /** Updates the row only if nobody changed it since it was read; its place in the list moves with its status and deadline. */
  private async bump(manager: EntityManager, item: RectificationItem, set: Partial<RectificationItem>): Promise<void> {
    const sortKey = rectificationSortKey(set.status ?? item.status, set.deadline !== undefined ? set.deadline : item.deadline);
    await updateVersioned(manager, RectificationItem, { id: item.id }, item.version, { ...set, sortKey }, staleItem);
  }

  private async record(manager: EntityManager, access: Access, item: RectificationItem, action: RectificationEvent['action'], to: RectificationItem['status'], body: string | null, deadline: string | null): Promise<RectificationEvent> {
    const from = action === 'create' ? null : item.status;
    const event = await manager.save(manager.create(RectificationEvent, { itemId: item.id, action, fromStatus: from, toStatus: to, body, deadline, actorUserId: access.actor.userId, occurredAt: this.clock.now() }));
    await this.audit.record({ action: `rectification.${action}`, objectType: 'rectification', objectId: item.id, changes: { status: [from, to], ...(deadline ? { deadline: [item.deadline, deadline] } : {}) } }, manager);
    return event;
  }

  /** A unit sees its own items once issued; drafts (and drafts cancelled before issue) are the office's. */
  private restrict(qb: SelectQueryBuilder<RectificationItem>, access: Access): void {
    if (access.unitRestriction !== null) qb.andWhere('r.unit_id = :own AND r.issued_at IS NOT NULL', { own: access.unitRestriction });
  }

  private async load(access: Access, id: number, manager: EntityManager, objectType: string, objectId: number): Promise<RectificationItem> {
    const item = await manager.findOne(RectificationItem, { where: { id }, relations: { unit: true, inspection: { document: true } } });
    if (!item) throw new NotFoundError(objectType === 'attachment' ? '附件' : '整改事项');
    access.assertReaches(objectType, objectId, [item.unitId]);
    if (item.issuedAt === null && access.unitRestriction !== null) throw new NotFoundError(objectType === 'attachment' ? '附件' : '整改事项');
    return item;
  }
}

/** What the unit is told when the office takes a step on its item. */
const STEP_NEWS: Partial<Record<RectificationAction, string>> = {
  accept_plan: '整改方案已通过，请按方案整改',
  return_plan: '整改方案被退回，请修改后重新报送',
  sign_off: '已验收销号',
  return_report: '整改报告被退回，请继续整改',
  reopen: '回头看发现问题反弹，请重新整改',
  cancel: '整改事项已撤销',
};

const staleItem = () => staleVersion('该整改事项', 'updated');
