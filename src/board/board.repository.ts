import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { OPEN_STATUSES, type AssignmentStatus } from '../assignments/assignment-state';
import type { IsoDate } from '../calendar/working-calendar';
import { datetimeKey, keysetCondition } from '../database/list-page';
import { isMysqlFamily } from '../database/server-flavour';
import type { Comparator, Priority } from '../directives/directive.entity';
import type { Card } from '../listings/listing-rules';
import { chinaDayStart, nextDay, previousDay, type CountedFigures, type Period } from './board-rules';

/** What every board read is narrowed by: the period, the directives' category and priority, one unit. */
export interface BoardScope {
  today: IsoDate;
  /** The last deadline counted as "due soon" (N working days ahead). */
  dueLimit: IsoDate;
  period: Period;
  category: string | null;
  priority: Priority | null;
  /** One unit (the filter, or a unit contact's own), or null for all. */
  unitId: number | null;
}

export interface DirectiveRow {
  id: number;
  code: string;
  title: string;
  priority: Priority;
  dueKey: string;
  metricName: string | null;
  metricUnit: string | null;
  metricComparator: Comparator | null;
  metricTarget: number | null;
}

export interface CellRow {
  id: number;
  directiveId: number;
  unitId: number;
  status: AssignmentStatus;
  deadline: IsoDate | null;
  targetValue: number | null;
  metricValue: number | null;
}

export interface MetricReportRow {
  assignmentId: number;
  value: number;
  submittedAt: Date;
}

/** Weekly counts: index i is the week starting on the i-th Monday. */
export interface WeeklyCounts {
  completions: number[];
  newOverdue: number[];
  rectificationsClosed: number[];
}

const num = (value: unknown): number => Number(value ?? 0);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * The board's reads (挂图作战): GROUP BY over the assignments an index reaches, the matrix's directives
 * paged by key on `IDX_directives_due`, and the cells of one page of them. Selects only what the board shows.
 */
@Injectable()
export class BoardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Per unit: open, due soon, overdue, and the period's closings (on time or not). Two reads, each
   * answered from one covering index: the open tasks from `IDX_assignments_board_open` (status, unit,
   * deadline), the closings from `IDX_assignments_status_closed` (status, closing time, unit, deadline).
   */
  async unitCounts(scope: BoardScope): Promise<Map<number, Omit<CountedFigures, 'rectificationsOpen' | 'rectificationsOverdue'>>> {
    const open = this.assignments(scope)
      .select('a.unit_id', 'unitId')
      .addSelect('COUNT(*)', 'open')
      .addSelect('SUM(CASE WHEN a.deadline < :today THEN 1 ELSE 0 END)', 'overdue')
      .addSelect('SUM(CASE WHEN a.deadline >= :today AND a.deadline <= :dueLimit THEN 1 ELSE 0 END)', 'dueSoon')
      .andWhere('a.status IN (:...open)', { open: [...OPEN_STATUSES], today: scope.today, dueLimit: scope.dueLimit })
      .groupBy('a.unit_id');
    const closed = this.assignments(scope)
      .select('a.unit_id', 'unitId')
      .addSelect('COUNT(*)', 'closed')
      .addSelect(`SUM(CASE WHEN a.deadline IS NULL OR a.closed_at < ${this.deadlineEnd()} THEN 1 ELSE 0 END)`, 'closedOnTime')
      .andWhere("a.status = 'closed' AND a.closed_at >= :periodFrom AND a.closed_at < :periodTo", this.periodParameters(scope))
      .groupBy('a.unit_id');
    const [openRows, closedRows] = await Promise.all([open.getRawMany<Record<string, unknown>>(), closed.getRawMany<Record<string, unknown>>()]);
    const counts = new Map(openRows.map((r) => [num(r.unitId), { open: num(r.open), overdue: num(r.overdue), dueSoon: num(r.dueSoon), closed: 0, closedOnTime: 0 }]));
    for (const r of closedRows) {
      const unitId = num(r.unitId);
      counts.set(unitId, { ...(counts.get(unitId) ?? { open: 0, overdue: 0, dueSoon: 0 }), closed: num(r.closed), closedOnTime: num(r.closedOnTime) });
    }
    return counts;
  }

  /** The cards hung now, by unit. */
  async currentCards(unitId: number | null): Promise<Map<number, Card>> {
    const qb = this.dataSource.createQueryBuilder().from('listings', 'l').select('l.unit_id', 'unitId').addSelect('l.card', 'card').where("l.status = 'active'");
    if (unitId !== null) qb.andWhere('l.unit_id = :unitId', { unitId });
    const rows = await qb.getRawMany<{ unitId: unknown; card: Card }>();
    return new Map(rows.map((r) => [num(r.unitId), r.card]));
  }

  /**
   * One page of the directives with work in the scope (open, or closed in the period), in deadline order
   * (`IDX_directives_due`), after a key; with `metricOnly`, only those with a quantitative target.
   */
  async directives(scope: BoardScope, options: { after: [string, number] | null; limit: number; metricOnly: boolean }): Promise<DirectiveRow[]> {
    const work = this.dataSource
      .createQueryBuilder()
      .from('assignments', 'a')
      .select('1')
      .where('a.directive_id = d.id')
      .andWhere(this.inPeriod());
    if (scope.unitId !== null) work.andWhere('a.unit_id = :unitId');
    const qb = this.dataSource
      .createQueryBuilder()
      .from('directives', 'd')
      .select(['d.id AS id', 'd.code AS code', 'd.title AS title', 'd.priority AS priority', 'd.due_key AS dueKey', 'd.metric_name AS metricName', 'd.metric_unit AS metricUnit', 'd.metric_comparator AS metricComparator', 'd.metric_target AS metricTarget'])
      .where(`EXISTS (${work.getQuery()})`)
      .setParameters({ ...this.periodParameters(scope), unitId: scope.unitId });
    this.directiveFilters(qb, scope);
    if (options.metricOnly) qb.andWhere('d.metric_name IS NOT NULL');
    if (options.after) {
      const { sql, parameters } = keysetCondition(
        [
          { column: 'd.due_key', direction: 'ASC' },
          { column: 'd.id', direction: 'ASC' },
        ],
        options.after,
      );
      qb.andWhere(sql, parameters);
    }
    const rows = await qb.orderBy('d.due_key', 'ASC').addOrderBy('d.id', 'ASC').limit(options.limit).getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      id: num(r.id),
      code: String(r.code),
      title: String(r.title),
      priority: r.priority as Priority,
      dueKey: String(r.dueKey),
      metricName: (r.metricName as string | null) ?? null,
      metricUnit: (r.metricUnit as string | null) ?? null,
      metricComparator: (r.metricComparator as Comparator | null) ?? null,
      metricTarget: numOrNull(r.metricTarget),
    }));
  }

  /** The tasks of some directives (cancelled ones left out), for the matrix's cells and the targets. */
  async cells(directiveIds: number[], unitId: number | null): Promise<CellRow[]> {
    if (directiveIds.length === 0) return [];
    const qb = this.dataSource
      .createQueryBuilder()
      .from('assignments', 'a')
      .select(['a.id AS id', 'a.directive_id AS directiveId', 'a.unit_id AS unitId', 'a.status AS status', 'a.deadline AS deadline', 'a.target_value AS targetValue', 'a.metric_value AS metricValue'])
      .where('a.directive_id IN (:...directiveIds)', { directiveIds })
      .andWhere("a.status <> 'cancelled'");
    if (unitId !== null) qb.andWhere('a.unit_id = :unitId', { unitId });
    const rows = await qb.orderBy('a.id', 'ASC').getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      id: num(r.id),
      directiveId: num(r.directiveId),
      unitId: num(r.unitId),
      status: r.status as AssignmentStatus,
      deadline: (r.deadline as string | null) ?? null,
      targetValue: numOrNull(r.targetValue),
      metricValue: numOrNull(r.metricValue),
    }));
  }

  /** The tasks whose latest report (or completion request) the office returned. */
  async returned(assignmentIds: number[]): Promise<Set<number>> {
    if (assignmentIds.length === 0) return new Set();
    const rows = await this.dataSource
      .createQueryBuilder()
      .from('progress_reports', 'p')
      .select(['p.assignment_id AS assignmentId', 'p.status AS status'])
      .where('p.assignment_id IN (:...assignmentIds)', { assignmentIds })
      .orderBy('p.id', 'ASC')
      .getRawMany<{ assignmentId: unknown; status: string }>();
    const last = new Map(rows.map((r) => [num(r.assignmentId), r.status]));
    return new Set([...last].filter(([, status]) => status === 'returned').map(([id]) => id));
  }

  /** The metric values reported on some tasks (returned reports left out), oldest first. */
  async metricReports(assignmentIds: number[]): Promise<MetricReportRow[]> {
    if (assignmentIds.length === 0) return [];
    const rows = await this.dataSource
      .createQueryBuilder()
      .from('progress_reports', 'p')
      .select(['p.assignment_id AS assignmentId', 'p.metric_value AS value', 'p.submitted_at AS submittedAt'])
      .where('p.assignment_id IN (:...assignmentIds)', { assignmentIds })
      .andWhere('p.metric_value IS NOT NULL')
      .andWhere("p.status <> 'returned'")
      .orderBy('p.submitted_at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({ assignmentId: num(r.assignmentId), value: Number(r.value), submittedAt: this.instant(r.submittedAt) }));
  }

  /**
   * Per week starting on each of `mondays` (to today): tasks closed, tasks that fell overdue (the day
   * after their deadline, unless closed by then) and rectification items signed off.
   */
  async weekly(scope: BoardScope, mondays: IsoDate[]): Promise<WeeklyCounts> {
    const bounds = [...mondays.slice(1), nextDay(scope.today)];
    const instants = (days: IsoDate[]) => days.map((day) => datetimeKey(chinaDayStart(day)));
    const first = datetimeKey(chinaDayStart(mondays[0]));
    const end = datetimeKey(chinaDayStart(bounds[bounds.length - 1]));

    const closings = this.assignments(scope)
      .select(this.week('a.closed_at', instants(bounds)), 'week')
      .addSelect('COUNT(*)', 'n')
      .andWhere("a.status = 'closed' AND a.closed_at >= :first AND a.closed_at < :end", { first, end })
      .groupBy('week');
    // Overdue from the day after the deadline: the deadlines of week i lie in [monday_i - 1, monday_i+1 - 1).
    const lapses = this.assignments(scope)
      .select(this.week('a.deadline', bounds.map(previousDay)), 'week')
      .addSelect('COUNT(*)', 'n')
      .andWhere('a.deadline >= :firstDeadline AND a.deadline < :today', { firstDeadline: previousDay(mondays[0]), today: scope.today })
      .andWhere("a.status <> 'cancelled'")
      .andWhere(`(a.closed_at IS NULL OR a.closed_at >= ${this.deadlineEnd()})`)
      .groupBy('week');
    const signOffs = this.dataSource
      .createQueryBuilder()
      .from('rectification_items', 'r')
      .select(this.week('r.signed_off_at', instants(bounds)), 'week')
      .addSelect('COUNT(*)', 'n')
      .where("r.status = 'signed_off' AND r.signed_off_at >= :first AND r.signed_off_at < :end", { first, end })
      .groupBy('week');
    if (scope.unitId !== null) signOffs.andWhere('r.unit_id = :unitId', { unitId: scope.unitId });
    const counted = async (qb: SelectQueryBuilder<object>) => {
      const weeks = new Array<number>(mondays.length).fill(0);
      for (const row of await qb.getRawMany<{ week: unknown; n: unknown }>()) weeks[num(row.week)] += num(row.n);
      return weeks;
    };
    const [completions, newOverdue, rectificationsClosed] = await Promise.all([counted(closings), counted(lapses), counted(signOffs)]);
    return { completions, newOverdue, rectificationsClosed };
  }

  /** The distinct categories of directives, for the filter. */
  async categories(): Promise<string[]> {
    const rows = await this.dataSource.createQueryBuilder().from('directives', 'd').select('DISTINCT d.category', 'category').orderBy('d.category', 'ASC').limit(200).getRawMany<{ category: string }>();
    return rows.map((r) => r.category);
  }

  /** Assignments, joined to their directive when the scope filters by category or priority. */
  private assignments(scope: BoardScope): SelectQueryBuilder<object> {
    const qb = this.dataSource.createQueryBuilder().from('assignments', 'a').where('1 = 1');
    if (scope.category !== null || scope.priority !== null) {
      qb.innerJoin('directives', 'd', 'd.id = a.directive_id');
      this.directiveFilters(qb, scope);
    }
    if (scope.unitId !== null) qb.andWhere('a.unit_id = :unitId', { unitId: scope.unitId });
    return qb;
  }

  private directiveFilters(qb: SelectQueryBuilder<object>, scope: BoardScope): void {
    if (scope.category !== null) qb.andWhere('d.category = :category', { category: scope.category });
    if (scope.priority !== null) qb.andWhere('d.priority = :priority', { priority: scope.priority });
  }

  /** Work the board shows: open now, or closed within the period. */
  private inPeriod(): string {
    return "(a.status IN (:...open) OR (a.status = 'closed' AND a.closed_at >= :periodFrom AND a.closed_at < :periodTo))";
  }

  private periodParameters(scope: BoardScope) {
    return { open: [...OPEN_STATUSES], periodFrom: datetimeKey(chinaDayStart(scope.period.from)), periodTo: datetimeKey(chinaDayStart(nextDay(scope.period.to))) };
  }

  /** The instant a task's deadline day ends in China (16:00 UTC), as text both databases compare with a datetime. */
  private deadlineEnd(): string {
    return isMysqlFamily(this.dataSource.options.type) ? "CONCAT(a.deadline, ' 16:00:00')" : "(a.deadline || ' 16:00:00')";
  }

  /**
   * The index of the week a value falls in, given each week's end (exclusive), in order. The ends are
   * dates and instants this service computed (`YYYY-MM-DD[ HH:MM:SS.mmm]`), never text from a request.
   */
  private week(column: string, ends: string[]): string {
    const cases = ends.slice(0, -1).map((end, i) => `WHEN ${column} < '${end}' THEN ${i}`);
    return `CASE ${cases.join(' ')} ELSE ${ends.length - 1} END`;
  }

  private instant(value: unknown): Date {
    if (value instanceof Date) return value;
    // SQLite hands back the stored UTC text.
    return new Date(`${String(value).replace(' ', 'T')}Z`);
  }
}
