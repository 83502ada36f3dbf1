import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Access } from '../access/access';
import { Permission, scopeOf } from '../access/permissions';
import { Assignment, AssignmentRole } from '../assignments/assignment.entity';
import { isOverdue } from '../assignments/deadline-status';
import type { AssignmentStatus } from '../assignments/assignment-state';
import { WorkFilterDto } from '../assignments/dto/work-filter.dto';
import { CalendarService } from '../calendar/calendar.service';
import { chinaDate } from '../calendar/working-calendar';
import { ForbiddenError } from '../common/errors/domain-error';
import { batchesByKey } from '../database/list-page';
import { Directive } from '../directives/directive.entity';
import { DirectivesService, visibleAssignments } from '../directives/directives.service';
import { NoticeQueryDto } from '../notices/dto/notice.dto';
import { NoticeRecipient } from '../notices/notice.entity';
import { NoticeKinds } from '../notices/notice-kinds';
import { NoticesService } from '../notices/notices.service';
import { RectificationQueryDto } from '../rectifications/dto/rectification.dto';
import { rectificationCode } from '../rectifications/rectification-format';
import { RectificationsService } from '../rectifications/rectifications.service';
import type { SheetSpec } from '../spreadsheets/workbook-writer';
import { DIRECTIVE_COLUMNS, DirectiveRow, LedgerDirective, NOTICE_COLUMNS, NoticeRow, RECTIFICATION_COLUMNS, RectificationRow, TASK_COLUMNS, TaskRow } from './ledger-sheets';

/** What the ledger shows of an assignment. */
interface LedgerAssignment {
  id: number;
  directiveId: number;
  unitId: number;
  role: AssignmentRole;
  status: AssignmentStatus;
  deadline: string | null;
  targetValue: number | null;
  percentDone: number;
  metricValue: number | null;
  unitName: string;
}

const ASSIGNMENT_COLUMNS: Array<[string, keyof LedgerAssignment]> = [
  ['id', 'id'],
  ['directive_id', 'directiveId'],
  ['unit_id', 'unitId'],
  ['role', 'role'],
  ['status', 'status'],
  ['deadline', 'deadline'],
  ['target_value', 'targetValue'],
  ['percent_done', 'percentDone'],
  ['metric_value', 'metricValue'],
];

/**
 * Directives read at once (with their assignments and last reports), and rows of the other ledgers. Small
 * on purpose: a batch lives while its rows are written, and one written before the young generation is
 * next collected twice dies young; a larger one is promoted, and the old generation grows with its
 * garbage until a full collection (measured at 200,000 rows: batches of 500 directives peaked about 80 MB higher than of 100).
 */
const DIRECTIVE_BATCH = 100;
const ROW_BATCH = 250;
/** Notices read at once: each has several recipients, a row each. */
const NOTICE_BATCH = 50;
/** How much of a report's text the ledger shows. */
const REPORT_HEAD = 200;

const DIRECTIVE_COLUMNS_READ = ['id', 'code', 'title', 'category', 'priority', 'deadline', 'reportCycle', 'reportDay', 'metricName', 'metricUnit', 'metricComparator', 'metricTarget'].map((c) => `directive.${c}`);

function ledgerDirective(d: Directive): LedgerDirective {
  return {
    code: d.code,
    title: d.title,
    category: d.category,
    priority: d.priority,
    deadline: d.deadline,
    reportCycle: d.reportCycle,
    reportDay: d.reportDay,
    metric: d.metricName ? { name: d.metricName, unit: d.metricUnit ?? '', comparator: d.metricComparator!, target: d.metricTarget! } : null,
  };
}

/**
 * The 台账 as worksheets, each read in key-ordered batches as it is written: directives with each unit's
 * task (state, deadline, progress, metric value and target, last report), rectification items, notices with
 * each recipient's 签收. The lists' filters apply, and each list's reach: a unit contact exports its own.
 */
@Injectable()
export class LedgerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly directives: DirectivesService,
    private readonly rectifications: RectificationsService,
    private readonly notices: NoticesService,
    private readonly kinds: NoticeKinds,
  ) {}

  async directiveSheets(access: Access, query: WorkFilterDto): Promise<[SheetSpec<DirectiveRow>, SheetSpec<TaskRow>]> {
    const today = this.calendar.today();
    const calendar = await this.calendar.calendar();
    const filtered = (await this.directives.filtered(access, query, calendar, today)).select(DIRECTIVE_COLUMNS_READ);
    const batches = () => batchesByKey(filtered, 'directive.id', (d) => d.id, DIRECTIVE_BATCH);
    const self = this;
    async function* directiveRows(): AsyncIterable<DirectiveRow> {
      for await (const directives of batches()) {
        const assignments = await self.assignmentsOf(directives.map((d) => d.id));
        for (const d of directives) {
          const visible = visibleAssignments(access, assignments.filter((a) => a.directiveId === d.id));
          yield {
            directive: ledgerDirective(d),
            lead: visible.find((a) => a.role === 'lead')?.unitName ?? '',
            cooperating: visible.filter((a) => a.role === 'cooperating').map((a) => a.unitName),
            units: visible.length,
            closed: visible.filter((a) => a.status === 'closed').length,
            overdue: visible.filter((a) => isOverdue(today, a.status, a.deadline)).length,
          };
        }
      }
    }
    async function* taskRows(): AsyncIterable<TaskRow> {
      for await (const directives of batches()) {
        const assignments = (await self.assignmentsOf(directives.map((d) => d.id))).filter((a) => access.reachesUnit(a.unitId) && (!query.status || a.status === query.status) && (!query.unitId || a.unitId === query.unitId));
        const reports = await self.lastReports(assignments.map((a) => a.id));
        const byId = new Map(directives.map((d) => [d.id, ledgerDirective(d)]));
        for (const a of assignments) {
          const overdue = isOverdue(today, a.status, a.deadline);
          if (query.overdue !== undefined && overdue !== query.overdue) continue;
          const report = reports.get(a.id);
          yield { directive: byId.get(a.directiveId)!, unit: a.unitName, role: a.role, status: a.status, deadline: a.deadline, overdue, percentDone: a.percentDone, targetValue: a.targetValue, metricValue: a.metricValue, lastReportOn: report?.on ?? null, lastReport: report?.head ?? null };
        }
      }
    }
    return [
      { name: '督办事项', columns: DIRECTIVE_COLUMNS, rows: directiveRows() },
      { name: '各单位任务', columns: TASK_COLUMNS, rows: taskRows() },
    ];
  }

  /**
   * The assignments of some directives, lead first, with their units' short names: read as plain rows,
   * since hydrating 400,000 entities makes garbage faster than the collector returns memory.
   */
  private async assignmentsOf(directiveIds: number[]): Promise<LedgerAssignment[]> {
    if (directiveIds.length === 0) return [];
    const qb = this.dataSource.getRepository(Assignment).createQueryBuilder('a').innerJoin('a.unit', 'unit').select('unit.short_name', 'unitName');
    for (const [column, alias] of ASSIGNMENT_COLUMNS) qb.addSelect(`a.${column}`, alias);
    const rows = await qb.where('a.directive_id IN (:...ids)', { ids: directiveIds }).getRawMany<Record<keyof LedgerAssignment, string | number | null>>();
    const number = (value: string | number | null) => (value === null ? null : Number(value));
    return rows
      .map((r) => ({ id: Number(r.id), directiveId: Number(r.directiveId), unitId: Number(r.unitId), role: r.role as AssignmentRole, status: r.status as AssignmentStatus, deadline: r.deadline as string | null, targetValue: number(r.targetValue), percentDone: Number(r.percentDone), metricValue: number(r.metricValue), unitName: String(r.unitName) }))
      .sort((x, y) => x.directiveId - y.directiveId || (x.role === y.role ? x.id - y.id : x.role === 'lead' ? -1 : 1));
  }

  /** Each assignment's latest report: its day (China time) and the head of its text. */
  private async lastReports(assignmentIds: number[]): Promise<Map<number, { on: string; head: string }>> {
    if (assignmentIds.length === 0) return new Map();
    const rows = await this.dataSource.query(
      `SELECT p.assignment_id AS assignmentId, p.submitted_at AS submittedAt, SUBSTR(p.narrative, 1, ${REPORT_HEAD}) AS head FROM progress_reports p
       WHERE p.id IN (SELECT MAX(q.id) FROM progress_reports q WHERE q.assignment_id IN (${assignmentIds.map(() => '?').join(', ')}) GROUP BY q.assignment_id)`,
      assignmentIds,
    );
    return new Map((rows as Array<{ assignmentId: number; submittedAt: string | Date; head: string }>).map((r) => [Number(r.assignmentId), { on: chinaDate(asInstant(r.submittedAt)), head: r.head }]));
  }

  rectificationSheets(access: Access, query: Omit<RectificationQueryDto, 'page' | 'pageSize' | 'after'>): [SheetSpec<RectificationRow>] {
    const filtered = this.rectifications.filtered(access, query).leftJoin('r.unit', 'unit').addSelect(['unit.id', 'unit.name', 'r.issuedAt', 'r.signedOffAt']);
    async function* rows(): AsyncIterable<RectificationRow> {
      for await (const items of batchesByKey(filtered, 'r.id', (r) => r.id, ROW_BATCH)) {
        for (const r of items) {
          yield { code: rectificationCode(r), unit: r.unit?.name ?? '', location: r.location, problem: r.problem, requirements: r.requirements, priority: r.priority, deadline: r.deadline, status: r.status, issuedOn: r.issuedAt ? chinaDate(r.issuedAt) : null, signedOffOn: r.signedOffAt ? chinaDate(r.signedOffAt) : null, recheckOn: r.recheckOn, reopenCount: r.reopenCount };
        }
      }
    }
    return [{ name: '整改事项', columns: RECTIFICATION_COLUMNS, rows: rows() }];
  }

  /**
   * Notices with one row per recipient. The notices reached are those the actor may read (a leader or a
   * unit: those sent to them), and of each, a unit sees its own 签收 only.
   */
  async noticeSheets(access: Access, query: Omit<NoticeQueryDto, 'page' | 'pageSize' | 'after'>): Promise<[SheetSpec<NoticeRow>]> {
    const scope = scopeOf(access.actor.role, Permission.NoticesRead);
    if (scope === null) throw new ForbiddenError('当前账号无权查看公文通知');
    const reading = new Access(access.actor, Permission.NoticesRead, scope);
    // Only the columns shown: a notice's content (its whole text as fields) is not.
    const filtered = (await this.notices.filtered(reading, query)).select(['n.id', 'n.number', 'n.kind', 'n.title', 'n.status', 'n.issuedOn']);
    const { dataSource, kinds } = this;
    const shown = (r: NoticeRecipient) => scope === 'all' || (r.unitId !== null && r.unitId === access.actor.unitId) || r.userId === access.actor.userId;
    async function* rows(): AsyncIterable<NoticeRow> {
      for await (const notices of batchesByKey(filtered, 'n.id', (n) => n.id, NOTICE_BATCH)) {
        const recipients = await dataSource.getRepository(NoticeRecipient).find({
          select: { id: true, noticeId: true, unitId: true, userId: true, role: true, name: true, acknowledgedAt: true },
          where: { noticeId: In(notices.map((n) => n.id)) },
          order: { noticeId: 'ASC', id: 'ASC' },
        });
        const byNotice = new Map<number, NoticeRecipient[]>();
        for (const r of recipients.filter(shown)) byNotice.set(r.noticeId, [...(byNotice.get(r.noticeId) ?? []), r]);
        for (const n of notices) {
          for (const r of byNotice.get(n.id) ?? []) {
            yield { number: n.number, kind: kinds.label(n.kind), title: n.title, status: n.status, issuedOn: n.issuedOn, recipient: r.name, role: r.role, acknowledgedOn: r.acknowledgedAt ? chinaDate(r.acknowledgedAt) : null };
          }
        }
      }
    }
    return [{ name: '公文通知', columns: NOTICE_COLUMNS, rows: rows() }];
  }
}

/** A datetime read by a raw query: a Date from MySQL, UTC text from SQLite. */
function asInstant(value: string | Date): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}
