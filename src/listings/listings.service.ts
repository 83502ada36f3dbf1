import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThan, Not } from 'typeorm';
import { Access } from '../access/access';
import { activePeopleWho } from '../access/roles';
import { OPEN_STATUSES } from '../assignments/assignment-state';
import { Assignment } from '../assignments/assignment.entity';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { chinaDate } from '../calendar/working-calendar';
import { Clock } from '../common/clock';
import { DomainError, NotFoundError, staleVersion } from '../common/errors/domain-error';
import { updateVersioned } from '../database/versioned-update';
import type { WakeUp } from '../jobs/jobs.constants';
import { JobsService } from '../jobs/jobs.service';
import { UnitOfWork, Work } from '../jobs/unit-of-work';
import { Notice, NoticeRecipient } from '../notices/notice.entity';
import { chineseDate } from '../notices/notice-format';
import { NoticeMode, NoticesService } from '../notices/notices.service';
import { NotificationsService } from '../notifications/notifications.service';
import { CHASED_RECTIFICATION_STATUSES, OPEN_RECTIFICATION_STATUSES } from '../rectifications/rectification-state';
import { RectificationItem } from '../rectifications/rectification.entity';
import { leadersAndOffice, officeStaff, unitContacts } from '../reminders/recipients';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { ApproveListingDto, CreateListingDto, DelistDto, DismissListingDto, ListingQueryDto, ListingRuleView, ListingView, LowerListingDto, UpdateListingRuleDto } from './dto/listing.dto';
import { Listing, ListingEvent, ListingRule } from './listing.entity';
import { Card, CARD_LABELS, cardRank, DeadlineRecord, DelistingConditions, ListingAction, LISTING_RULE_LABELS, nextListingStatus, proposeListings, quarterOf, UnitStanding, unmetConditions } from './listing-rules';

/** 挂牌整治: proposals by rules and the ladder, the office's listings, lowering and delisting, with circulars. */
@Injectable()
export class ListingsService implements OnModuleInit {
  /**
   * Rules are checked at most this often by the job loop (real time: a rate limit, not a rule); the
   * office can check at once from the page.
   */
  private static readonly RULE_CHECK_MS = 10 * 60_000;
  private lastRuleCheck = Number.NEGATIVE_INFINITY;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly unit: UnitOfWork,
    private readonly notices: NoticesService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.jobs.onTick(async () => {
      if (performance.now() - this.lastRuleCheck < ListingsService.RULE_CHECK_MS) return;
      this.lastRuleCheck = performance.now();
      await this.applyRules();
    });
  }

  async list(access: Access, query: ListingQueryDto): Promise<ListingView[]> {
    const where = {
      ...(query.status ? { status: query.status } : {}),
      ...(access.unitRestriction !== null ? { unitId: access.unitRestriction } : query.unitId ? { unitId: query.unitId } : {}),
    };
    const listings = await this.dataSource.getRepository(Listing).find({ where, relations: { unit: true }, order: { id: 'DESC' }, take: 500 });
    return this.views(listings);
  }

  async get(access: Access, id: number): Promise<ListingView> {
    const listing = await this.dataSource.getRepository(Listing).findOne({ where: { id }, relations: { unit: true } });
    if (!listing) throw new NotFoundError('挂牌记录');
    access.assertReaches('listing', id, [listing.unitId]);
    const [view] = await this.views([listing]);
    return view;
  }

  /** The card each unit the access reaches carries now, for the badges shown wherever a unit appears. */
  async currentCards(access: Access): Promise<Map<number, Card>> {
    const where = { status: 'active' as const, ...(access.unitRestriction !== null ? { unitId: access.unitRestriction } : {}) };
    const active = await this.dataSource.getRepository(Listing).find({ where, select: { unitId: true, card: true } });
    return new Map(active.map((l) => [l.unitId, l.card]));
  }

  /** The office lists a unit by its own decision. */
  async create(access: Access, dto: CreateListingDto): Promise<ListingView> {
    if (dto.circular === 'issue') await this.notices.prepareKind('circular');
    const id = await this.unit.run(async (work) => {
      const { manager } = work;
      const unit = await manager.findOneBy(Unit, { id: dto.unitId, active: true });
      if (!unit || unit.kind === 'office') throw new DomainError('VALIDATION_FAILED', '请选择一个在用的成员单位', [{ field: 'unitId', message: '单位不存在或已停用，请选择一个在用的成员单位' }]);
      const listing = await manager.save(
        manager.create(Listing, { unitId: unit.id, card: dto.card, status: 'proposed', origin: 'office', proposalKey: null, reason: dto.reason, conditionsText: dto.conditionsText, conditions: conditionsOf(dto.conditions), proposedAt: null, listedOn: null, endedOn: null, listingNoticeId: null, delistingNoticeId: null }),
      );
      return this.activate(work, access, listing, null, dto.circular);
    });
    return this.get(access, id);
  }

  async approve(access: Access, id: number, dto: ApproveListingDto): Promise<ListingView> {
    if (dto.circular === 'issue') await this.notices.prepareKind('circular');
    await this.unit.run(async (work) => {
      const listing = await this.load(work.manager, access, id, dto.version, 'approve');
      if (dto.conditionsText !== undefined) listing.conditionsText = dto.conditionsText;
      if (dto.conditions) listing.conditions = conditionsOf(dto.conditions);
      await this.activate(work, access, listing, dto.note ?? null, dto.circular);
    });
    return this.get(access, id);
  }

  async dismiss(access: Access, id: number, dto: DismissListingDto): Promise<ListingView> {
    await this.dataSource.transaction(async (manager) => {
      const listing = await this.load(manager, access, id, dto.version, 'dismiss');
      await this.change(manager, listing, { status: nextListingStatus(listing.status, 'dismiss') });
      await this.record(manager, access, listing, 'dismiss', listing.card, dto.reason);
    });
    return this.get(access, id);
  }

  /** A red card lowered to yellow: the same listing goes on, its history keeps the red. */
  async lower(access: Access, id: number, dto: LowerListingDto): Promise<ListingView> {
    await this.unit.run(async ({ manager, wake }) => {
      const listing = await this.load(manager, access, id, dto.version, 'lower');
      if (listing.card !== 'red') throw new DomainError('NOT_RED_CARD', '只有红牌可以降为黄牌');
      await this.change(manager, listing, { card: 'yellow' });
      await this.record(manager, access, listing, 'lower', 'yellow', dto.note);
      wake('delivery', await this.announce(manager, listing, `【降为黄牌】${listing.unit!.shortName}`, `${listing.unit!.name}由红牌降为黄牌督办：${dto.note}`));
    });
    return this.get(access, id);
  }

  /** 摘牌: the office's decision with a note; measurable conditions not met hold it unless the office overrides. */
  async delist(access: Access, id: number, dto: DelistDto): Promise<ListingView> {
    if (dto.circular === 'issue') await this.notices.prepareKind('circular');
    await this.unit.run(async (work) => {
      const { manager, wake } = work;
      const listing = await this.load(manager, access, id, dto.version, 'delist');
      const unmet = unmetConditions(listing.conditions, await this.standing(manager, listing.unitId), this.calendar.today());
      if (unmet.length > 0 && !dto.override) {
        throw new DomainError('DELISTING_CONDITIONS_UNMET', `摘牌条件尚未满足：${unmet.join('；')}。如经研究仍决定摘牌，请勾选“不满足条件仍摘牌”并在说明中写明理由`, { unmet });
      }
      const note = unmet.length > 0 ? `${dto.note}（未满足：${unmet.join('；')}，经研究仍予摘牌）` : dto.note;
      await this.change(manager, listing, { status: nextListingStatus(listing.status, 'delist'), endedOn: this.calendar.today() });
      await this.record(manager, access, listing, 'delist', listing.card, note);
      const circular = await this.circular(work, access, listing, dto.circular, 'delisting', note);
      if (circular) await this.change(manager, listing, { delistingNoticeId: circular });
      wake('delivery', await this.announce(manager, listing, `【摘牌】${listing.unit!.shortName}`, `${listing.unit!.name}的${CARD_LABELS[listing.card]}已摘除：${dto.note}`));
    });
    return this.get(access, id);
  }

  /**
   * A listing put forward by a card rung of the escalation ladder, in the rung's unit of work: a proposal
   * for the office, or, when the ladder's rung is automatic, listed at once. Once per rung (its key).
   */
  async putForward(work: Work, proposal: { unitId: number; card: Card; reason: string; key: string; approved: boolean }): Promise<void> {
    const { manager, wake } = work;
    const inserted = await this.insertProposal(manager, { ...proposal, origin: 'ladder' });
    if (!inserted) return;
    if (!proposal.approved) return wake('delivery', await this.askApproval(manager, [inserted]));
    const current = await this.activeListing(manager, proposal.unitId);
    // An automatic rung never lowers a card nor repeats one: the proposal then stays for the office.
    if (current && cardRank(current.card) >= cardRank(proposal.card)) return wake('delivery', await this.askApproval(manager, [inserted]));
    await this.activate(work, null, inserted, '督办阶梯自动挂牌', 'none');
  }

  /** Checks the listing rules now; returns the proposals made. Safe to run on several instances at once. */
  async applyRules(): Promise<number> {
    const today = this.calendar.today();
    return this.unit.run(async ({ manager, wake }) => {
      const rules = await manager.find(ListingRule);
      if (!rules.some((r) => r.enabled)) return 0;
      const units = await manager.find(Unit, { where: { active: true, kind: Not('office') } });
      const [overdue, interviews, listed] = await Promise.all([this.overdueCounts(manager, today), this.interviewCounts(manager, today), this.listedCards(manager)]);
      const figures = units.map((u) => ({ unitId: u.id, unitName: u.name, overdueItems: overdue.get(u.id) ?? 0, interviewsThisQuarter: interviews.get(u.id) ?? 0 }));
      const made: Listing[] = [];
      for (const p of proposeListings(rules, figures, listed, today)) {
        const inserted = await this.insertProposal(manager, { ...p, origin: 'rule' });
        if (inserted) made.push(inserted);
      }
      if (made.length) wake('delivery', await this.askApproval(manager, made));
      return made.length;
    });
  }

  async rules(): Promise<ListingRuleView[]> {
    const rules = await this.dataSource.getRepository(ListingRule).find({ order: { key: 'ASC' } });
    return rules.map((r) => ({ key: r.key, label: LISTING_RULE_LABELS[r.key], enabled: r.enabled, threshold: r.threshold, card: r.card, version: r.version }));
  }

  async updateRule(access: Access, key: ListingRule['key'], dto: UpdateListingRuleDto): Promise<ListingRuleView[]> {
    await this.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(ListingRule, { key });
      if (!before) throw new NotFoundError('挂牌规则');
      await updateVersioned(manager, ListingRule, { key }, dto.version, { enabled: dto.enabled, threshold: dto.threshold, card: dto.card }, () => staleVersion('挂牌规则', 'reedit'));
      await this.audit.record({ action: 'listing_rule.update', objectType: 'listing_rule', objectId: key, changes: { enabled: [before.enabled, dto.enabled], threshold: [before.threshold, dto.threshold], card: [before.card, dto.card] } }, manager);
    });
    return this.rules();
  }

  /** A unit's standing for the delisting conditions: its deadlines and when each stopped being owed. */
  async standing(manager: EntityManager, unitId: number): Promise<UnitStanding> {
    const [assignments, items] = await Promise.all([
      manager.find(Assignment, { where: { unitId, status: Not('cancelled') }, select: { id: true, status: true, deadline: true, closedAt: true } }),
      manager.find(RectificationItem, { where: { unitId, status: Not(In(['draft', 'cancelled'])) }, select: { id: true, status: true, deadline: true, signedOffAt: true } }),
    ]);
    const records: DeadlineRecord[] = [
      // A completion waiting for the office still counts as owed: only a closed task is settled.
      ...assignments.filter((a) => a.deadline).map((a) => ({ deadline: a.deadline!, settledOn: a.status === 'closed' && a.closedAt ? chinaDate(a.closedAt) : null })),
      ...items.filter((i) => i.deadline).map((i) => ({ deadline: i.deadline!, settledOn: i.status === 'signed_off' && i.signedOffAt ? chinaDate(i.signedOffAt) : null })),
    ];
    return { records, openRectifications: items.filter((i) => (OPEN_RECTIFICATION_STATUSES as readonly string[]).includes(i.status)).length };
  }

  /** Hangs the card: a higher card supersedes the unit's current one; the same or a lower one is refused. */
  /** Returns the listing's id; its announcement (and circular, when issued) are woken once the unit commits. */
  private async activate(work: Work, access: Access | null, listing: Listing, note: string | null, circularMode: NoticeMode): Promise<number> {
    const { manager, wake } = work;
    // Serialises listings of one unit, so two decisions cannot leave it with two cards.
    await manager.query('UPDATE units SET id = id WHERE id = ?', [listing.unitId]);
    const unit = await manager.findOneByOrFail(Unit, { id: listing.unitId });
    listing.unit = unit;
    const current = await this.activeListing(manager, listing.unitId);
    if (current && current.id !== listing.id) {
      if (cardRank(current.card) >= cardRank(listing.card)) {
        throw new DomainError('ALREADY_LISTED', `${unit.shortName}已挂${CARD_LABELS[current.card]}（挂牌记录 #${current.id}），不能再挂${CARD_LABELS[listing.card]}；如需改变请先摘牌或降级`);
      }
      await this.change(manager, current, { status: nextListingStatus(current.status, 'supersede'), endedOn: this.calendar.today() });
      await this.record(manager, access, current, 'supersede', current.card, `升为${CARD_LABELS[listing.card]}（挂牌记录 #${listing.id}）`);
    }
    const step = listing.status === 'proposed' && listing.origin !== 'office' ? 'approve' : 'list';
    await this.change(manager, listing, { status: nextListingStatus(listing.status, step), listedOn: this.calendar.today(), conditionsText: listing.conditionsText, conditions: listing.conditions });
    await this.record(manager, access, listing, step, listing.card, note);
    const circular = await this.circular(work, access, listing, circularMode, 'listing', note);
    if (circular) await this.change(manager, listing, { listingNoticeId: circular });
    const deliveries = await this.announce(manager, listing, `【挂${CARD_LABELS[listing.card]}】${unit.shortName}`, `${unit.name}被挂${CARD_LABELS[listing.card]}督办。原因：${listing.reason}${listing.conditionsText ? ` 摘牌条件：${listing.conditionsText}` : ''}`);
    wake('delivery', deliveries);
    return listing.id;
  }

  /** The listing or delisting circular, drafted or issued as the office chose; its id, or null without one. */
  private async circular(work: Work, access: Access | null, listing: Listing, mode: NoticeMode, what: 'listing' | 'delisting', note: string | null): Promise<number | null> {
    if (mode === 'none') return null;
    const { manager } = work;
    const unit = listing.unit!;
    const card = CARD_LABELS[listing.card];
    const today = this.calendar.today();
    const [leaders, units] = await Promise.all([manager.find(User, { where: activePeopleWho('oversee'), order: { id: 'ASC' } }), manager.find(Unit, { where: { active: true, kind: Not('office') }, order: { id: 'ASC' } })]);
    const content =
      what === 'listing'
        ? {
            summary: `${listing.reason}经联席办研究，决定自${chineseDate(today)}起对${unit.name}挂${card}督办（挂牌整治）。${listing.conditionsText ? `摘牌条件：${listing.conditionsText}` : ''}`,
            asOf: chineseDate(today),
            lagging: await this.notices.overdueItems(manager, unit.id),
            requirements: [`${unit.name}要深刻剖析原因，于5个工作日内制定整改方案报联席办，整改到位后申请摘牌。`, '各成员单位要引以为戒，对照检查本单位督办和整改事项，确保按期办结。'],
          }
        : {
            summary: `${unit.name}自${chineseDate(listing.listedOn ?? today)}起被挂${card}督办。${note ?? ''}经联席办研究，决定自${chineseDate(today)}起予以摘牌。`,
            asOf: chineseDate(today),
            lagging: [],
            requirements: [`${unit.name}要巩固整改成果，建立长效机制，防止问题反弹。`],
          };
    return this.notices.place(
      work,
      access?.actor.userId ?? 0,
      'circular',
      {
        notice: { title: what === 'listing' ? `关于对${unit.shortName}挂${card}督办的通报` : `关于对${unit.shortName}摘牌的通报`, addressee: '各成员单位', copyTo: leaders.map((l) => l.displayName), assignmentId: null, content },
        recipients: [...units.map((u) => ({ unitId: u.id, userId: null, role: 'to' as const, name: u.name })), ...leaders.map((l) => ({ unitId: null, userId: l.id, role: 'cc' as const, name: l.displayName }))],
      },
      mode,
    );
  }

  private async insertProposal(manager: EntityManager, p: { unitId: number; card: Card; reason: string; key: string; origin: 'rule' | 'ladder' }): Promise<Listing | null> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(Listing)
      .values({ unitId: p.unitId, card: p.card, status: 'proposed', origin: p.origin, proposalKey: p.key, reason: p.reason, conditionsText: '连续30天无逾期事项，且全部整改事项已销号。', conditions: { noOverdueDays: 30, allSignedOff: true }, proposedAt: this.clock.now(), listedOn: null, endedOn: null, listingNoticeId: null, delistingNoticeId: null, version: 1 })
      .orIgnore()
      .execute();
    const listing = await manager.findOneOrFail(Listing, { where: { proposalKey: p.key }, relations: { unit: true } });
    // Inserted just now only if no decision was taken on it yet and it has no history.
    if (listing.status !== 'proposed' || (await manager.existsBy(ListingEvent, { listingId: listing.id }))) return null;
    await this.record(manager, null, listing, 'propose', listing.card, listing.reason);
    return listing;
  }

  private async askApproval(manager: EntityManager, listings: Listing[]): Promise<WakeUp[]> {
    const office = await officeStaff(manager);
    const deliveries: WakeUp[] = [];
    for (const l of listings) {
      deliveries.push(...(await this.notifications.notify(manager, office, { kind: 'approval', title: `待审批：拟对${l.unit!.shortName}挂${CARD_LABELS[l.card]}`, body: l.reason, link: `/listings/${l.id}`, sourceKey: `listing:${l.id}:approval` })));
    }
    return deliveries;
  }

  private async announce(manager: EntityManager, listing: Listing, title: string, body: string): Promise<WakeUp[]> {
    const events = await manager.countBy(ListingEvent, { listingId: listing.id });
    const recipients = [...(await unitContacts(manager, listing.unitId)), ...(await leadersAndOffice(manager))];
    return this.notifications.notify(manager, recipients, { kind: 'escalation', title, body, link: `/listings/${listing.id}`, sourceKey: `listing:${listing.id}:${events}` });
  }

  /** The listing for one of the office's decisions: reachable, at the version the office saw, in a state that allows the step. */
  private async load(manager: EntityManager, access: Access, id: number, version: number, action: ListingAction): Promise<Listing> {
    const listing = await manager.findOne(Listing, { where: { id }, relations: { unit: true } });
    if (!listing) throw new NotFoundError('挂牌记录');
    access.assertReaches('listing', id, [listing.unitId]);
    if (listing.version !== version) throw staleListing();
    nextListingStatus(listing.status, action);
    return listing;
  }

  /** Updates the row only if nobody changed it since it was read. */
  private async change(manager: EntityManager, listing: Listing, set: Partial<Listing>): Promise<void> {
    await updateVersioned(manager, Listing, { id: listing.id }, listing.version, set, staleListing);
    Object.assign(listing, set, { version: listing.version + 1 });
  }

  private async record(manager: EntityManager, access: Access | null, listing: Listing, action: ListingEvent['action'], card: Card, note: string | null): Promise<void> {
    await manager.insert(ListingEvent, { listingId: listing.id, action, card, note, actorUserId: access?.actor.userId ?? null, occurredAt: this.clock.now() });
    if (access) await this.audit.record({ action: `listing.${action}`, objectType: 'listing', objectId: listing.id, changes: { status: [null, listing.status], card: [null, card], ...(note ? { note: [null, note] } : {}) } }, manager);
  }

  private activeListing(manager: EntityManager, unitId: number): Promise<Listing | null> {
    return manager.findOneBy(Listing, { unitId, status: 'active' });
  }

  /** The card each unit has or is proposed for: the rules propose nothing it already carries. */
  private async listedCards(manager: EntityManager): Promise<Map<number, Card>> {
    const rows = await manager.find(Listing, { where: { status: In(['active', 'proposed']) }, select: { unitId: true, card: true } });
    const cards = new Map<number, Card>();
    for (const r of rows) if (!cards.has(r.unitId) || cardRank(r.card) > cardRank(cards.get(r.unitId)!)) cards.set(r.unitId, r.card);
    return cards;
  }

  private async overdueCounts(manager: EntityManager, today: string): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    const add = (rows: { unitId: number }[]) => rows.forEach((r) => counts.set(r.unitId, (counts.get(r.unitId) ?? 0) + 1));
    add(await manager.find(Assignment, { where: { status: In([...OPEN_STATUSES].filter((s) => s !== 'completion_requested')), deadline: LessThan(today) }, select: { unitId: true } }));
    add(await manager.find(RectificationItem, { where: { status: In([...CHASED_RECTIFICATION_STATUSES]), deadline: LessThan(today) }, select: { unitId: true } }));
    return counts;
  }

  /** Interview letters issued to each unit this quarter. */
  private async interviewCounts(manager: EntityManager, today: string): Promise<Map<number, number>> {
    const quarter = quarterOf(today);
    const firstMonth = (Number(quarter.slice(5)) - 1) * 3 + 1;
    const from = `${today.slice(0, 4)}-${String(firstMonth).padStart(2, '0')}-01`;
    const rows = await manager
      .createQueryBuilder(NoticeRecipient, 'r')
      .innerJoin(Notice, 'n', 'n.id = r.notice_id')
      .select('r.unit_id', 'unitId')
      .addSelect('COUNT(*)', 'count')
      .where("n.kind = 'interview_letter' AND n.status = 'issued' AND n.issued_on >= :from AND n.issued_on <= :today AND r.role = 'to' AND r.unit_id IS NOT NULL", { from, today })
      .groupBy('r.unit_id')
      .getRawMany<{ unitId: number; count: string | number }>();
    return new Map(rows.map((r) => [Number(r.unitId), Number(r.count)]));
  }

  private async views(listings: Listing[]): Promise<ListingView[]> {
    if (listings.length === 0) return [];
    const events = await this.dataSource.getRepository(ListingEvent).find({ where: { listingId: In(listings.map((l) => l.id)) }, order: { id: 'ASC' } });
    const today = this.calendar.today();
    const standings = new Map<number, UnitStanding>();
    for (const l of listings) if (l.status === 'active' && !standings.has(l.unitId)) standings.set(l.unitId, await this.standing(this.dataSource.manager, l.unitId));
    return listings.map((l) => ({
      id: l.id,
      unitId: l.unitId,
      unitName: l.unit!.name,
      card: l.card,
      status: l.status,
      origin: l.origin,
      reason: l.reason,
      conditionsText: l.conditionsText,
      conditions: l.conditions,
      unmetConditions: l.status === 'active' ? unmetConditions(l.conditions, standings.get(l.unitId)!, today) : [],
      proposedAt: l.proposedAt,
      listedOn: l.listedOn,
      endedOn: l.endedOn,
      listingNoticeId: l.listingNoticeId,
      delistingNoticeId: l.delistingNoticeId,
      history: events.filter((e) => e.listingId === l.id).map((e) => ({ action: e.action, card: e.card, note: e.note, occurredAt: e.occurredAt })),
      version: l.version,
    }));
  }

}

function conditionsOf(dto: { noOverdueDays?: number; allSignedOff?: boolean } | undefined): DelistingConditions {
  return { noOverdueDays: dto?.noOverdueDays ?? null, allSignedOff: dto?.allSignedOff ?? false };
}

const staleListing = () => staleVersion('该挂牌记录', 'updated');
