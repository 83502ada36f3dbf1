import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { Access } from '../access/access';
import { OPEN_STATUSES } from '../assignments/assignment-state';
import { Assignment, AssignmentEvent } from '../assignments/assignment.entity';
import { TaskNotifier } from '../assignments/task-notifier.service';
import { assignmentProgress, dueLimit, PROGRESS_COLUMNS } from '../assignments/deadline-status';
import { TASK_KEYS, taskSortKey } from '../assignments/task-order';
import { AuditService } from '../audit/audit.service';
import { diffFields } from '../audit/changes';
import { CalendarService } from '../calendar/calendar.service';
import { WorkingCalendar } from '../calendar/working-calendar';
import { Clock } from '../common/clock';
import { DomainError, NotFoundError, staleVersion } from '../common/errors/domain-error';
import { KeyRange, keyIn, OrderColumn, readPage } from '../database/list-page';
import { updateVersioned } from '../database/versioned-update';
import { SourceDocument } from '../documents/source-document.entity';
import { UnitOfWork, Work } from '../jobs/unit-of-work';
import { SchedulePlanner } from '../reminders/schedule-planner.service';
import { ASSIGNMENT_SUBJECT } from '../assignments/assignment-chase';
import { Unit } from '../units/unit.entity';
import { Directive } from './directive.entity';
import { directiveOrder } from './directive-order';
import { ensureDirectiveCounter, formatDirectiveCode, nextDirectiveNumber } from './directive-code';
import { indexDirectiveTerms, matchesText } from './directive-search';
import { WorkFilterDto } from '../assignments/dto/work-filter.dto';
import { CreateDirectiveDto, DirectivePage, DirectiveQueryDto, DirectiveView, UpdateDirectiveDto } from './dto/directive.dto';

const AUDITED_FIELDS = ['title', 'requirement', 'category', 'priority', 'deadline', 'reportCycle', 'reportDay', 'metricName', 'metricUnit', 'metricComparator', 'metricTarget', 'sourceDocumentId'] as const;

/** The list's orders, each on stored columns an index serves (see directive-order.ts). */
const DIRECTIVE_ORDERS: Record<NonNullable<DirectiveQueryDto['sort']>, Array<OrderColumn<Directive>>> = {
  deadline: [
    { column: 'directive.dueKey', direction: 'ASC', of: (d) => d.dueKey },
    { column: 'directive.id', direction: 'ASC', of: (d) => d.id },
  ],
  priority: [
    { column: 'directive.priorityRank', direction: 'ASC', of: (d) => d.priorityRank },
    { column: 'directive.dueKey', direction: 'ASC', of: (d) => d.dueKey },
    { column: 'directive.id', direction: 'ASC', of: (d) => d.id },
  ],
  newest: [{ column: 'directive.id', direction: 'DESC', of: (d) => d.id }],
};

const invalid = (field: string, message: string) => new DomainError('VALIDATION_FAILED', message, [{ field, message }]);

/** The longest source excerpt a directive keeps (the span itself is kept whole by its offsets). */
const EXCERPT_MAX = 2000;

/** Where one of several directives stands in the request: its field paths' prefix and its name for people. */
export interface ItemPlace {
  path(index: number): string;
  label(index: number): string;
  /** The caller's names of fields it calls differently (an extraction's span is `start`, `end`). */
  fields?: Partial<Record<keyof CreateDirectiveDto, string>>;
}

const ONLY_ONE: ItemPlace = { path: () => '', label: () => '' };

/** A refusal of one item, said of that item (`第2项：…`, `items.1.deadline`). */
function placed(where: ItemPlace, index: number, error: unknown): unknown {
  if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED' || !where.label(index)) return error;
  const details = Array.isArray(error.details) ? (error.details as Array<{ field: string; message: string }>) : [];
  const label = where.label(index);
  const field = (name: string) => where.fields?.[name as keyof CreateDirectiveDto] ?? name;
  return new DomainError(error.code, `${label}：${error.message}`, details.map((d) => ({ field: `${where.path(index)}${field(d.field)}`, message: `${label}：${d.message}` })));
}

function within<T>(where: ItemPlace, index: number, check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw placed(where, index, error);
  }
}

async function withinAsync<T>(where: ItemPlace, index: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw placed(where, index, error);
  }
}

/** A directive's assignments this access may see: all, or its own and (as lead) its cooperators'. */
export function visibleAssignments<A extends Pick<Assignment, 'unitId' | 'role'>>(access: Access, assignments: A[]): A[] {
  if (access.unitRestriction === null) return assignments;
  const mine = assignments.find((a) => access.reachesUnit(a.unitId));
  return assignments.filter((a) => access.reachesUnit(a.unitId) || mine?.role === 'lead');
}

@Injectable()
export class DirectivesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly planner: SchedulePlanner,
    private readonly unit: UnitOfWork,
    private readonly notifier: TaskNotifier,
  ) {}

  async list(access: Access, query: DirectiveQueryDto): Promise<DirectivePage> {
    const today = this.calendar.today();
    const calendar = await this.calendar.calendar();
    // The page's keys come from the order's own index; the page's rows are then read by id.
    const repository = this.dataSource.getRepository(Directive);
    const order = DIRECTIVE_ORDERS[query.sort];
    const qb = (await this.filtered(access, query, calendar, today)).select(order.map((o) => o.column));
    const page = await readPage(qb, query, order);
    const ids = page.items.map((d) => d.id);
    const rows = ids.length === 0 ? [] : await repository.createQueryBuilder('directive').leftJoin('directive.sourceDocument', 'source').addSelect(['source.id', 'source.title', 'source.docNumber']).whereInIds(ids).getMany();
    const byId = new Map(rows.map((d) => [d.id, d]));
    return { ...page, items: await this.views(access, ids.map((id) => byId.get(id)!), calendar, today) };
  }

  /** The directives the list's filters find within this access's reach (as `directive`, every column selected until the caller selects). */
  async filtered(access: Access, query: WorkFilterDto, calendar: WorkingCalendar, today: string): Promise<SelectQueryBuilder<Directive>> {
    const qb = this.dataSource.getRepository(Directive).createQueryBuilder('directive');
    // The assignment conditions hold for one and the same assignment, always within the access's reach.
    const sub = this.dataSource.getRepository(Assignment).createQueryBuilder('a').select('1').where('a.directive_id = directive.id');
    if (access.unitRestriction !== null) sub.andWhere('a.unit_id = :ownUnit', { ownUnit: access.unitRestriction });
    if (query.status) sub.andWhere('a.status = :status', { status: query.status });
    if (query.unitId) sub.andWhere('a.unit_id = :unitId', { unitId: query.unitId });
    const ranges: KeyRange[] = [];
    if (query.overdue === true) ranges.push(TASK_KEYS.overdue(today));
    if (query.dueWithin !== undefined) ranges.push(TASK_KEYS.due(today, dueLimit(calendar, today, query.dueWithin)));
    ranges.forEach((range, i) => sub.andWhere(keyIn('a.sort_key', range, `range${i}`)));
    // Every directive has assignments: without a condition on them, the office needs no check.
    const onAssignments = access.unitRestriction !== null || query.status !== undefined || query.unitId !== undefined || ranges.length > 0;
    if (onAssignments) qb.andWhere(`EXISTS (${sub.getQuery()})`).setParameters(sub.getParameters());
    if (query.overdue === false) {
      const overdue = TASK_KEYS.overdue(today);
      const late = this.dataSource.getRepository(Assignment).createQueryBuilder('late').select('1').where('late.directive_id = directive.id').andWhere('late.sort_key >= :lateFrom AND late.sort_key < :lateBefore');
      if (access.unitRestriction !== null) late.andWhere('late.unit_id = :ownUnit');
      qb.andWhere(`NOT EXISTS (${late.getQuery()})`, { ownUnit: access.unitRestriction, lateFrom: overdue.from, lateBefore: overdue.before });
    }
    if (query.sourceDocumentId) qb.andWhere('directive.source_document_id = :source', { source: query.sourceDocumentId });
    if (query.category) qb.andWhere('directive.category = :category', { category: query.category });
    if (query.priority) qb.andWhere('directive.priority = :priority', { priority: query.priority });
    if (query.q) await matchesText(qb, 'directive', query.q);
    return qb;
  }

  async get(access: Access, id: number): Promise<DirectiveView> {
    const directive = await this.dataSource.getRepository(Directive).findOne({ where: { id }, relations: { sourceDocument: true } });
    if (!directive) throw new NotFoundError('督办事项');
    const units = await this.dataSource.getRepository(Assignment).find({ where: { directiveId: id }, select: { unitId: true } });
    access.assertReaches('directive', id, units.map((a) => a.unitId));
    const [view] = await this.views(access, [directive], await this.calendar.calendar(), this.calendar.today());
    return view;
  }

  async create(access: Access, dto: CreateDirectiveDto): Promise<DirectiveView> {
    const [created] = await this.createMany(access, [dto]);
    return created;
  }

  /**
   * Issues several directives in one transaction: all of them, or (when one is refused) none. A refusal
   * of one names it through `label` (its field paths under `path(index)`), so a caller can point at it.
   */
  async createMany(access: Access, dtos: CreateDirectiveDto[], where: ItemPlace = ONLY_ONE): Promise<DirectiveView[]> {
    const today = this.calendar.today();
    const calendar = await this.calendar.calendar();
    const deadlines = dtos.map((dto, index) => within(where, index, () => this.checked(dto, calendar, today)));
    const year = Number(today.slice(0, 4));
    await ensureDirectiveCounter(this.dataSource, year);
    const ids = await this.unit.run(async ({ manager, wake }) => {
      const created: number[] = [];
      for (const [index, dto] of dtos.entries()) {
        created.push(await withinAsync(where, index, () => this.insert(access, manager, wake, dto, deadlines[index], year)));
      }
      return created;
    });
    return Promise.all(ids.map((id) => this.get(access, id)));
  }

  /** The rules a directive's fields must meet before anything is written; answers its deadline. */
  private checked(dto: CreateDirectiveDto, calendar: WorkingCalendar, today: string): string | null {
    const deadline = this.deadlineOf(dto, calendar, today);
    if (dto.cooperatingUnitIds?.includes(dto.leadUnitId)) throw invalid('cooperatingUnitIds', '牵头单位不能同时是配合单位');
    const unitIds = [dto.leadUnitId, ...(dto.cooperatingUnitIds ?? [])];
    const targets = dto.unitTargets ?? [];
    if (targets.length > 0 && !dto.metric) throw invalid('unitTargets', '设定各单位目标值前，请先填写量化目标');
    for (const { unitId } of targets) if (!unitIds.includes(unitId)) throw invalid('unitTargets', `单位 ${unitId} 不是本事项的牵头或配合单位`);
    if ((dto.sourceStart === undefined) !== (dto.sourceEnd === undefined)) throw invalid('sourceStart', '原文的起始和结束位置须同时给出');
    if (dto.sourceStart !== undefined && !dto.sourceDocumentId) throw invalid('sourceStart', '给出原文位置时须指明来源文件');
    if (dto.sourceStart !== undefined && dto.sourceStart >= dto.sourceEnd!) throw invalid('sourceEnd', '原文的结束位置须大于起始位置');
    return deadline;
  }

  private async insert(access: Access, manager: EntityManager, wake: Work['wake'], dto: CreateDirectiveDto, deadline: string | null, year: number): Promise<number> {
    const unitIds = [dto.leadUnitId, ...(dto.cooperatingUnitIds ?? [])];
    const targets = new Map((dto.unitTargets ?? []).map((t) => [t.unitId, t.value]));
    const units = await this.assertUnitsAssignable(manager, unitIds);
    const source = dto.sourceDocumentId ? await manager.findOne(SourceDocument, { where: { id: dto.sourceDocumentId }, select: { id: true, body: true } }) : null;
    if (dto.sourceDocumentId && !source) throw invalid('sourceDocumentId', '来源文件不存在');
    if (source && dto.sourceEnd !== undefined && dto.sourceEnd > source.body.length) throw invalid('sourceEnd', `原文的结束位置超出了来源文件全文（共 ${source.body.length} 个字符）`);
    const excerpt = source && dto.sourceStart !== undefined ? source.body.slice(dto.sourceStart, dto.sourceEnd).slice(0, EXCERPT_MAX) : dto.sourceExcerpt || null;
    const seq = await nextDirectiveNumber(manager, year);
    const directive = await manager.save(
      manager.create(Directive, {
        code: formatDirectiveCode(year, seq),
        year,
        seq,
        title: dto.title,
        requirement: dto.requirement,
        category: dto.category,
        priority: dto.priority,
        sourceDocumentId: dto.sourceDocumentId ?? null,
        sourceExcerpt: excerpt,
        sourceStart: dto.sourceStart ?? null,
        sourceEnd: dto.sourceEnd ?? null,
        deadline,
        reportCycle: dto.reportCycle ?? null,
        reportDay: dto.reportCycle ? dto.reportDay! : null,
        metricName: dto.metric?.name ?? null,
        metricUnit: dto.metric?.unit ?? null,
        metricComparator: dto.metric?.comparator ?? null,
        metricTarget: dto.metric?.target ?? null,
        createdBy: access.actor.userId,
        ...directiveOrder(deadline, dto.priority),
      }),
    );
    await indexDirectiveTerms(manager, directive);
    const now = this.clock.now();
    const assignmentIds: number[] = [];
    for (const unitId of unitIds) {
      const assignment = await manager.save(
        manager.create(Assignment, {
          directiveId: directive.id,
          unitId,
          role: unitId === dto.leadUnitId ? 'lead' : 'cooperating',
          status: 'issued',
          deadline,
          targetValue: targets.get(unitId) ?? dto.metric?.target ?? null,
          percentDone: 0,
          metricValue: null,
          acknowledgedAt: null,
          closedAt: null,
          sortKey: taskSortKey('issued', deadline, dto.priority),
          awaitingReview: false,
        }),
      );
      await manager.save(manager.create(AssignmentEvent, { assignmentId: assignment.id, action: 'create', fromStatus: null, toStatus: 'issued', note: null, actorUserId: access.actor.userId, occurredAt: now }));
      assignmentIds.push(assignment.id);
      const issued = Object.assign(assignment, { directive, unit: units.find((u) => u.id === unitId) });
      wake('delivery', await this.notifier.tell(manager, access.actor.userId, issued, { kind: 'issued', lead: assignment.role === 'lead', deadline, reportCycle: directive.reportCycle }));
    }
    await this.audit.record({ action: 'directive.create', objectType: 'directive', objectId: directive.id, changes: { code: [null, directive.code], units: [null, unitIds], ...diffFields(null, directive, AUDITED_FIELDS) } }, manager);
    // The reminders and rungs are part of issuing the work: planned in the same transaction.
    wake('action', await this.planner.plan(manager, ASSIGNMENT_SUBJECT, assignmentIds));
    return directive.id;
  }

  async update(access: Access, id: number, dto: UpdateDirectiveDto): Promise<DirectiveView> {
    await this.unit.run(async ({ manager, wake }) => {
      const directive = await manager.findOneBy(Directive, { id });
      if (!directive) throw new NotFoundError('督办事项');
      const before = { ...directive };
      const changes: Partial<Directive> = {};
      for (const field of ['title', 'requirement', 'category', 'priority'] as const) if (dto[field] !== undefined) Object.assign(changes, { [field]: dto[field] });
      if (dto.deadline !== undefined) {
        if (directive.reportCycle) throw invalid('deadline', '长期坚持的事项没有办理时限');
        if (dto.deadline < this.calendar.today()) throw invalid('deadline', '办理时限不能早于今天');
        (await this.calendar.calendar()).assertWithinReach(dto.deadline, 'deadline', '办理时限');
        changes.deadline = dto.deadline;
      }
      if (changes.deadline || changes.priority) Object.assign(changes, directiveOrder(changes.deadline ?? directive.deadline, changes.priority ?? directive.priority));
      const diff = diffFields(before, { ...before, ...changes }, AUDITED_FIELDS);
      // The version check is the WHERE clause: a stale version updates no row.
      await updateVersioned(manager, Directive, { id }, dto.version, changes, () => staleVersion('该督办事项', 'retry'));
      if (changes.title !== undefined && changes.title !== before.title) await indexDirectiveTerms(manager, { id, code: directive.code, title: changes.title });
      if (changes.deadline && before.deadline) {
        // Assignments still on the old common deadline move with it; extended ones keep their own.
        const moved = await manager.find(Assignment, { where: { directiveId: id, deadline: before.deadline, status: In([...OPEN_STATUSES]) }, relations: { directive: true, unit: true } });
        await manager.update(Assignment, { directiveId: id, deadline: before.deadline, status: In([...OPEN_STATUSES]) }, { deadline: changes.deadline });
        for (const assignment of moved) {
          wake('delivery', await this.notifier.tell(manager, access.actor.userId, assignment, { kind: 'deadline_changed', directiveVersion: dto.version, from: before.deadline, to: changes.deadline }));
        }
      }
      if (diff) await this.audit.record({ action: 'directive.update', objectType: 'directive', objectId: id, changes: diff }, manager);
      // A new deadline or priority changes the ladder of every assignment of the directive, and its place in the lists.
      if (changes.deadline || changes.priority) {
        const assignments = await manager.find(Assignment, { where: { directiveId: id }, select: { id: true, status: true, deadline: true } });
        const priority = changes.priority ?? directive.priority;
        for (const a of assignments) await manager.update(Assignment, { id: a.id }, { sortKey: taskSortKey(a.status, a.deadline, priority) });
        wake('action', await this.planner.plan(manager, ASSIGNMENT_SUBJECT, assignments.map((a) => a.id)));
      }
    });
    return this.get(access, id);
  }

  private deadlineOf(dto: CreateDirectiveDto, calendar: WorkingCalendar, today: string): string | null {
    const given = [dto.deadline !== undefined, dto.deadlineWorkingDays !== undefined, dto.reportCycle !== undefined].filter(Boolean).length;
    if (given !== 1) throw invalid('deadline', '请在办理时限（日期或工作日数）和长期坚持的报送周期中选择一种');
    if (dto.reportCycle) {
      if (dto.reportDay === undefined) throw invalid('reportDay', '长期坚持的事项需要设定报送日');
      if (dto.reportCycle === 'weekly' && dto.reportDay > 5) throw invalid('reportDay', '每周报送日应为星期一到星期五（1–5）');
      return null;
    }
    if (dto.deadlineWorkingDays !== undefined) return calendar.addWorkingDays(today, dto.deadlineWorkingDays);
    if (dto.deadline! < today) throw invalid('deadline', '办理时限不能早于今天');
    calendar.assertWithinReach(dto.deadline!, 'deadline', '办理时限');
    return dto.deadline!;
  }

  private async assertUnitsAssignable(manager: EntityManager, unitIds: number[]): Promise<Unit[]> {
    const units = await manager.findBy(Unit, { id: In(unitIds) });
    for (const unitId of unitIds) {
      const unit = units.find((u) => u.id === unitId);
      if (!unit || !unit.active) throw invalid('leadUnitId', `单位 ${unitId} 不存在或已停用`);
      if (unit.kind === 'office') throw invalid('leadUnitId', '协调办公室本身不能作为承办单位');
    }
    return units;
  }

  /** Directive views with the assignments this access may see: all, or its own and (as lead) its cooperators'. */
  private async views(access: Access, directives: Directive[], calendar: WorkingCalendar, today: string): Promise<DirectiveView[]> {
    if (directives.length === 0) return [];
    // Only the columns shown: hydrating whole assignments and units cost more than the rest of the list.
    const assignments = await this.dataSource
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .innerJoin('a.unit', 'unit')
      .select(PROGRESS_COLUMNS)
      .where('a.directive_id IN (:...ids)', { ids: directives.map((d) => d.id) })
      .getMany();
    // Lead first, then in the order they were assigned: a few rows, sorted here rather than by the database.
    assignments.sort((x, y) => (x.role === y.role ? x.id - y.id : x.role === 'lead' ? -1 : 1));
    return directives.map((directive) => {
      const visible = visibleAssignments(access, assignments.filter((a) => a.directiveId === directive.id));
      const summaries = visible.map((a) => assignmentProgress(calendar, today, a));
      return Object.assign(new DirectiveView(), {
        id: directive.id,
        code: directive.code,
        title: directive.title,
        requirement: directive.requirement,
        category: directive.category,
        priority: directive.priority,
        source: directive.sourceDocument ? { id: directive.sourceDocument.id, title: directive.sourceDocument.title, docNumber: directive.sourceDocument.docNumber } : null,
        sourceExcerpt: directive.sourceExcerpt,
        sourceStart: directive.sourceStart,
        sourceEnd: directive.sourceEnd,
        deadline: directive.deadline,
        reportCycle: directive.reportCycle,
        reportDay: directive.reportDay,
        metric: directive.metricName ? { name: directive.metricName, unit: directive.metricUnit!, comparator: directive.metricComparator!, target: directive.metricTarget! } : null,
        overdue: summaries.some((s) => s.overdue),
        version: directive.version,
        createdAt: directive.createdAt,
        assignments: summaries,
      });
    });
  }
}
