import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, LessThanOrEqual, MoreThan, Not, SelectQueryBuilder } from 'typeorm';
import { Access, objectDenied } from '../access/access';
import type { Actor } from '../access/actor';
import { activePeopleWho } from '../access/roles';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { chinaDate } from '../calendar/working-calendar';
import { Clock } from '../common/clock';
import { Page } from '../common/dto/page.dto';
import { DomainError, NotFoundError, staleVersion } from '../common/errors/domain-error';
import { readPage } from '../database/list-page';
import { updateVersioned } from '../database/versioned-update';
import { validateDto } from '../common/validation';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { WakeUp, WorkSource } from '../jobs/jobs.constants';
import { JobsService } from '../jobs/jobs.service';
import { UnitOfWork, Work } from '../jobs/unit-of-work';
import { NotificationsService } from '../notifications/notifications.service';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { displayNames } from '../users/user-names';
import { CreateNoticeDto, IssuerDto, IssuerView, NoticePage, NoticeQueryDto, NoticeRecipientView, NoticeView, UpdateNoticeDto, VoidNoticeDto } from './dto/notice.dto';
import { Notice, NoticeIssuer, NoticeRecipient } from './notice.entity';
import { chineseDate, noticeNumber } from './notice-format';
import { DraftContext, NoticeDraft, NoticeKindDefinition, NoticeSubject, OVERDUE_LIST, Recipient } from './notice-kind';
import { NoticeKinds } from './notice-kinds';
import { ensureNoticeCounter, nextNoticeNumber } from './notice-numbering';
import { NoticeFormat, NoticeFrame, NoticeTemplates, OverdueItem } from './notice-templates';
import { layOutNotice } from './notice-layout';
import { NoticeSealService } from './notice-seal.service';
import { overlayEveryPage } from './pdf-overlay';
import { PdfRenderer } from './pdf-renderer.service';
import { missingBrowserHint, pdfStatus, renderErrorText, renderFailureCause, renderRetryAt } from './render-retry';
import { fitVoidStamp } from './void-stamp';

/** The columns a listed notice shows (`view`): not the ones about its making (issuer, file, render error, who and when). */
const LISTED_COLUMNS = ['id', 'kind', 'status', 'number', 'title', 'addressee', 'copyTo', 'content', 'assignmentId', 'replacesId', 'issuedOn', 'pdfSha256', 'renderFailures', 'renderRetryAt', 'voidReason', 'format', 'sealSha256', 'version'] as const satisfies ReadonlyArray<keyof Notice>;

/**
 * The records `CreateNoticeDto` may name, each a subject a notice can be drafted from, in the order its
 * fields are listed; the most specific one given that the kind can use is taken (last first).
 */
const SUBJECT_FIELDS = [
  { type: 'assignment', field: 'assignmentId', label: '任务' },
  { type: 'rectification', field: 'rectificationId', label: '整改事项' },
  { type: 'inspection', field: 'inspectionId', label: '督导检查' },
] as const;

/** What to do with a notice another feature composes: nothing, leave a draft for the office, or issue it. */
export const NOTICE_MODES = ['none', 'draft', 'issue'] as const;
export type NoticeMode = (typeof NOTICE_MODES)[number];

/** A notice whose PDF failed to render, as the office sees it. */
export interface RenderFailure {
  failures: number;
  /** The error as recorded (English, as the browser gave it): for support. */
  reason: string;
  /** What it means, in Chinese, when it is a known cause. */
  cause: string | null;
  retryAt: Date | null;
  /** What to do about it, when the reason is one the office can act on (no browser installed). */
  hint: string | null;
}

export interface RenderBacklog {
  /** Issued (or voided) notices without their PDF. */
  waiting: number;
  /** Of those, the ones whose last render failed. */
  failing: number;
  /** The soonest retry of a failing one. */
  nextRetryAt: Date | null;
}

@Injectable()
export class NoticesService implements WorkSource, OnModuleInit {
  private readonly logger = new Logger('Notices');
  private readonly pdfDir: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly unit: UnitOfWork,
    private readonly notifications: NotificationsService,
    private readonly templates: NoticeTemplates,
    private readonly renderer: PdfRenderer,
    private readonly seal: NoticeSealService,
    private readonly kinds: NoticeKinds,
  ) {
    this.pdfDir = join(config.uploadDir, 'notices');
    mkdirSync(this.pdfDir, { recursive: true });
  }

  onModuleInit(): void {
    this.jobs.register('render', this);
  }

  /** Newest first; the office sees all, others what was sent to their unit or to them (not drafts). */
  async list(access: Access, query: NoticeQueryDto): Promise<Page<NoticeView>> {
    const qb = await this.filtered(access, query);
    const page = await readPage(qb, query, [{ column: 'n.id', direction: 'DESC', of: (n) => n.id }]);
    const recipients = page.items.length ? await this.recipientViews(await this.dataSource.getRepository(NoticeRecipient).find({ where: { noticeId: In(page.items.map((n) => n.id)) }, order: { noticeId: 'ASC', id: 'ASC' } })) : [];
    return { ...page, items: page.items.map((n) => view(n, recipients.filter((r) => r.noticeId === n.id))) } as NoticePage;
  }

  /** The notices the list's filters find within this access's reach (as `n`, the list's columns selected). */
  async filtered(access: Access, query: Omit<NoticeQueryDto, 'page' | 'pageSize' | 'after'>): Promise<SelectQueryBuilder<Notice>> {
    const qb = this.dataSource
      .getRepository(Notice)
      .createQueryBuilder('n')
      .select(LISTED_COLUMNS.map((column) => `n.${column}`));
    if (access.scope !== 'all') await this.onlySentTo(qb, access.actor);
    if (query.kind) qb.andWhere('n.kind = :kind', { kind: this.kinds.get(query.kind).kind });
    if (query.status) qb.andWhere('n.status = :status', { status: query.status });
    if (query.year) qb.andWhere('n.year = :year', { year: query.year });
    if (query.assignmentId) qb.andWhere('n.assignment_id = :assignmentId', { assignmentId: query.assignmentId });
    return qb;
  }

  /**
   * Issued notices sent to the actor's unit or to the actor in person. One of the two is a join on the
   * recipients' (party, notice) index, which a party appears in once per notice and which serves the
   * newest-first order; a person addressed both ways (a leader with a unit) needs the union, which the
   * database then sorts: only their own notices.
   */
  private async onlySentTo(qb: SelectQueryBuilder<Notice>, actor: Actor): Promise<void> {
    qb.andWhere("n.status <> 'draft'");
    const inPerson = actor.unitId === null || (await this.dataSource.getRepository(NoticeRecipient).exists({ where: { userId: actor.userId } }));
    if (actor.unitId !== null && inPerson) {
      qb.andWhere('n.id IN (SELECT r.notice_id FROM notice_recipients r WHERE r.unit_id = :unitId OR r.user_id = :userId)', { unitId: actor.unitId, userId: actor.userId });
    } else if (actor.unitId !== null) {
      qb.innerJoin(NoticeRecipient, 'r', 'r.notice_id = n.id AND r.unit_id = :unitId', { unitId: actor.unitId });
    } else {
      qb.innerJoin(NoticeRecipient, 'r', 'r.notice_id = n.id AND r.user_id = :userId', { userId: actor.userId });
    }
  }

  async get(access: Access, id: number): Promise<NoticeView> {
    const { notice, recipients } = await this.load(access, id);
    return view(notice, await this.recipientViews(recipients));
  }

  /** Recipients as shown: who acknowledged, and whether anybody can (a unit without an active account cannot). */
  private async recipientViews(recipients: NoticeRecipient[]): Promise<(NoticeRecipientView & { noticeId: number })[]> {
    const people = await this.recipientUsers(this.dataSource.manager, recipients);
    const acknowledgers = await displayNames(this.dataSource.manager, recipients.map((r) => r.acknowledgedBy));
    return recipients.map((r) => ({
      id: r.id,
      noticeId: r.noticeId,
      role: r.role,
      name: r.name,
      unitId: r.unitId,
      userId: r.userId,
      acknowledgedAt: r.acknowledgedAt,
      acknowledgedByName: r.acknowledgedBy === null ? null : (acknowledgers.get(r.acknowledgedBy) ?? null),
      reachable: reaches(people, r),
    }));
  }

  /** The names of recipients nobody can acknowledge for: a unit without an active contact's account, a person whose account is off. */
  async unreachable(manager: EntityManager, recipients: ReadonlyArray<Pick<Recipient, 'unitId' | 'userId' | 'name'>>): Promise<string[]> {
    const people = await this.recipientUsers(manager, recipients);
    return recipients.filter((r) => !reaches(people, r)).map((r) => r.name);
  }

  /** A draft filled from the records: an assignment, the current overdue list, or the voided notice it corrects. */
  async createDraft(access: Access, dto: CreateNoticeDto): Promise<NoticeView> {
    const id = await this.dataSource.transaction((manager) => this.draft(manager, { userId: access.actor.userId, name: access.actor.displayName }, dto));
    return this.get(access, id);
  }

  /** Drafts inside the caller's transaction (also used by the escalation ladder); returns the new id. */
  async draft(manager: EntityManager, author: { userId: number | null; name: string }, dto: CreateNoticeDto): Promise<number> {
    const kind = this.kinds.get(dto.kind);
    const draft = dto.replacesId ? await this.correction(manager, dto) : await this.fromRecords(manager, author.name, kind, dto);
    return this.saveDraft(manager, author, kind.kind, draft, dto.replacesId ?? null);
  }

  /** Saves a draft another feature composed (a listing's circular), with its recipients; returns the new id. */
  async saveDraft(manager: EntityManager, author: { userId: number | null }, kind: string, draft: NoticeDraft, replacesId: number | null = null): Promise<number> {
    const issuer = await this.issuer(manager, kind);
    const notice = await manager.save(
      manager.create(Notice, {
        ...draft.notice,
        kind,
        status: 'draft',
        issuerName: issuer.name,
        issuerCode: issuer.code,
        year: null,
        seq: null,
        number: null,
        replacesId,
        issuedOn: null,
        issuedAt: null,
        issuedBy: null,
        pdfFile: null,
        pdfSha256: null,
        format: null,
        sealSha256: null,
        voidedAt: null,
        voidReason: null,
        createdBy: author.userId ?? 0,
      }),
    );
    await manager.save(draft.recipients.map((r) => manager.create(NoticeRecipient, { ...r, noticeId: notice.id, acknowledgedAt: null, acknowledgedBy: null })));
    await this.audit.record({ action: 'notice.create', objectType: 'notice', objectId: notice.id, changes: { kind: [null, kind], title: [null, notice.title] } }, manager);
    return notice.id;
  }

  async update(access: Access, id: number, dto: UpdateNoticeDto): Promise<NoticeView> {
    await this.dataSource.transaction(async (manager) => {
      const notice = await manager.findOneBy(Notice, { id });
      if (!notice) throw new NotFoundError('通知');
      if (notice.status !== 'draft') throw new DomainError('NOTICE_NOT_DRAFT', '已印发的通知不能修改；如有错误，请作废后重新印发更正件');
      if (dto.content) this.assertComplete(notice.kind, dto.content, 'VALIDATION_FAILED');
      const changes = { ...(dto.title ? { title: dto.title } : {}), ...(dto.addressee ? { addressee: dto.addressee } : {}), ...(dto.copyTo ? { copyTo: dto.copyTo } : {}), ...(dto.content ? { content: dto.content } : {}) };
      await updateVersioned(manager, Notice, { id, status: 'draft' }, dto.version, changes, staleNotice);
      await this.audit.record({ action: 'notice.update', objectType: 'notice', objectId: id, changes: Object.fromEntries(Object.keys(changes).map((k) => [k, [null, '已修改']])) }, manager);
    });
    return this.get(access, id);
  }

  /** The document as HTML, exactly as it will be printed (a draft shows “草稿，未编号”). */
  async previewHtml(access: Access, id: number): Promise<string> {
    const { notice } = await this.load(access, id);
    return this.html(notice);
  }

  async previewPdf(access: Access, id: number): Promise<Buffer> {
    const { notice } = await this.load(access, id);
    return this.renderer.render(await this.html(notice), layOutNotice);
  }

  /**
   * Issues a draft: the kind's next number in the year is taken in the same transaction (a failure gives
   * it back), recipients are told, and the PDF is rendered once by the job runner.
   */
  async issue(access: Access, id: number, version: number): Promise<NoticeView> {
    const draft = await this.dataSource.getRepository(Notice).findOneBy({ id });
    if (!draft) throw new NotFoundError('通知');
    await this.prepareIssue(draft);
    await this.unit.run((work) => this.issueIn(work, id, access.actor.userId, version));
    return this.get(access, id);
  }

  /** Refuses now what issuing would refuse (a stale version, an incomplete draft), before anyone is asked to confirm it. */
  async assertIssuable(access: Access, id: number, version: number): Promise<NoticeView> {
    const { notice, recipients } = await this.load(access, id);
    if (notice.status !== 'draft') throw new DomainError('NOTICE_NOT_DRAFT', '该通知已印发或已作废');
    if (notice.version !== version) throw staleNotice();
    this.assertComplete(notice.kind, notice.content);
    return view(notice, await this.recipientViews(recipients));
  }

  /** Makes a notice of this kind issuable inside a later transaction: its counter row for the year exists. */
  async prepareKind(kind: string): Promise<void> {
    await ensureNoticeCounter(this.dataSource, this.kinds.get(kind).kind, Number(this.calendar.today().slice(0, 4)));
  }

  /**
   * Puts a feature's composed content (the fields it makes, such as a ranking table) into its draft
   * again, keeping what the office edited in the others.
   */
  async refreshDraft(manager: EntityManager, id: number, content: Record<string, unknown>): Promise<void> {
    const notice = await manager.findOneByOrFail(Notice, { id });
    await updateVersioned(manager, Notice, { id, status: 'draft' }, notice.version, { content: { ...notice.content, ...content } }, staleNotice);
    await this.audit.record({ action: 'notice.update', objectType: 'notice', objectId: id, changes: Object.fromEntries(Object.keys(content).map((k) => [k, [null, '已更新']])) }, manager);
  }

  /**
   * Saves a notice another feature composed, as a draft or issued at once, in the caller's unit of work
   * (call `prepareKind` before it).
   */
  async place(work: Work, issuedBy: number, kind: string, draft: NoticeDraft, mode: NoticeMode): Promise<number> {
    const id = await this.saveDraft(work.manager, { userId: issuedBy }, kind, draft);
    if (mode === 'issue') await this.issueIn(work, id, issuedBy);
    return id;
  }

  /** Overdue work as a circular lists it, of one unit or of all: each registered source's, in their order. */
  async overdueItems(manager: EntityManager, unitId?: number): Promise<OverdueItem[]> {
    const today = this.calendar.today();
    const calendar = await this.calendar.calendar();
    const daysLate = (deadline: string) => -calendar.workingDaysUntil(today, deadline);
    const lists = await Promise.all(this.kinds.overdueSources().map((source) => source.items(manager, { ...(unitId ? { unitId } : {}), today, daysLate })));
    return lists.flat();
  }

  /** Checks a draft can be issued and makes sure its counter row exists (outside any transaction). */
  async prepareIssue(draft: Notice): Promise<void> {
    this.assertComplete(draft.kind, draft.content);
    await ensureNoticeCounter(this.dataSource, draft.kind, Number(this.calendar.today().slice(0, 4)));
  }

  /**
   * Issues inside the caller's unit of work, which wakes the render once it commits; `version` guards
   * against an edit made meanwhile. The recipients are told once its PDF is there (`run`), so that nobody
   * is asked to read what is not yet.
   */
  async issueIn({ manager, wake }: Work, id: number, issuedBy: number | null, version?: number): Promise<void> {
    const today = this.calendar.today();
    const year = Number(today.slice(0, 4));
    const notice = await manager.findOneByOrFail(Notice, { id });
    if (notice.status !== 'draft') throw new DomainError('NOTICE_NOT_DRAFT', '该通知已印发或已作废');
    if (version !== undefined && notice.version !== version) throw staleNotice();
    this.assertComplete(notice.kind, notice.content);
    const issuer = await this.issuer(manager, notice.kind);
    const seq = await nextNoticeNumber(manager, notice.kind, year);
    const number = noticeNumber(issuer.code, year, seq);
    // The layout and the seal in force now are the notice's for good: a later change alters only later notices.
    const sealSha256 = await this.seal.inForce(manager);
    await updateVersioned(manager, Notice, { id, status: 'draft' }, notice.version, { status: 'issued', year, seq, number, issuerName: issuer.name, issuerCode: issuer.code, format: issuer.format, sealSha256, issuedOn: today, issuedAt: this.clock.now(), issuedBy }, staleNotice);
    await this.audit.record({ action: 'notice.issue', objectType: 'notice', objectId: id, changes: { status: ['draft', 'issued'], number: [null, number], format: [null, issuer.format], seal: [null, sealSha256] } }, manager);
    // The render tells the recipients when it is done.
    wake('render', [{ id, runAt: this.clock.now() }]);
  }

  async acknowledge(access: Access, id: number): Promise<NoticeView> {
    await this.dataSource.transaction(async (manager) => {
      const { notice, recipients } = await this.load(access, id, manager);
      if (notice.status !== 'issued') throw new DomainError('NOTICE_NOT_ISSUED', notice.status === 'voided' ? '该通知已作废，无需签收' : '该通知尚未印发');
      if (!notice.pdfSha256) throw new DomainError('PDF_NOT_READY', '该通知的 PDF 正在生成，生成后即可查阅并签收');
      const mine = recipients.find((r) => (r.unitId !== null && r.unitId === access.actor.unitId) || r.userId === access.actor.userId);
      if (!mine) throw new DomainError('FORBIDDEN', '只有主送或抄送对象才能签收');
      const result = await manager.update(NoticeRecipient, { id: mine.id, acknowledgedAt: IsNull() }, { acknowledgedAt: this.clock.now(), acknowledgedBy: access.actor.userId });
      if (result.affected !== 1) throw new DomainError('ALREADY_ACKNOWLEDGED', '已签收过该通知');
      await this.audit.record({ action: 'notice.acknowledge', objectType: 'notice', objectId: id, changes: { recipient: [null, mine.name] } }, manager);
    });
    return this.get(access, id);
  }

  /** Voids an issued notice and tells everyone it was sent to, so nobody acts on it (or turns up to its interview). */
  async void(access: Access, id: number, dto: VoidNoticeDto): Promise<NoticeView> {
    await this.unit.run(async ({ manager, wake }) => {
      const result = await manager.update(Notice, { id, status: 'issued' }, { status: 'voided', voidedAt: this.clock.now(), voidReason: dto.reason });
      if (result.affected !== 1) {
        if (!(await manager.existsBy(Notice, { id }))) throw new NotFoundError('通知');
        throw new DomainError('NOTICE_NOT_ISSUED', '只有已印发的通知才能作废');
      }
      await this.audit.record({ action: 'notice.void', objectType: 'notice', objectId: id, changes: { status: ['issued', 'voided'], reason: [null, dto.reason] } }, manager);
      wake('delivery', await this.tellVoided(manager, await manager.findOneByOrFail(Notice, { id })));
    });
    return this.get(access, id);
  }

  /** Reminds the recipients who have not acknowledged an issued notice; at most once a day each. */
  async chase(access: Access, id: number): Promise<number> {
    const { notice, recipients } = await this.load(access, id);
    if (notice.status !== 'issued') throw new DomainError('NOTICE_NOT_ISSUED', '只有已印发的通知才能催签');
    const waiting = recipients.filter((r) => !r.acknowledgedAt);
    await this.unit.run(async ({ manager, wake }) => {
      const users = await this.recipientUsers(manager, waiting);
      await this.audit.record({ action: 'notice.chase', objectType: 'notice', objectId: id, changes: { recipients: [null, waiting.map((r) => r.name)] } }, manager);
      const deliveries = await this.notifications.notify(manager, users, {
        kind: 'reminder',
        title: `请签收：${notice.number} ${notice.title}`,
        body: `${this.kinds.label(notice.kind)}“${notice.title}”（${notice.number}）尚未签收，请及时查阅并签收。`,
        link: `/notices/${id}`,
        sourceKey: `notice:${id}:chase:${this.calendar.today()}`,
      });
      wake('delivery', deliveries);
    });
    return waiting.length;
  }

  async issuers(): Promise<IssuerView[]> {
    const manager = this.dataSource.manager;
    const stored = await manager.find(NoticeIssuer);
    return Promise.all(
      this.kinds.all().map(async ({ kind }) => {
        const row = stored.find((s) => s.kind === kind);
        const issuer = row ?? (await this.issuer(manager, kind));
        return { kind, code: issuer.code, name: issuer.name, format: issuer.format, isDefault: !row, version: row?.version ?? 0 };
      }),
    );
  }

  /** The office sets a kind's issuer code, name and layout; notices issued before keep theirs. */
  async setIssuer(kind: string, dto: IssuerDto): Promise<IssuerView> {
    await this.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(NoticeIssuer, { kind });
      if ((before?.version ?? 0) !== dto.version) throw staleNotice();
      const format = dto.format ?? before?.format ?? 'standard';
      if (before) {
        await updateVersioned(manager, NoticeIssuer, { kind }, dto.version, { code: dto.code, name: dto.name, format }, staleNotice);
      } else {
        await manager.insert(NoticeIssuer, { kind, code: dto.code, name: dto.name, format, version: 1 });
      }
      await this.audit.record({ action: 'notice_issuer.set', objectType: 'notice_issuer', objectId: kind, changes: { code: [before?.code ?? null, dto.code], name: [before?.name ?? null, dto.name], format: [before?.format ?? null, format] } }, manager);
    });
    return (await this.issuers()).find((i) => i.kind === kind)!;
  }

  /**
   * The stored PDF of an issued notice, exactly as issued. A voided notice's copy carries the red 作废
   * stamp and the reason on every page (a reason too long for the stamp in full on a page after the
   * last), made for each download from the stored original, which stays as
   * issued (its SHA-256 still proves it): voided notices are rare and their downloads rarer, so keeping a
   * second, stamped file (and keeping it in step with the stamp's template) would cost more than it saves.
   */
  async pdf(access: Access, id: number): Promise<{ content: Readable; fileName: string }> {
    const { notice } = await this.load(access, id);
    if (notice.status === 'draft') throw new DomainError('NOTICE_NOT_ISSUED', '草稿尚未印发，请使用预览');
    if (!notice.pdfFile) throw new DomainError('PDF_NOT_READY', '正在生成 PDF，请稍后再试');
    const path = join(this.pdfDir, notice.pdfFile);
    if (notice.status !== 'voided') return { content: createReadStream(path), fileName: `${notice.number}.pdf` };
    const stamp = await this.renderer.render(this.templates.voidStamp({ reason: notice.voidReason ?? '', date: chineseDate(chinaDate(notice.voidedAt ?? this.clock.now())) }), fitVoidStamp);
    return { content: Readable.from([await overlayEveryPage(await readFile(path), stamp)]), fileName: `${notice.number}（已作废）.pdf` };
  }

  /** Why the PDF of an issued notice has not been made yet, for the office: null while none has failed. */
  async renderFailure(id: number): Promise<RenderFailure | null> {
    const notice = await this.dataSource.getRepository(Notice).findOne({ where: { id }, select: { id: true, status: true, pdfSha256: true, renderFailures: true, renderError: true, renderRetryAt: true } });
    if (!notice || pdfStatus(notice) !== 'failing') return null;
    const reason = notice.renderError ?? '';
    return { failures: notice.renderFailures, reason, cause: renderFailureCause(reason), retryAt: notice.renderRetryAt, hint: missingBrowserHint(reason, this.renderer.executable()) };
  }

  /** Issued notices still waiting for their PDF, and those of them whose render failed: for /health, read on its own connections. */
  async renderBacklog(manager: EntityManager): Promise<RenderBacklog> {
    const repository = manager.getRepository(Notice);
    const failing = { ...WITHOUT_PDF, renderFailures: MoreThan(0) };
    const [pending, failed, next] = await Promise.all([
      repository.countBy(WITHOUT_PDF),
      repository.countBy(failing),
      repository.findOne({ where: failing, select: { id: true, renderRetryAt: true }, order: { renderRetryAt: 'ASC', id: 'ASC' } }),
    ]);
    return { waiting: pending, failing: failed, nextRetryAt: next?.renderRetryAt ?? null };
  }

  // The render job: issued notices without their PDF, each due when issued or, after a failure, at its retry time.

  async pending(): Promise<WakeUp[]> {
    return (await this.unrendered()).map(renderWakeUp);
  }

  async due(now: Date, limit: number): Promise<WakeUp[]> {
    return (await this.unrendered(now, limit)).map(renderWakeUp);
  }

  /** Renders once: the file is written under a new name and recorded only if no other run got there first. */
  async run(id: number): Promise<void> {
    const notice = await this.dataSource.getRepository(Notice).findOneBy({ id });
    if (!notice || notice.status === 'draft' || notice.pdfSha256) return;
    // A failed render waits out its backoff: an early wake-up (a poll, a reconcile, a stale job) does nothing.
    if (notice.renderRetryAt && notice.renderRetryAt > this.clock.now()) return;
    let pdf: Buffer;
    try {
      pdf = await this.renderer.render(await this.html(notice), layOutNotice);
    } catch (error) {
      // Recorded, not rethrown: the job ends here and the retry time alone wakes it again.
      await this.renderFailed(notice, error);
      return;
    }
    const file = `${randomUUID()}.pdf`;
    await writeFile(join(this.pdfDir, file), pdf, { flag: 'wx' });
    // Recorded once, by whichever run gets there first; that run tells the recipients (unless it was voided meanwhile).
    const recorded = await this.unit.run(async ({ manager, wake }) => {
      const result = await manager.update(Notice, { id, pdfSha256: IsNull() }, { pdfFile: file, pdfSha256: createHash('sha256').update(pdf).digest('hex') });
      if (result.affected !== 1) return false;
      if ((await manager.findOneByOrFail(Notice, { id })).status === 'issued') wake('delivery', await this.tellRecipients(manager, notice));
      return true;
    });
    if (!recorded) await unlink(join(this.pdfDir, file)).catch(() => undefined);
  }

  /** One more failure, its reason and the time of the next try; one warning in the log for it. */
  private async renderFailed(notice: Notice, error: unknown): Promise<void> {
    const failures = notice.renderFailures + 1;
    const reason = renderErrorText(error);
    const retryAt = renderRetryAt(this.clock.now(), failures);
    // Counted once even when two workers failed the same attempt.
    const result = await this.dataSource
      .getRepository(Notice)
      .update({ id: notice.id, pdfSha256: IsNull(), renderFailures: notice.renderFailures }, { renderFailures: failures, renderError: reason, renderRetryAt: retryAt });
    if (result.affected !== 1) return;
    this.logger.warn(`${notice.number ?? `通知 #${notice.id}`} 的 PDF 第 ${failures} 次生成失败：${reason}；将于 ${retryAt.toISOString()} 重试`);
    // The retry time is recorded by the single update above, outside any unit of work: woken directly.
    await this.jobs.wake('render', [{ id: notice.id, runAt: retryAt }]);
  }

  private unrendered(before?: Date, limit?: number): Promise<Notice[]> {
    return this.dataSource.getRepository(Notice).find({
      where: before ? [{ ...WITHOUT_PDF, renderRetryAt: IsNull(), issuedAt: LessThanOrEqual(before) }, { ...WITHOUT_PDF, renderRetryAt: LessThanOrEqual(before) }] : WITHOUT_PDF,
      select: { id: true, issuedAt: true, renderRetryAt: true },
      order: { id: 'ASC' },
      ...(limit ? { take: limit } : {}),
    });
  }

  /** The document: a draft in the kind's current layout and unsealed; an issued one as it was issued. */
  private async html(notice: Notice): Promise<string> {
    const draft = notice.status === 'draft';
    const format: NoticeFormat = draft ? (await this.issuer(this.dataSource.manager, notice.kind)).format : (notice.format ?? 'standard');
    const frame: NoticeFrame = {
      issuer: notice.issuerName,
      number: notice.number,
      title: notice.title,
      addressee: notice.addressee,
      date: chineseDate(notice.issuedOn ?? this.calendar.today()),
      copyTo: notice.copyTo,
      printedBy: notice.issuerName,
      printedOn: chineseDate(notice.issuedOn ?? this.calendar.today()),
      format,
      seal: !draft && notice.sealSha256 ? await this.seal.dataUri(notice.sealSha256) : null,
    };
    return this.templates.html(notice.kind, frame, notice.content);
  }

  /** The notice if this access reaches it: the office all of them, others those addressed or copied to them. */
  private async load(access: Access, id: number, manager: EntityManager = this.dataSource.manager): Promise<{ notice: Notice; recipients: NoticeRecipient[] }> {
    const notice = await manager.findOneBy(Notice, { id });
    if (!notice) throw new NotFoundError('通知');
    const recipients = await manager.find(NoticeRecipient, { where: { noticeId: id }, order: { id: 'ASC' } });
    const reaches = access.scope === 'all' || (notice.status !== 'draft' && recipients.some((r) => (r.unitId !== null && r.unitId === access.actor.unitId) || r.userId === access.actor.userId));
    if (!reaches) throw objectDenied({ actor: access.actor, permission: access.permission, objectType: 'notice', objectId: id });
    return { notice, recipients };
  }

  /** The kind's issuer as the office set it; until then the office's short name and the kind's character. */
  private async issuer(manager: EntityManager, kind: string): Promise<{ code: string; name: string; format: NoticeFormat }> {
    const { codeSuffix } = this.kinds.get(kind);
    const set = await manager.findOneBy(NoticeIssuer, { kind });
    if (set) return set;
    const office = await manager.findOne(Unit, { where: { kind: 'office', active: true }, order: { id: 'ASC' } });
    return { code: `${office?.shortName ?? '协调办'}${codeSuffix}`, name: office?.name ?? '协调办公室', format: 'standard' };
  }

  /** The people behind recipients: a unit's contacts, or the leader named. */
  private recipientUsers(manager: EntityManager, recipients: readonly Party[]): Promise<User[]> {
    const unitIds = recipients.map((r) => r.unitId).filter((u): u is number => u !== null);
    const userIds = recipients.map((r) => r.userId).filter((u): u is number => u !== null);
    if (unitIds.length === 0 && userIds.length === 0) return Promise.resolve([]);
    return manager.find(User, {
      where: [...(unitIds.length ? [{ ...activePeopleWho('work'), unitId: In(unitIds) }] : []), ...(userIds.length ? [{ id: In(userIds), active: true }] : [])],
    });
  }

  private async tellRecipients(manager: EntityManager, notice: Notice): Promise<WakeUp[]> {
    const users = await this.recipientUsers(manager, await manager.findBy(NoticeRecipient, { noticeId: notice.id }));
    return this.notifications.notify(manager, users, {
      kind: 'escalation',
      title: `【${this.kinds.label(notice.kind)}】${notice.number} ${notice.title}`,
      body: `请查阅并签收：${notice.title}（${notice.number}）。`,
      link: `/notices/${notice.id}`,
      sourceKey: `notice:${notice.id}`,
    });
  }

  /** The recipients' word that a notice they were sent no longer stands: why, and for an interview, that it is off. */
  private async tellVoided(manager: EntityManager, notice: Notice): Promise<WakeUp[]> {
    const users = await this.recipientUsers(manager, await manager.findBy(NoticeRecipient, { noticeId: notice.id }));
    const kind = this.kinds.get(notice.kind);
    const label = kind.label;
    return this.notifications.notify(manager, users, {
      kind: 'escalation',
      title: `【已作废】${label}${notice.number} ${notice.title}`,
      body: [
        `${label}“${notice.title}”（${notice.number}）已作废，请不再按其办理。`,
        kind.voidedNote?.(notice.content) ?? '',
        `作废原因：${notice.voidReason}`,
      ].join(''),
      link: `/notices/${notice.id}`,
      sourceKey: `notice:${notice.id}:void`,
    });
  }

  private async correction(manager: EntityManager, dto: CreateNoticeDto): Promise<NoticeDraft> {
    const voided = await manager.findOneBy(Notice, { id: dto.replacesId! });
    if (!voided || voided.kind !== dto.kind) throw new DomainError('VALIDATION_FAILED', '被更正的通知不存在或类型不同', [{ field: 'replacesId', message: '被更正的通知应为同类且已作废的通知' }]);
    if (voided.status !== 'voided') throw new DomainError('NOTICE_NOT_VOIDED', '只有作废的通知才能印发更正件；请先作废原通知');
    const recipients = await manager.findBy(NoticeRecipient, { noticeId: voided.id });
    return {
      notice: { title: voided.title, addressee: voided.addressee, content: voided.content, copyTo: voided.copyTo, assignmentId: voided.assignmentId },
      recipients: recipients.map(({ unitId, userId, role, name }) => ({ unitId, userId, role, name })),
    };
  }

  /** A draft by the kind's drafter for the subject the DTO names; a kind that cannot be drafted from it is refused. */
  private async fromRecords(manager: EntityManager, contact: string, kind: NoticeKindDefinition, dto: CreateNoticeDto): Promise<NoticeDraft> {
    const subject = subjectOf(kind, dto);
    return this.kinds.drafter(kind.kind, subject.type)(manager, subject, await this.draftContext(manager, contact));
  }

  private async draftContext(manager: EntityManager, contact: string): Promise<DraftContext> {
    const today = this.calendar.today();
    const calendar = await this.calendar.calendar();
    const leaders = await manager.find(User, { where: activePeopleWho('oversee'), order: { id: 'ASC' } });
    return {
      contact,
      today,
      calendar,
      copies: leaders.map((l): Recipient => ({ unitId: null, userId: l.id, role: 'cc', name: l.displayName })),
      daysLate: (deadline) => (deadline && deadline < today ? -calendar.workingDaysUntil(today, deadline) : 0),
      overdueItems: (unitId) => this.overdueItems(manager, unitId),
    };
  }

  /**
   * A notice can be issued (and its content saved) only when every field the document prints is there.
   * Content just sent is refused as any invalid input; a stored draft short of a field is DRAFT_INCOMPLETE.
   */
  private assertComplete(kind: string, content: object, code: 'DRAFT_INCOMPLETE' | 'VALIDATION_FAILED' = 'DRAFT_INCOMPLETE'): void {
    const { label, content: contentDto } = this.kinds.get(kind);
    const { errors } = validateDto(contentDto, content);
    if (errors.length > 0) {
      throw new DomainError(code, `${label}内容不完整：${errors.map((e) => e.message).join('；')}`, errors.map((e) => ({ ...e, field: `content.${e.field}` })));
    }
  }
}

/**
 * The subject a notice is drafted from: the most specific record given that the kind is drafted from
 * (ids it cannot use are passed over), else the overdue list if it is drafted from that; else refused.
 */
function subjectOf(kind: NoticeKindDefinition, dto: CreateNoticeDto): NoticeSubject {
  for (const { type, field } of [...SUBJECT_FIELDS].reverse()) {
    const id = dto[field];
    if (id !== undefined && kind.subjects.includes(type)) return { type, id, unitId: dto.unitId ?? null };
  }
  if (kind.subjects.includes(OVERDUE_LIST)) return { type: OVERDUE_LIST, id: null, unitId: null };
  const needed = SUBJECT_FIELDS.filter(({ type }) => kind.subjects.includes(type));
  const labels = needed.map((s) => s.label);
  const message = labels.length === 0 ? `${kind.label}不能依据记录起草` : `${kind.label}须依据一项${labels.length > 1 ? `${labels.slice(0, -1).join('、')}或${labels.at(-1)}` : labels[0]}`;
  return refuse(message, needed[0]?.field ?? 'kind');
}

function refuse(message: string, field: string): never {
  throw new DomainError('VALIDATION_FAILED', message, [{ field, message }]);
}

const staleNotice = () => staleVersion('该通知');

/** Who a recipient is: a unit (its contacts) or one person. */
type Party = Pick<Recipient, 'unitId' | 'userId'>;

/** Whether one of these active people can acknowledge for the recipient. */
const reaches = (people: readonly User[], r: Party) => people.some((u) => (r.unitId !== null ? u.unitId === r.unitId : u.id === r.userId));

/** Issued (or voided) notices whose PDF has not been made. */
const WITHOUT_PDF = { status: Not('draft' as const), pdfSha256: IsNull() };

/** A render is due when issued, or at its retry time once one has failed. */
const renderWakeUp = (n: Notice): WakeUp => ({ id: n.id, runAt: n.renderRetryAt ?? n.issuedAt! });

function view(n: Notice, recipients: NoticeRecipientView[]): NoticeView {
  const pdf = pdfStatus(n);
  return {
    id: n.id,
    kind: n.kind,
    status: n.status,
    number: n.number,
    title: n.title,
    addressee: n.addressee,
    copyTo: n.copyTo,
    content: n.content,
    assignmentId: n.assignmentId,
    replacesId: n.replacesId,
    issuedOn: n.issuedOn,
    pdfSha256: n.pdfSha256,
    pdfStatus: pdf,
    pdfFailures: n.renderFailures,
    pdfRetryAt: pdf === 'failing' ? n.renderRetryAt : null,
    voidReason: n.voidReason,
    format: n.format,
    sealSha256: n.sealSha256,
    recipients: recipients.map(({ id, role, name, unitId, userId, acknowledgedAt, acknowledgedByName, reachable }) => ({ id, role, name, unitId, userId, acknowledgedAt, acknowledgedByName, reachable })),
    version: n.version,
  };
}

