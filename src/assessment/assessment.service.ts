import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { Access, objectDenied } from '../access/access';
import { activePeopleWho } from '../access/roles';
import { attachmentView } from '../attachments/attachment-view';
import { AttachmentsService, UploadedFile } from '../attachments/attachments.service';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { IsoDate } from '../calendar/working-calendar';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DomainError, NotFoundError, staleVersion } from '../common/errors/domain-error';
import { validationFailed } from '../common/validation';
import { ReadCache, WriteWatch } from '../database/read-cache';
import { updateVersioned } from '../database/versioned-update';
import { UnitOfWork } from '../jobs/unit-of-work';
import { chineseDate } from '../notices/notice-format';
import type { Recipient } from '../notices/notice-kind';
import { Notice } from '../notices/notice.entity';
import { NoticesService } from '../notices/notices.service';
import { NotificationsService } from '../notifications/notifications.service';
import { contactsOfUnits, leadersAndOffice, officeStaff } from '../reminders/recipients';
import type { SheetSpec } from '../spreadsheets/workbook-writer';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { AssessmentLine, AssessmentObjection, AssessmentPeriod, AssessmentRuleSet, AssessmentSnapshot, AssessmentTotal, OBJECTION_STATUS_LABELS, PERIOD_STATUS_LABELS } from './assessment.entity';
import { ASSESSMENT_CIRCULAR } from './assessment-circular';
import { AssessmentOutcomes } from './assessment-outcomes';
import { AssessmentRules, correctionProblem, periodBounds, periodNumberProblem, RULE_INFO, RULE_KEYS, rulePointsProblem } from './assessment-rules';
import { AcceptObjectionDto, CircularDto, CircularOutlookView, CircularResultView, CreatePeriodDto, RankingRowView, LinesQueryDto, LineView, ObjectionDto, ObjectionQueryDto, ObjectionView, PeriodView, RankingView, RejectObjectionDto, RulesView, SnapshotView, UpdateRulesDto } from './dto/assessment.dto';
import { rankingSheets } from './ranking-workbook';
import { rankUnits, scoreUnits, ScoreLine, totalOf, UnitScore } from './scoring';

const stalePeriod = () => staleVersion('该考核期', 'updated');
const staleObjection = () => staleVersion('该申诉', 'updated');

/** 考核排名: rules, periods previewed live and published as frozen snapshots, objections and the ranking's circular. */
@Injectable()
export class AssessmentService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly unit: UnitOfWork,
    private readonly attachments: AttachmentsService,
    private readonly notices: NoticesService,
    private readonly notifications: NotificationsService,
    private readonly outcomes: AssessmentOutcomes,
    @Inject(APP_CONFIG) config: AppConfig,
    writes: WriteWatch,
  ) {
    this.published = new ReadCache(writes, config.readCacheMs, 200);
    this.publishedLines = new ReadCache(writes, config.readCacheMs, 1000);
  }

  /** Published rankings and units' lines as read, shared by everyone until the next write (a new version, an edit of a unit's name). */
  private readonly published: ReadCache<RankingView>;
  private readonly publishedLines: ReadCache<LineView[]>;

  onModuleInit(): void {
    // Evidence of an objection is seen by whoever may read the objection: its unit, the office, leaders.
    this.attachments.registerOwner('objection', async (access, objectionId) => {
      const objection = await this.dataSource.getRepository(AssessmentObjection).findOneBy({ id: objectionId });
      if (!objection) throw new NotFoundError('附件');
      access.assertReaches('assessment_objection', objectionId, [objection.unitId]);
    });
  }

  // ——— rules ———

  async rules(): Promise<RulesView> {
    const set = await this.ruleSet(this.dataSource.manager);
    const { rules } = set;
    return { version: set.version, ...rules, descriptions: RULE_KEYS.map((key) => ({ key, ...RULE_INFO[key], ...rules.items[key] })) };
  }

  async updateRules(dto: UpdateRulesDto): Promise<RulesView> {
    const { version, ...fields } = dto;
    const wrongSigns = RULE_KEYS.flatMap((key) => {
      const problem = rulePointsProblem(key, dto.items[key].points);
      return problem ? [{ field: `items.${key}.points`, message: problem }] : [];
    });
    if (wrongSigns.length) throw validationFailed(wrongSigns);
    const rules: AssessmentRules = { ...fields, items: Object.fromEntries(RULE_KEYS.map((key) => [key, { points: dto.items[key].points, cap: dto.items[key].cap ?? null }])) as AssessmentRules['items'] };
    await this.dataSource.transaction(async (manager) => {
      const before = await this.ruleSet(manager);
      await updateVersioned(manager, AssessmentRuleSet, { id: before.id }, version, { rules }, () => staleVersion('考核规则', 'reedit'));
      await this.audit.record({ action: 'assessment.update_rules', objectType: 'assessment', objectId: 'rules', changes: ruleChanges(before.rules, rules) }, manager);
    });
    return this.rules();
  }

  private async ruleSet(manager: EntityManager): Promise<AssessmentRuleSet> {
    const [set] = await manager.find(AssessmentRuleSet, { order: { id: 'ASC' }, take: 1 });
    if (!set) throw new Error('No assessment rule set: the migration seeds one');
    return set;
  }

  // ——— periods ———

  async periods(): Promise<PeriodView[]> {
    const periods = await this.dataSource.getRepository(AssessmentPeriod).find({ order: { endOn: 'DESC', kind: 'ASC' } });
    return periods.map(periodView);
  }

  async period(id: number): Promise<PeriodView> {
    const period = await this.loadPeriod(this.dataSource.manager, id);
    return periodView(period);
  }

  async createPeriod(dto: CreatePeriodDto): Promise<PeriodView> {
    const wrongNumber = periodNumberProblem(dto.kind, dto.number);
    if (wrongNumber) throw validationFailed([{ field: 'number', message: wrongNumber }]);
    const bounds = periodBounds(dto.kind, dto.year, dto.number);
    if (bounds.startOn > this.calendar.today()) throw validationFailed([{ field: 'year', message: `${bounds.label}尚未开始，不能建立考核期` }]);
    const id = await this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(AssessmentPeriod, { kind: dto.kind, year: dto.year, number: dto.number })) throw new DomainError('ASSESSMENT_PERIOD_TAKEN', `${bounds.label}考核期已经建立`);
      const period = await manager.save(manager.create(AssessmentPeriod, { kind: dto.kind, year: dto.year, number: dto.number, startOn: bounds.startOn, endOn: bounds.endOn, status: 'open', publishedOn: null, objectionsUntil: null, currentVersion: 0, circularNoticeId: null }));
      await this.audit.record({ action: 'assessment.create_period', objectType: 'assessment', objectId: period.id, changes: { period: [null, bounds.label] } }, manager);
      return period.id;
    });
    return this.period(id);
  }

  /** The ranking: the published snapshot's (the current version, or the one asked for), read from its totals. */
  ranking(id: number, version?: number): Promise<RankingView> {
    return this.published.get(`${id}:${version ?? 'current'}`, () => this.readRanking(id, version));
  }

  private async readRanking(id: number, version?: number): Promise<RankingView> {
    const period = await this.loadPeriod(this.dataSource.manager, id);
    if (period.status !== 'published') throw new DomainError('PERIOD_NOT_PUBLISHED', `${label(period)}的考核排名尚未发布`);
    const snapshotVersion = version ?? period.currentVersion;
    // One statement for the table, by the snapshot's unique (period, version) and the totals' (snapshot, rank) index.
    const rows = await this.dataSource
      .getRepository(AssessmentTotal)
      .createQueryBuilder('t')
      .innerJoin(AssessmentSnapshot, 's', 's.id = t.snapshot_id')
      .select(['t.unitId', 't.unitName', 't.base', 't.total', 't.rank', 't.tied'])
      .where('s.period_id = :periodId AND s.version_no = :snapshotVersion', { periodId: id, snapshotVersion })
      .orderBy('t.rank', 'ASC')
      .addOrderBy('t.position', 'ASC')
      .getMany();
    if (rows.length === 0) await this.snapshot(this.dataSource.manager, period, snapshotVersion);
    return { period: periodView(period), snapshotVersion, rows: await this.rankingRows(rows) };
  }

  /** The period scored now from the records and the current rules (published or not); nothing is stored. */
  async preview(id: number): Promise<RankingView> {
    const period = await this.loadPeriod(this.dataSource.manager, id);
    const scores = await this.score(this.dataSource.manager, period, (await this.ruleSet(this.dataSource.manager)).rules);
    return { period: periodView(period), snapshotVersion: null, rows: await this.rankingRows(scores) };
  }

  /** The table's rows, each with the unit's short name as the board shows it (the frozen full name kept beside it). */
  private async rankingRows(rows: ReadonlyArray<Omit<RankingRowView, 'shortName'>>): Promise<RankingRowView[]> {
    const units = rows.length ? await this.dataSource.getRepository(Unit).find({ select: { id: true, shortName: true }, where: { id: In(rows.map((r) => r.unitId)) } }) : [];
    const shortNames = new Map(units.map((u) => [u.id, u.shortName]));
    return rows.map(({ unitId, unitName, base, total, rank, tied }) => ({ unitId, unitName, shortName: shortNames.get(unitId) ?? unitName, base, total, rank, tied }));
  }

  /** Freezes the ranking as snapshot version 1; later edits of rules or records do not change it. */
  async publish(access: Access, id: number, version: number): Promise<RankingView> {
    await this.unit.run(async ({ manager, wake }) => {
      const period = await this.loadPeriod(manager, id);
      if (period.status === 'published') throw new DomainError('PERIOD_PUBLISHED', `${label(period)}的考核排名已于${period.publishedOn}发布；如有错误，经申诉更正`);
      const today = this.calendar.today();
      // A period still running would be frozen without its last days.
      if (today <= period.endOn) throw new DomainError('PERIOD_NOT_ENDED', `${label(period)}到${chineseDate(period.endOn)}才结束，${chineseDate(publishableFrom(period))}起才能发布排名；在此之前的预览只计到今天，是临时结果`);
      const { rules } = await this.ruleSet(manager);
      const scores = await this.score(manager, period, rules);
      const objectionsUntil = (await this.calendar.calendar()).addWorkingDays(today, rules.objectionDays);
      await updateVersioned(manager, AssessmentPeriod, { id, status: 'open' }, version, { status: 'published', publishedOn: today, objectionsUntil, currentVersion: 1 }, stalePeriod);
      await this.saveSnapshot(manager, period.id, 1, rules, '发布', access.actor.userId, scores);
      await this.audit.record({ action: 'assessment.publish', objectType: 'assessment', objectId: id, changes: { status: ['open', 'published'], units: [null, scores.length] } }, manager);
      const units = await contactsOfUnits(manager, scores.map((s) => s.unitId));
      const until = chineseDate(objectionsUntil);
      const recipients = [...[...units.values()].flat(), ...(await leadersAndOffice(manager))];
      wake('delivery', await this.notifications.notify(manager, recipients, { kind: 'task', title: `【考核排名】${label(period)}已发布`, body: `${label(period)}考核排名已发布。对本单位计分有异议的，请于${until}前提出申诉。`, link: `/assessment?periodId=${id}`, sourceKey: `assessment:${id}:publish` }));
    });
    return this.ranking(id);
  }

  async snapshots(id: number): Promise<SnapshotView[]> {
    await this.loadPeriod(this.dataSource.manager, id);
    const snapshots = await this.dataSource.getRepository(AssessmentSnapshot).find({ select: { versionNo: true, reason: true, createdAt: true }, where: { periodId: id }, order: { versionNo: 'ASC' } });
    return snapshots.map(({ versionNo, reason, createdAt }) => ({ versionNo, reason, createdAt }));
  }

  /**
   * Scored lines: of a published period from its snapshot; of an open one scored live (the office's
   * preview only). A unit reads only its own: asking for another unit's is refused as not found.
   */
  async lines(access: Access, id: number, query: LinesQueryDto, live: boolean): Promise<LineView[]> {
    const restriction = access.unitRestriction;
    if (restriction !== null && query.unitId !== undefined && query.unitId !== restriction) throw objectDenied({ actor: access.actor, permission: access.permission, objectType: 'assessment_line', objectId: `${id}/${query.unitId}` });
    const unitId = restriction ?? query.unitId;
    // One unit's lines at a time: a period holds thousands of them.
    if (unitId === undefined) throw validationFailed([{ field: 'unitId', message: '请选择要查看计分明细的单位' }]);
    const period = await this.loadPeriod(this.dataSource.manager, id);
    if (live) {
      const scores = await this.score(this.dataSource.manager, period, (await this.ruleSet(this.dataSource.manager)).rules);
      return scores.filter((s) => s.unitId === unitId).flatMap((s) => s.lines.map((l) => lineView({ ...l, id: null, occurredOn: l.on, correction: null })));
    }
    if (period.status !== 'published') throw new DomainError('PERIOD_NOT_PUBLISHED', `${label(period)}的考核排名尚未发布`);
    return this.publishedLines.get(`${id}:${query.version ?? period.currentVersion}:${unitId}`, async () => {
      const snapshot = await this.snapshot(this.dataSource.manager, period, query.version);
      const lines = await this.dataSource.getRepository(AssessmentLine).find({ where: { snapshotId: snapshot.id, unitId }, order: { seq: 'ASC' } });
      return lines.map(lineView);
    });
  }

  /** The lines of a published period's current version, ranked, for the ledger's Excel export. */
  /**
   * A published ranking's workbook (排名 and 计分明细). The period, version and reach are checked before the
   * download starts; each unit's lines are read as the file is written.
   */
  async rankingWorkbook(access: Access, id: number, version?: number): Promise<{ fileName: string; sheets: Array<SheetSpec<any>> }> {
    const ranking = await this.ranking(id, version);
    const snapshot = await this.snapshot(this.dataSource.manager, await this.loadPeriod(this.dataSource.manager, id), ranking.snapshotVersion!);
    const restriction = access.unitRestriction;
    const reach = new Set(ranking.rows.map((r) => r.unitId).filter((unitId) => restriction === null || unitId === restriction));
    const linesOf = async (unitId: number) => (await this.dataSource.getRepository(AssessmentLine).find({ where: { snapshotId: snapshot.id, unitId }, order: { seq: 'ASC' } })).map(lineView);
    return { fileName: `${ranking.period.label}考核排名（第${ranking.snapshotVersion}版）.xlsx`, sheets: rankingSheets(ranking, reach, linesOf) };
  }

  // ——— objections ———

  async object(access: Access, id: number, lineId: number, dto: ObjectionDto, files: UploadedFile[]): Promise<ObjectionView> {
    const objectionId = await this.attachments.withFiles(files, access.actor.userId, (attach) =>
      this.unit.run(async ({ manager, wake }) => {
        const period = await this.loadPeriod(manager, id);
        const line = await manager.findOne(AssessmentLine, { where: { id: lineId }, relations: { snapshot: true } });
        if (!line || line.snapshot!.periodId !== id) throw new NotFoundError('考核计分');
        access.assertReaches('assessment_line', lineId, [line.unitId]);
        if (line.snapshot!.versionNo !== period.currentVersion) throw new DomainError('STALE_VERSION', `该计分行已有更正后的第${period.currentVersion}版，请刷新后对现行版本提出申诉`);
        const until = period.objectionsUntil;
        if (until === null || this.calendar.today() > until) throw new DomainError('OBJECTION_WINDOW_CLOSED', `申诉期已于${until ? chineseDate(until) : ''}截止，不能再对${label(period)}的考核计分提出申诉；如有特殊情况请与协调办联系`);
        if (await manager.existsBy(AssessmentObjection, { periodId: id, unitId: line.unitId, lineSeq: line.seq, status: 'pending' })) throw new DomainError('OBJECTION_PENDING', '对该计分行的申诉正在等待处理，请勿重复提出');
        // One objection per line and version: once rejected, the line is objected to again only after another correction makes a new version.
        if (await manager.existsBy(AssessmentObjection, { periodId: id, unitId: line.unitId, lineSeq: line.seq, snapshotVersion: period.currentVersion })) throw new DomainError('OBJECTION_DECIDED', `对该计分行第${period.currentVersion}版的申诉已被驳回；每一行在每个版本只能申诉一次，如有新的情况请与协调办联系`);
        const objection = await manager.save(manager.create(AssessmentObjection, { periodId: id, unitId: line.unitId, lineSeq: line.seq, snapshotVersion: period.currentVersion, reason: dto.reason, status: 'pending', decisionNote: null, correctedPoints: null, resultVersion: null, createdBy: access.actor.userId, decidedBy: null, decidedAt: null }));
        await attach(manager, 'objection', objection.id);
        await this.audit.record({ action: 'assessment.object', objectType: 'assessment_objection', objectId: objection.id, changes: { line: [null, `${label(period)} 第${line.seq}行`], reason: [null, dto.reason] } }, manager);
        const unit = await manager.findOneByOrFail(Unit, { id: line.unitId });
        wake('delivery', await this.notifications.notify(manager, await officeStaff(manager), { kind: 'review', title: `【考核申诉】${unit.shortName}`, body: `${unit.name}对${label(period)}考核计分“${line.event}”提出申诉：${dto.reason}`, link: `/assessment/objections/${objection.id}`, sourceKey: `assessment-objection:${objection.id}` }));
        return objection.id;
      }),
    );
    return this.objection(access, objectionId);
  }

  async objections(access: Access, query: ObjectionQueryDto): Promise<ObjectionView[]> {
    const restriction = access.unitRestriction;
    const where = { ...(query.status ? { status: query.status } : {}), ...(query.periodId ? { periodId: query.periodId } : {}), ...(restriction !== null ? { unitId: restriction } : {}) };
    const objections = await this.dataSource.getRepository(AssessmentObjection).find({ where, order: { id: 'DESC' }, take: 500 });
    return this.objectionViews(objections);
  }

  async objection(access: Access, id: number): Promise<ObjectionView> {
    const objection = await this.dataSource.getRepository(AssessmentObjection).findOneBy({ id });
    if (!objection) throw new NotFoundError('申诉');
    access.assertReaches('assessment_objection', id, [objection.unitId]);
    const [view] = await this.objectionViews([objection]);
    return view;
  }

  /** Accepts: the line is corrected in a new snapshot version (the previous kept), totals and ranks worked out again. */
  async accept(access: Access, id: number, dto: AcceptObjectionDto): Promise<ObjectionView> {
    await this.unit.run(async ({ manager, wake }) => {
      const { objection, period, current, lines, target } = await this.correction(manager, id, dto);
      const next = period.currentVersion + 1;
      const totals = await manager.find(AssessmentTotal, { where: { snapshotId: current.id }, order: { position: 'ASC' } });
      const correction = `经申诉更正（第${next}版）：${target.points} 分改为 ${dto.points} 分。${dto.note}`;
      const corrected = lines.map((l) => (l === target ? { ...l, points: dto.points, capped: false, correction } : l));
      const scores: UnitScore[] = totals.map((t) => {
        const own = corrected.filter((l) => l.unitId === t.unitId);
        return { unitId: t.unitId, unitName: t.unitName, base: t.base, total: totalOf(t.base, own), rank: 0, tied: false, lines: own.map((l) => ({ ...l, on: l.occurredOn })) };
      });
      await updateVersioned(manager, AssessmentPeriod, { id: period.id }, period.version, { currentVersion: next }, stalePeriod);
      await this.saveSnapshot(manager, period.id, next, current.rules, `采纳第${objection.id}号申诉`, access.actor.userId, rankUnits(scores), new Map(corrected.filter((l) => l.correction).map((l) => [`${l.unitId}:${l.seq}`, l.correction!])));
      await updateVersioned(manager, AssessmentObjection, { id, status: 'pending' }, dto.version, { status: 'accepted', decisionNote: dto.note, correctedPoints: dto.points, resultVersion: next, decidedBy: access.actor.userId, decidedAt: this.clock.now() }, staleObjection);
      await this.audit.record({ action: 'assessment.accept_objection', objectType: 'assessment_objection', objectId: id, changes: { status: ['pending', 'accepted'], points: [target.points, dto.points], snapshot: [period.currentVersion, next] } }, manager);
      wake('delivery', await this.tellUnit(manager, objection, period, `申诉已采纳：${correction}`));
    });
    return this.objection(access, id);
  }

  /** Refuses now what accepting would refuse (decided, stale, a correction the rule does not allow), before anyone is asked to confirm it. */
  async assertAcceptable(access: Access, id: number, dto: AcceptObjectionDto): Promise<ObjectionView> {
    const view = await this.objection(access, id);
    await this.correction(this.dataSource.manager, id, dto);
    return view;
  }

  /** The pending objection, its period's current snapshot and lines, and the line to correct, once the corrected points are found fit. */
  private async correction(manager: EntityManager, id: number, dto: AcceptObjectionDto) {
    const objection = await this.pendingObjection(manager, id, dto.version);
    const period = await this.loadPeriod(manager, objection.periodId);
    const current = await this.snapshot(manager, period);
    const lines = await manager.find(AssessmentLine, { where: { snapshotId: current.id }, order: { unitId: 'ASC', seq: 'ASC' } });
    const target = lines.find((l) => l.unitId === objection.unitId && l.seq === objection.lineSeq)!;
    const others = lines.filter((l) => l !== target && l.unitId === target.unitId && l.rule === target.rule).map((l) => l.points);
    const wrong = correctionProblem(target, dto.points, current.rules.items[target.rule], others);
    if (wrong) throw validationFailed([{ field: 'points', message: wrong }]);
    return { objection, period, current, lines, target };
  }

  async reject(access: Access, id: number, dto: RejectObjectionDto): Promise<ObjectionView> {
    await this.unit.run(async ({ manager, wake }) => {
      const objection = await this.pendingObjection(manager, id, dto.version);
      const period = await this.loadPeriod(manager, objection.periodId);
      await updateVersioned(manager, AssessmentObjection, { id, status: 'pending' }, dto.version, { status: 'rejected', decisionNote: dto.note, decidedBy: access.actor.userId, decidedAt: this.clock.now() }, staleObjection);
      await this.audit.record({ action: 'assessment.reject_objection', objectType: 'assessment_objection', objectId: id, changes: { status: ['pending', 'rejected'], note: [null, dto.note] } }, manager);
      wake('delivery', await this.tellUnit(manager, objection, period, `申诉未予采纳：${dto.note}`));
    });
    return this.objection(access, id);
  }

  // ——— circular ———

  /**
   * What circulating the ranking now would mean, for the office to confirm: the circulars of this period
   * already issued, its draft, objections still possible or pending, and recipients nobody can acknowledge for.
   */
  async circularOutlook(id: number): Promise<CircularOutlookView> {
    const manager = this.dataSource.manager;
    const period = await this.loadPeriod(manager, id);
    if (period.status !== 'published') throw new DomainError('PERIOD_NOT_PUBLISHED', `${label(period)}的考核排名尚未发布`);
    const [circulars, pendingObjections, recipients] = await Promise.all([this.circularsOf(manager, period), manager.countBy(AssessmentObjection, { periodId: id, status: 'pending' }), this.circularRecipients(manager)]);
    const draft = circulars.find((n) => n.status === 'draft');
    return {
      period: periodView(period),
      issued: circulars.filter((n) => n.status === 'issued').map((n) => ({ noticeId: n.id, number: n.number! })),
      draftId: draft?.id ?? null,
      objectionsOpen: period.objectionsUntil !== null && this.calendar.today() <= period.objectionsUntil,
      pendingObjections,
      unreachable: await this.notices.unreachable(manager, recipients),
    };
  }

  /**
   * 考核排名通报 of the current version's table, as a draft for the office or issued at once. The period's
   * draft, if it has one, takes the table again (the office's edits of its other parts kept) rather than
   * leaving a second draft behind.
   */
  async circular(access: Access, id: number, dto: CircularDto): Promise<CircularResultView> {
    if (dto.mode === 'issue') await this.notices.prepareKind(ASSESSMENT_CIRCULAR);
    const ranking = await this.ranking(id);
    const { noticeId, refreshed } = await this.unit.run(async (work) => {
      const { manager } = work;
      const period = ranking.period;
      const table = { period: period.label, periodId: id, rows: ranking.rows.map((r) => ({ rank: r.rank, unitName: r.unitName, total: r.total })) };
      const draft = (await this.circularsOf(manager, await this.loadPeriod(manager, id))).find((n) => n.status === 'draft');
      let placed: number;
      if (draft) {
        await this.notices.refreshDraft(manager, draft.id, table);
        if (dto.mode === 'issue') await this.notices.issueIn(work, draft.id, access.actor.userId);
        placed = draft.id;
      } else {
        const recipients = await this.circularRecipients(manager);
        const content = {
          summary: `根据联席会议考核办法，联席办依据系统记录的任务办结、逾期、督办通知、通报、约谈、挂牌、整改和目标完成情况，对各成员单位${period.label}工作进行了考核。现将考核排名通报如下。`,
          ...table,
          requirements: [
            '排名靠后的单位要认真分析失分原因，于5个工作日内将整改措施书面报联席办。',
            '各成员单位可登录系统查看本单位的计分明细，对计分有异议的，在申诉期内通过系统提出申诉。',
          ],
        };
        placed = await this.notices.place(
          work,
          access.actor.userId,
          ASSESSMENT_CIRCULAR,
          { notice: { title: `关于${period.label}成员单位考核排名情况的通报`, addressee: '各成员单位', copyTo: recipients.filter((r) => r.role === 'cc').map((r) => r.name), assignmentId: null, content }, recipients },
          dto.mode,
        );
      }
      await manager.update(AssessmentPeriod, { id }, { circularNoticeId: placed });
      await this.audit.record({ action: 'assessment.circular', objectType: 'assessment', objectId: id, changes: { notice: [null, placed], mode: [null, dto.mode] } }, manager);
      return { noticeId: placed, refreshed: draft !== undefined };
    });
    const notice = await this.dataSource.getRepository(Notice).findOneOrFail({ select: { id: true, number: true }, where: { id: noticeId } });
    return { noticeId, number: notice.number, refreshedDraft: refreshed };
  }

  /** The circular's recipients: every member unit, and the leaders in copy. */
  private async circularRecipients(manager: EntityManager): Promise<Recipient[]> {
    const [leaders, units] = await Promise.all([manager.find(User, { where: activePeopleWho('oversee'), order: { id: 'ASC' } }), manager.find(Unit, { where: { active: true, kind: Not('office') }, order: { id: 'ASC' } })]);
    return [...units.map((u) => ({ unitId: u.id, userId: null, role: 'to' as const, name: u.name })), ...leaders.map((l) => ({ unitId: null, userId: l.id, role: 'cc' as const, name: l.displayName }))];
  }

  /**
   * The period's circulars not voided, oldest first: those that carry its id, and the one it points to
   * (made before circulars carried it). A handful a year: read by kind, told apart by their content.
   */
  private async circularsOf(manager: EntityManager, period: AssessmentPeriod): Promise<Notice[]> {
    const notices = await manager.find(Notice, { select: { id: true, status: true, number: true, content: true }, where: { kind: ASSESSMENT_CIRCULAR, status: In(['draft', 'issued']) }, order: { id: 'ASC' } });
    return notices.filter((n) => (n.content as { periodId?: number }).periodId === period.id || n.id === period.circularNoticeId);
  }

  // ——— helpers ———

  private async score(manager: EntityManager, period: AssessmentPeriod, rules: AssessmentRules): Promise<UnitScore[]> {
    const today = this.calendar.today();
    const calendar = await this.calendar.calendar();
    const asOf: IsoDate = period.endOn < today ? period.endOn : today;
    const [units, outcomes] = await Promise.all([manager.find(Unit, { select: { id: true, name: true }, where: { active: true, kind: Not('office') }, order: { id: 'ASC' } }), this.outcomes.collect(manager, { startOn: period.startOn, endOn: period.endOn, asOf }, calendar)]);
    return scoreUnits(
      units.map((u) => ({ unitId: u.id, unitName: u.name })),
      outcomes,
      rules,
    );
  }

  private async saveSnapshot(manager: EntityManager, periodId: number, versionNo: number, rules: AssessmentRules, reason: string, userId: number, scores: UnitScore[], corrections = new Map<string, string>()): Promise<void> {
    const snapshot = await manager.save(manager.create(AssessmentSnapshot, { periodId, versionNo, rules, reason, createdBy: userId }));
    const totals = scores.map((s, position) => ({ snapshotId: snapshot.id, unitId: s.unitId, unitName: s.unitName, base: s.base, total: s.total, rank: s.rank, position, tied: s.tied }));
    const lines = scores.flatMap((s) => s.lines.map((l: ScoreLine) => ({ snapshotId: snapshot.id, unitId: l.unitId, seq: l.seq, rule: l.rule, occurredOn: l.on, event: l.event.slice(0, 500), recordType: l.recordType, recordId: l.recordId, link: l.link, quantity: l.quantity, weight: l.weight, raw: l.raw, points: l.points, capped: l.capped, correction: corrections.get(`${l.unitId}:${l.seq}`) ?? null })));
    for (let i = 0; i < totals.length; i += 200) await manager.insert(AssessmentTotal, totals.slice(i, i + 200));
    for (let i = 0; i < lines.length; i += 200) await manager.insert(AssessmentLine, lines.slice(i, i + 200));
  }

  private async snapshot(manager: EntityManager, period: AssessmentPeriod, version = period.currentVersion): Promise<AssessmentSnapshot> {
    const snapshot = await manager.findOneBy(AssessmentSnapshot, { periodId: period.id, versionNo: version });
    if (!snapshot) throw new NotFoundError(`${label(period)}第${version}版考核排名`);
    return snapshot;
  }

  private async loadPeriod(manager: EntityManager, id: number): Promise<AssessmentPeriod> {
    const period = await manager.findOneBy(AssessmentPeriod, { id });
    if (!period) throw new NotFoundError('考核期');
    return period;
  }

  private async pendingObjection(manager: EntityManager, id: number, version: number): Promise<AssessmentObjection> {
    const objection = await manager.findOneBy(AssessmentObjection, { id });
    if (!objection) throw new NotFoundError('申诉');
    if (objection.status !== 'pending') throw new DomainError('ALREADY_DECIDED', `该申诉${OBJECTION_STATUS_LABELS[objection.status]}`);
    if (objection.version !== version) throw staleObjection();
    return objection;
  }

  private async tellUnit(manager: EntityManager, objection: AssessmentObjection, period: AssessmentPeriod, body: string) {
    const contacts = (await contactsOfUnits(manager, [objection.unitId])).get(objection.unitId) ?? [];
    return this.notifications.notify(manager, contacts, { kind: 'task', title: `【考核申诉】${label(period)}`, body, link: `/assessment/objections/${objection.id}`, sourceKey: `assessment-objection:${objection.id}:decided` });
  }

  private async objectionViews(objections: AssessmentObjection[]): Promise<ObjectionView[]> {
    if (objections.length === 0) return [];
    const manager = this.dataSource.manager;
    const [periods, units, files] = await Promise.all([
      manager.findBy(AssessmentPeriod, { id: In([...new Set(objections.map((o) => o.periodId))]) }),
      manager.find(Unit, { select: { id: true, name: true }, where: { id: In([...new Set(objections.map((o) => o.unitId))]) } }),
      this.attachments.list('objection', objections.map((o) => o.id)),
    ]);
    const periodById = new Map(periods.map((p) => [p.id, p]));
    const snapshots = await manager.find(AssessmentSnapshot, { select: { id: true, periodId: true, versionNo: true }, where: { periodId: In(periods.map((p) => p.id)) } });
    const current = new Map(snapshots.filter((s) => periodById.get(s.periodId)!.currentVersion === s.versionNo).map((s) => [s.periodId, s.id]));
    const lines = await manager.find(AssessmentLine, { where: objections.map((o) => ({ snapshotId: current.get(o.periodId) ?? -1, unitId: o.unitId, seq: o.lineSeq })) });
    return objections.map((o) => {
      const line = lines.find((l) => l.snapshotId === current.get(o.periodId) && l.unitId === o.unitId && l.seq === o.lineSeq);
      return {
        id: o.id,
        periodId: o.periodId,
        periodLabel: label(periodById.get(o.periodId)!),
        unitId: o.unitId,
        unitName: units.find((u) => u.id === o.unitId)?.name ?? '',
        lineSeq: o.lineSeq,
        line: line ? lineView(line) : null,
        snapshotVersion: o.snapshotVersion,
        reason: o.reason,
        status: o.status,
        statusLabel: OBJECTION_STATUS_LABELS[o.status],
        decisionNote: o.decisionNote,
        correctedPoints: o.correctedPoints,
        resultVersion: o.resultVersion,
        createdAt: o.createdAt,
        decidedAt: o.decidedAt,
        attachments: files.filter((f) => f.ownerId === o.id).map(attachmentView),
        version: o.version,
      };
    });
  }
}

const label = (period: Pick<AssessmentPeriod, 'kind' | 'year' | 'number'>) => periodBounds(period.kind, period.year, period.number).label;

/** The day after the period's last: the first on which its ranking can be published. */
const publishableFrom = (period: Pick<AssessmentPeriod, 'endOn'>): IsoDate => new Date(Date.parse(`${period.endOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function periodView(p: AssessmentPeriod): PeriodView {
  return { id: p.id, kind: p.kind, year: p.year, number: p.number, label: label(p), startOn: p.startOn, endOn: p.endOn, publishableFrom: publishableFrom(p), status: p.status, statusLabel: PERIOD_STATUS_LABELS[p.status], publishedOn: p.publishedOn, currentVersion: p.currentVersion, objectionsUntil: p.objectionsUntil, circularNoticeId: p.circularNoticeId, version: p.version };
}

function lineView(l: Omit<AssessmentLine, 'snapshot' | 'snapshotId' | 'id'> & { id: number | null }): LineView {
  return { id: l.id, seq: l.seq, unitId: l.unitId, rule: l.rule, ruleLabel: RULE_INFO[l.rule].label, on: l.occurredOn, event: l.event, recordType: l.recordType, recordId: l.recordId, link: l.link, quantity: l.quantity, weight: l.weight, raw: l.raw, points: l.points, capped: l.capped, correction: l.correction };
}

/** What changed in the rules, field by field, for the audit trail. */
function ruleChanges(before: AssessmentRules, after: AssessmentRules): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of ['baseScore', 'leadWeight', 'cooperatingWeight', 'periodKind', 'objectionDays'] as const) if (before[key] !== after[key]) changes[key] = [before[key], after[key]];
  for (const key of RULE_KEYS) {
    const [b, a] = [before.items[key], after.items[key]];
    if (b.points !== a.points || b.cap !== a.cap) changes[key] = [`${b.points}（上限${b.cap ?? '无'}）`, `${a.points}（上限${a.cap ?? '无'}）`];
  }
  return changes;
}
