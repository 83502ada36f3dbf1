import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Access } from '../access/access';
import { Permission, scopeOf } from '../access/permissions';
import { displayNames } from '../users/user-names';
import { attachmentView } from '../attachments/attachment-view';
import { AttachmentsService, UploadedFile } from '../attachments/attachments.service';
import { AuditService } from '../audit/audit.service';
import { FieldChanges } from '../audit/audit-entry.entity';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../common/clock';
import { DomainError, NotFoundError, staleVersion } from '../common/errors/domain-error';
import { countCapped, KeyRange, keyIn, OrderColumn, readPage } from '../database/list-page';
import { updateVersioned } from '../database/versioned-update';
import { matchesText } from '../directives/directive-search';
import { UnitOfWork } from '../jobs/unit-of-work';
import { nextDue } from '../reminders/escalation-ladder';
import { SchedulePlanner } from '../reminders/schedule-planner.service';
import { ASSIGNMENT_SUBJECT } from './assignment-chase';
import { AssignmentAction, availableActions, isOpen, nextStatus } from './assignment-state';
import { Assignment, AssignmentEvent } from './assignment.entity';
import { assignmentProgress, dueLimit, PROGRESS_COLUMNS } from './deadline-status';
import { awaitsReview, TASK_KEYS, taskSortKey } from './task-order';
import {
  AssignmentDetailView,
  AssignmentPage,
  AssignmentQueryDto,
  AssignmentView,
  ExtensionDecisionDto,
  ExtensionRequestDto,
  ReasonDto,
  ReportDto,
  ReviewReportDto,
  VersionDto,
} from './dto/assignment.dto';
import { ExtensionRequest } from './extension-request.entity';
import { ProgressReport } from './progress-report.entity';
import { shownProgress } from './shown-progress';
import { TaskNotifier } from './task-notifier.service';
import { TaskStep } from './task-news';

type EventAction = AssignmentEvent['action'];

interface StepOutcome {
  set?: Partial<Assignment>;
  note?: string;
  changes?: FieldChanges;
  /** What the other side is told of the step. */
  news?: TaskStep;
}

@Injectable()
export class AssignmentsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly attachments: AttachmentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly planner: SchedulePlanner,
    private readonly unit: UnitOfWork,
    private readonly notifier: TaskNotifier,
  ) {}

  onModuleInit(): void {
    // A report's files are seen by whoever may read the report.
    this.attachments.registerOwner('report', async (access, reportId) => {
      const report = await this.dataSource.getRepository(ProgressReport).findOneBy({ id: reportId });
      if (!report) throw new NotFoundError('附件');
      await this.loadForReading(access, report.assignmentId, this.dataSource.manager, 'attachment', reportId);
    });
  }

  async list(access: Access, query: AssignmentQueryDto): Promise<AssignmentPage> {
    const today = this.calendar.today();
    const calendar = await this.calendar.calendar();
    const page = await readPage(await this.listed(access, query), query, TASK_ORDER);
    const ids = page.items.map((a) => a.id);
    const rows = ids.length === 0 ? [] : await this.dataSource.getRepository(Assignment).createQueryBuilder('a').innerJoin('a.directive', 'directive').innerJoin('a.unit', 'unit').select(LIST_COLUMNS).whereInIds(ids).getMany();
    const byId = new Map(rows.map((a) => [a.id, a]));
    return { ...page, items: ids.map((id) => this.view(byId.get(id)!, calendar, today)) };
  }

  /** How many tasks `list` would show with this filter (capped: see `countCapped`), without reading any. */
  async count(access: Access, query: AssignmentQueryDto): Promise<{ total: number; totalCapped: boolean }> {
    return countCapped(await this.listed(access, query));
  }

  /**
   * The keys of the tasks a filter shows: found on the assignments alone, in their index's order,
   * joining the directives only to filter by them; `list` then reads the page's rows by id.
   */
  private async listed(access: Access, query: AssignmentQueryDto): Promise<SelectQueryBuilder<Assignment>> {
    const today = this.calendar.today();
    const calendar = await this.calendar.calendar();
    const qb = this.dataSource.getRepository(Assignment).createQueryBuilder('a').select(['a.id', 'a.sortKey']);
    if (query.sourceDocumentId || query.category || query.priority || query.q) qb.innerJoin('a.directive', 'directive');
    if (access.unitRestriction !== null) qb.andWhere('a.unit_id = :own', { own: access.unitRestriction });
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.unitId) qb.andWhere('a.unit_id = :unitId', { unitId: query.unitId });
    if (query.directiveId) qb.andWhere('a.directive_id = :directiveId', { directiveId: query.directiveId });
    if (query.sourceDocumentId) qb.andWhere('directive.source_document_id = :source', { source: query.sourceDocumentId });
    if (query.category) qb.andWhere('directive.category = :category', { category: query.category });
    if (query.priority) qb.andWhere('directive.priority = :priority', { priority: query.priority });
    // Open, overdue and due-soon are ranges of the stored sort key (see task-order.ts), served by its indexes.
    const ranges: KeyRange[] = [];
    if (query.open === true) ranges.push(TASK_KEYS.open);
    if (query.open === false) ranges.push(TASK_KEYS.finished);
    if (query.overdue === true) ranges.push(TASK_KEYS.overdue(today));
    if (query.overdue === false) ranges.push(TASK_KEYS.notOverdue(today));
    if (query.dueWithin !== undefined) ranges.push(TASK_KEYS.due(today, dueLimit(calendar, today, query.dueWithin)));
    ranges.forEach((range, i) => qb.andWhere(keyIn('a.sort_key', range, `range${i}`)));
    if (query.awaitingReview) qb.andWhere('a.awaiting_review = :awaiting', { awaiting: true });
    if (query.q) await matchesText(qb, 'directive', query.q);
    return qb;
  }

  async get(access: Access, id: number): Promise<AssignmentDetailView> {
    const assignment = await this.loadForReading(access, id, this.dataSource.manager, 'assignment', id);
    const [reports, extensions, events] = await Promise.all([
      this.dataSource.getRepository(ProgressReport).find({ where: { assignmentId: id }, order: { id: 'DESC' } }),
      this.dataSource.getRepository(ExtensionRequest).find({ where: { assignmentId: id }, order: { id: 'DESC' } }),
      this.dataSource.getRepository(AssignmentEvent).find({ where: { assignmentId: id }, order: { id: 'ASC' } }),
    ]);
    const files = await this.attachments.list('report', reports.map((r) => r.id));
    const names = await displayNames(this.dataSource.manager, [...reports.flatMap((r) => [r.submittedBy, r.reviewedBy]), ...extensions.flatMap((e) => [e.requestedBy, e.decidedBy]), ...events.map((e) => e.actorUserId)]);
    const nameOf = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
    const worksOn = scopeOf(access.actor.role, Permission.AssignmentsWork) !== null && access.actor.unitId === assignment.unitId;
    const reviews = scopeOf(access.actor.role, Permission.AssignmentsReview) !== null;
    return Object.assign(this.view(assignment, await this.calendar.calendar(), this.calendar.today()), {
      requirement: assignment.directive!.requirement,
      metricName: assignment.directive!.metricName,
      metricUnit: assignment.directive!.metricUnit,
      reports: reports.map((r) => ({
        id: r.id,
        assignmentId: r.assignmentId,
        narrative: r.narrative,
        percentDone: r.percentDone,
        metricValue: r.metricValue,
        isFinal: r.isFinal,
        status: r.status,
        reviewNote: r.reviewNote,
        submittedAt: r.submittedAt,
        submittedByName: nameOf(r.submittedBy),
        reviewedByName: nameOf(r.reviewedBy),
        attachments: files.filter((f) => f.ownerId === r.id).map(attachmentView),
      })),
      extensions: extensions.map((e) => ({
        id: e.id,
        assignmentId: e.assignmentId,
        currentDeadline: e.currentDeadline,
        requestedDeadline: e.requestedDeadline,
        reason: e.reason,
        status: e.status,
        decisionNote: e.decisionNote,
        requestedAt: e.requestedAt,
        requestedByName: nameOf(e.requestedBy),
        decidedByName: nameOf(e.decidedBy),
      })),
      history: events.map((e) => ({ action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note, occurredAt: e.occurredAt, actorName: nameOf(e.actorUserId) })),
      availableActions: worksOn ? availableActions(assignment.status, 'unit') : reviews ? availableActions(assignment.status, 'office') : [],
    });
  }

  acknowledge(access: Access, id: number, dto: VersionDto): Promise<AssignmentDetailView> {
    return this.act(access, id, dto.version, 'acknowledge', async () => ({ set: { acknowledgedAt: this.clock.now() } }));
  }

  report(access: Access, id: number, dto: ReportDto, files: UploadedFile[]): Promise<AssignmentDetailView> {
    return this.withReport(access, id, dto, files, 'report', false);
  }

  requestCompletion(access: Access, id: number, dto: ReportDto, files: UploadedFile[]): Promise<AssignmentDetailView> {
    if (dto.percentDone !== 100) {
      throw new DomainError('VALIDATION_FAILED', '申请办结时完成比例应为 100%', [{ field: 'percentDone', message: '申请办结时应为 100' }]);
    }
    return this.withReport(access, id, dto, files, 'request_completion', true);
  }

  close(access: Access, id: number, dto: VersionDto): Promise<AssignmentDetailView> {
    return this.act(access, id, dto.version, 'close', async (manager) => {
      await this.reviewFinalReport(manager, access, id, 'accepted', null);
      await this.settlePendingExtensions(manager, access, id, '任务已销号');
      return { set: { closedAt: this.clock.now() }, news: { kind: 'closed' } };
    });
  }

  returnCompletion(access: Access, id: number, dto: ReasonDto): Promise<AssignmentDetailView> {
    return this.act(access, id, dto.version, 'return_completion', async (manager, assignment) => {
      await this.reviewFinalReport(manager, access, id, 'returned', dto.reason);
      // The returned final report's 100 % no longer stands.
      const shown = await this.progressOf(manager, id);
      return { set: shown, note: dto.reason, changes: { percentDone: [assignment.percentDone, shown.percentDone] }, news: { kind: 'completion_returned', version: assignment.version, reason: dto.reason } };
    });
  }

  cancel(access: Access, id: number, dto: ReasonDto): Promise<AssignmentDetailView> {
    return this.act(access, id, dto.version, 'cancel', async (manager) => {
      await this.settlePendingExtensions(manager, access, id, '任务已撤销');
      return { note: dto.reason, news: { kind: 'cancelled', reason: dto.reason } };
    });
  }

  async reviewReport(access: Access, reportId: number, dto: ReviewReportDto): Promise<AssignmentDetailView> {
    const note = dto.note?.trim() || null;
    if (dto.decision === 'return' && !note) throw new DomainError('VALIDATION_FAILED', '退回报告须填写理由', [{ field: 'note', message: '退回时必填' }]);
    const assignmentId = await this.unit.run(async ({ manager, wake }) => {
      const report = await manager.findOneBy(ProgressReport, { id: reportId });
      if (!report) throw new NotFoundError('进展报告');
      const assignment = await this.loadForWork(access, report.assignmentId, manager);
      if (report.isFinal) throw new DomainError('REPORT_IS_FINAL', '这是随办结申请报送的报告，请通过“销号”或“退回办结申请”处理');
      if (report.status !== 'submitted') throw new DomainError('ALREADY_DECIDED', '该报告已审核过');
      const status = dto.decision === 'accept' ? 'accepted' : 'returned';
      const result = await manager.update(ProgressReport, { id: reportId, status: 'submitted' }, { status, reviewNote: note, reviewedBy: access.actor.userId, reviewedAt: this.clock.now() });
      if (result.affected !== 1) throw new DomainError('ALREADY_DECIDED', '该报告已审核过');
      const figures = { percentDone: assignment.percentDone, metricValue: assignment.metricValue };
      // A returned report no longer stands for the unit's progress: the task shows the latest one that does.
      const shown = status === 'returned' ? await this.progressOf(manager, assignment.id) : figures;
      if (shown.percentDone !== figures.percentDone || shown.metricValue !== figures.metricValue) await this.bump(manager, assignment, shown);
      await this.syncAwaitingReview(manager, assignment.id);
      await this.record(manager, access, assignment, dto.decision === 'accept' ? 'report_accepted' : 'report_returned', assignment.status, note, {
        report: [reportId, status],
        ...(shown.percentDone !== figures.percentDone ? { percentDone: [figures.percentDone, shown.percentDone] } : {}),
      });
      const news: TaskStep = status === 'returned' ? { kind: 'report_returned', reportId, percentDone: report.percentDone, note: note! } : { kind: 'report_accepted', reportId, percentDone: report.percentDone, note };
      wake('delivery', await this.notifier.tell(manager, access.actor.userId, assignment, news));
      return assignment.id;
    });
    return this.get(access, assignmentId);
  }

  requestExtension(access: Access, id: number, dto: ExtensionRequestDto): Promise<AssignmentDetailView> {
    return this.act(access, id, dto.version, 'request_extension', async (manager, assignment) => {
      if (!assignment.deadline) throw new DomainError('EXTENSION_NO_DEADLINE', '长期坚持的任务没有办理时限，无需申请延期');
      const today = this.calendar.today();
      if (today > assignment.deadline) throw new DomainError('EXTENSION_TOO_LATE', `办理时限（${assignment.deadline}）已过，不能再申请延期；请尽快报送进展`);
      if (dto.requestedDeadline <= assignment.deadline) {
        throw new DomainError('VALIDATION_FAILED', '申请的新期限应晚于当前期限', [{ field: 'requestedDeadline', message: `延期后的期限应晚于 ${assignment.deadline}` }]);
      }
      (await this.calendar.calendar()).assertWithinReach(dto.requestedDeadline, 'requestedDeadline', '延期后的期限');
      if (await manager.existsBy(ExtensionRequest, { assignmentId: id, status: 'pending' })) throw new DomainError('EXTENSION_PENDING', '已有一份延期申请在等待审批');
      const request = await manager.save(
        manager.create(ExtensionRequest, {
          assignmentId: id,
          currentDeadline: assignment.deadline,
          requestedDeadline: dto.requestedDeadline,
          reason: dto.reason.trim(),
          status: 'pending',
          decisionNote: null,
          requestedBy: access.actor.userId,
          requestedAt: this.clock.now(),
          decidedBy: null,
          decidedAt: null,
        }),
      );
      return {
        note: `申请延至 ${dto.requestedDeadline}：${request.reason}`,
        changes: { extension: [null, request.id] },
        news: { kind: 'extension_requested', extensionId: request.id, currentDeadline: request.currentDeadline, requestedDeadline: request.requestedDeadline, reason: request.reason },
      };
    });
  }

  async decideExtension(access: Access, extensionId: number, dto: ExtensionDecisionDto): Promise<AssignmentDetailView> {
    const note = dto.note?.trim() || null;
    if (dto.decision === 'refuse' && !note) throw new DomainError('VALIDATION_FAILED', '不同意延期须填写理由', [{ field: 'note', message: '不同意时必填' }]);
    const assignmentId = await this.unit.run(async ({ manager, wake }) => {
      const request = await manager.findOneBy(ExtensionRequest, { id: extensionId });
      if (!request) throw new NotFoundError('延期申请');
      const assignment = await this.loadForWork(access, request.assignmentId, manager);
      if (request.status !== 'pending') throw new DomainError('ALREADY_DECIDED', '该延期申请已处理过');
      const granted = dto.decision === 'grant';
      if (granted && (!isOpen(assignment.status) || assignment.deadline !== request.currentDeadline)) {
        throw new DomainError('EXTENSION_OUTDATED', '申请提出后任务的期限或状态已经改变，请不同意本申请，由单位按新情况重新申请');
      }
      // A request stored before deadlines were bounded is refused here rather than planned into year 9999.
      if (granted) (await this.calendar.calendar()).assertWithinReach(request.requestedDeadline, 'requestedDeadline', '延期后的期限');
      // Only a still-pending request may be decided: two simultaneous decisions cannot both apply.
      const result = await manager.update(ExtensionRequest, { id: extensionId, status: 'pending' }, { status: granted ? 'granted' : 'refused', decisionNote: note, decidedBy: access.actor.userId, decidedAt: this.clock.now() });
      if (result.affected !== 1) throw new DomainError('ALREADY_DECIDED', '该延期申请已处理过');
      if (granted) await this.bump(manager, assignment, { deadline: request.requestedDeadline });
      await this.syncAwaitingReview(manager, assignment.id);
      await this.record(manager, access, assignment, granted ? 'extension_granted' : 'extension_refused', assignment.status, granted ? `期限由 ${request.currentDeadline} 延至 ${request.requestedDeadline}${note ? `：${note}` : ''}` : note, granted ? { deadline: [request.currentDeadline, request.requestedDeadline] } : { extension: [extensionId, 'refused'] });
      const news: TaskStep = granted
        ? { kind: 'extension_granted', extensionId, from: request.currentDeadline, to: request.requestedDeadline, note }
        : { kind: 'extension_refused', extensionId, requestedDeadline: request.requestedDeadline, deadline: assignment.deadline ?? request.currentDeadline, note: note! };
      // The reminders and rungs follow the new deadline.
      if (granted) wake('action', await this.planner.plan(manager, ASSIGNMENT_SUBJECT, [assignment.id]));
      wake('delivery', await this.notifier.tell(manager, access.actor.userId, assignment, news));
      return assignment.id;
    });
    return this.get(access, assignmentId);
  }

  /** A report, alone or with a completion request, with its files. */
  private async withReport(access: Access, id: number, dto: ReportDto, files: UploadedFile[], action: 'report' | 'request_completion', isFinal: boolean): Promise<AssignmentDetailView> {
    // Read back only after withFiles: a failure there must not remove files whose rows are committed.
    await this.attachments.withFiles(files, access.actor.userId, (attach) =>
      this.step(access, id, dto.version, action, async (manager, assignment) => {
        if (dto.metricValue !== undefined && !assignment.directive!.metricName) {
          throw new DomainError('VALIDATION_FAILED', '该事项没有量化目标，不需要填写指标值', [{ field: 'metricValue', message: '该事项没有量化目标' }]);
        }
        const report = await manager.save(
          manager.create(ProgressReport, {
            assignmentId: id,
            narrative: dto.narrative,
            percentDone: dto.percentDone,
            metricValue: dto.metricValue ?? null,
            isFinal,
            status: 'submitted',
            reviewNote: null,
            submittedBy: access.actor.userId,
            submittedAt: this.clock.now(),
            reviewedBy: null,
            reviewedAt: null,
          }),
        );
        await attach(manager, 'report', report.id);
        const news: TaskStep = isFinal
          ? { kind: 'completion_requested', reportId: report.id, metricValue: report.metricValue, narrative: report.narrative }
          : { kind: 'report_submitted', reportId: report.id, percentDone: report.percentDone, metricValue: report.metricValue, narrative: report.narrative };
        return { set: { percentDone: dto.percentDone, metricValue: dto.metricValue ?? assignment.metricValue }, changes: { report: [null, report.id], percentDone: [assignment.percentDone, dto.percentDone] }, news };
      }),
    );
    return this.get(access, id);
  }

  /**
   * One step of the state machine in one transaction: permission on the object, the version the client
   * saw, the state rule, the step's own effect, the row update guarded by the version, history and audit.
   */
  private async act(
    access: Access,
    id: number,
    version: number,
    action: AssignmentAction,
    effect: (manager: EntityManager, assignment: Assignment) => Promise<StepOutcome>,
  ): Promise<AssignmentDetailView> {
    await this.step(access, id, version, action, effect);
    return this.get(access, id);
  }

  private async step(
    access: Access,
    id: number,
    version: number,
    action: AssignmentAction,
    effect: (manager: EntityManager, assignment: Assignment) => Promise<StepOutcome>,
  ): Promise<void> {
    await this.unit.run(async ({ manager, wake }) => {
      const assignment = await this.loadForWork(access, id, manager);
      if (assignment.version !== version) throw staleTask();
      const to = nextStatus(assignment.status, action);
      const outcome = await effect(manager, assignment);
      await this.bump(manager, assignment, { ...outcome.set, status: to });
      await this.syncAwaitingReview(manager, id);
      await this.record(manager, access, assignment, action, to, outcome.note ?? null, { ...(to !== assignment.status ? { status: [assignment.status, to] } : {}), ...outcome.changes });
      // Finishing, cancelling or handing in the work stops the chasing; a returned completion resumes it.
      if (to !== assignment.status) wake('action', await this.planner.plan(manager, ASSIGNMENT_SUBJECT, [id]));
      if (outcome.news) wake('delivery', await this.notifier.tell(manager, access.actor.userId, assignment, outcome.news));
    });
  }

  /** Updates the row only if nobody changed it since it was read. */
  private async bump(manager: EntityManager, assignment: Assignment, set: Partial<Assignment>): Promise<void> {
    const status = set.status ?? assignment.status;
    const deadline = set.deadline !== undefined ? set.deadline : assignment.deadline;
    const sortKey = taskSortKey(status, deadline, assignment.directive!.priority);
    await updateVersioned(manager, Assignment, { id: assignment.id }, assignment.version, { ...set, sortKey }, staleTask);
  }

  /** Keeps the review queue's flag true while the office has something to decide on the task. */
  private async syncAwaitingReview(manager: EntityManager, id: number): Promise<void> {
    const { status } = await manager.findOneOrFail(Assignment, { where: { id }, select: { id: true, status: true } });
    const [report, extension] = await Promise.all([
      manager.existsBy(ProgressReport, { assignmentId: id, status: 'submitted', isFinal: false }),
      manager.existsBy(ExtensionRequest, { assignmentId: id, status: 'pending' }),
    ]);
    await manager.update(Assignment, { id }, { awaitingReview: awaitsReview(status, { report, extension }) });
  }

  private async record(manager: EntityManager, access: Access, assignment: Assignment, action: EventAction, to: Assignment['status'], note: string | null, changes: FieldChanges): Promise<void> {
    await manager.save(manager.create(AssignmentEvent, { assignmentId: assignment.id, action, fromStatus: assignment.status, toStatus: to, note, actorUserId: access.actor.userId, occurredAt: this.clock.now() }));
    await this.audit.record({ action: `assignment.${action}`, objectType: 'assignment', objectId: assignment.id, changes: { ...changes, ...(note ? { note: [null, note] } : {}) } }, manager);
  }

  /** Nothing stays pending on a finished assignment. */
  private async settlePendingExtensions(manager: EntityManager, access: Access, assignmentId: number, note: string): Promise<void> {
    await manager.update(ExtensionRequest, { assignmentId, status: 'pending' }, { status: 'refused', decisionNote: note, decidedBy: access.actor.userId, decidedAt: this.clock.now() });
  }

  private async reviewFinalReport(manager: EntityManager, access: Access, assignmentId: number, status: 'accepted' | 'returned', note: string | null): Promise<void> {
    await manager.update(ProgressReport, { assignmentId, isFinal: true, status: 'submitted' }, { status, reviewNote: note, reviewedBy: access.actor.userId, reviewedAt: this.clock.now() });
  }

  /** The progress the task shows from its reports as they stand now (see shownProgress). */
  private async progressOf(manager: EntityManager, assignmentId: number): Promise<{ percentDone: number; metricValue: number | null }> {
    return shownProgress(await manager.find(ProgressReport, { where: { assignmentId }, select: { id: true, status: true, percentDone: true, metricValue: true } }));
  }

  /** For changes: only the assignment's own unit (or the office, whose scope is all units). */
  private async loadForWork(access: Access, id: number, manager: EntityManager): Promise<Assignment> {
    const assignment = await manager.findOne(Assignment, { where: { id }, relations: { directive: true, unit: true } });
    if (!assignment) throw new NotFoundError('任务');
    access.assertReaches('assignment', id, [assignment.unitId]);
    return assignment;
  }

  /** For reading: the assignment's unit, and the directive's lead unit, which compiles the combined answer. */
  private async loadForReading(access: Access, id: number, manager: EntityManager, objectType: string, objectId: number): Promise<Assignment> {
    const assignment = await manager.findOne(Assignment, { where: { id }, relations: { directive: true, unit: true } });
    if (!assignment) throw new NotFoundError(objectType === 'attachment' ? '附件' : '任务');
    const lead = await manager.findOne(Assignment, { where: { directiveId: assignment.directiveId, role: 'lead' }, select: { unitId: true } });
    access.assertReaches(objectType, objectId, [assignment.unitId, lead?.unitId ?? null]);
    return assignment;
  }

  private view(a: Assignment, calendar: Awaited<ReturnType<CalendarService['calendar']>>, today: string): AssignmentView {
    return {
      ...assignmentProgress(calendar, today, a),
      directiveId: a.directiveId,
      directiveCode: a.directive!.code,
      directiveTitle: a.directive!.title,
      priority: a.directive!.priority,
      reportCycle: a.directive!.reportCycle,
      reportDay: a.directive!.reportDay,
      nextReportDue: a.deadline === null && isOpen(a.status) ? nextDue(a.directive!, today) : null,
    };
  }
}

const staleTask = () => staleVersion('该任务', 'updated');

/** What a task list shows, and nothing more: no requirement texts, no timestamps. */
const LIST_COLUMNS = [...PROGRESS_COLUMNS, 'a.sortKey', ...['id', 'code', 'title', 'priority', 'deadline', 'reportCycle', 'reportDay'].map((column) => `directive.${column}`)];

const TASK_ORDER: Array<OrderColumn<Assignment>> = [
  { column: 'a.sortKey', direction: 'ASC', of: (a) => a.sortKey },
  { column: 'a.id', direction: 'ASC', of: (a) => a.id },
];

