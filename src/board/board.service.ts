import { Inject, Injectable } from '@nestjs/common';
import { Access, objectDenied } from '../access/access';
import { chinaDate, dueLimit } from '../calendar/working-calendar';
import { CalendarService } from '../calendar/calendar.service';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { decodeKey, encodeKey } from '../database/list-page';
import { ReadCache, WriteWatch } from '../database/read-cache';
import { RectificationsService } from '../rectifications/rectifications.service';
import { UnitsService } from '../units/units.service';
import { attainment, cellColour, chosenPeriod, lastWeeks, NO_FIGURES, totalOf, withDerived, type CountedFigures } from './board-rules';
import { BoardRepository, type BoardScope, type DirectiveRow } from './board.repository';
import { BoardQueryDto, BoardView, DirectiveTargetView, MatrixView, TargetsView, TrendsView, UnitBoardRowView } from './dto/board.dto';

/** Directives per page of the 作战图 and of the targets. */
export const MATRIX_PAGE = 30;
export const TARGETS_PAGE = 10;
/** Weeks of the trends. */
export const TREND_WEEKS = 12;
/** The longest custom period: five years. */
const LONGEST_PERIOD_DAYS = 5 * 366;

/** A unit as the board names it. */
interface BoardUnit {
  id: number;
  name: string;
  member: boolean;
}

/**
 * 挂图作战: each unit's figures, the directives × units matrix, the quantitative targets and the weekly
 * trends, within the reach of the access (a unit contact sees its own unit only). The figures are shared
 * between everyone asking with the same filters through a `ReadCache`, dropped at the next write; once
 * they merely expire they are read again in the background (`refreshAhead`), since at 400,000 tasks a
 * read takes longer than a request may wait.
 */
@Injectable()
export class BoardService {
  private readonly cache: ReadCache<unknown>;

  constructor(
    private readonly board: BoardRepository,
    private readonly calendar: CalendarService,
    private readonly units: UnitsService,
    private readonly rectifications: RectificationsService,
    @Inject(APP_CONFIG) config: AppConfig,
    writes: WriteWatch,
  ) {
    this.cache = new ReadCache(writes, config.readCacheMs, 1000, Date.now, { refreshAhead: true });
  }

  async figures(access: Access, query: BoardQueryDto): Promise<BoardView> {
    const scope = await this.scope(access, query);
    return this.cached('figures', scope, null, async () => {
      const [units, counts, cards, rectifications] = await Promise.all([this.boardUnits(access, scope), this.board.unitCounts(scope), this.board.currentCards(scope.unitId), this.rectifications.openByUnit(access)]);
      const rectificationsOf = new Map(rectifications.map((r) => [r.unitId, r]));
      const counted = (unitId: number): CountedFigures => ({
        ...NO_FIGURES,
        ...counts.get(unitId),
        rectificationsOpen: rectificationsOf.get(unitId)?.open ?? 0,
        rectificationsOverdue: rectificationsOf.get(unitId)?.overdue ?? 0,
      });
      // Every member unit in reach, and any other unit (an office, a retired unit) that still has work.
      const shown = units.filter((u) => (scope.unitId === null || u.id === scope.unitId) && (u.member || counts.has(u.id) || rectificationsOf.has(u.id)));
      const rows: UnitBoardRowView[] = shown.map((u) => ({ unitId: u.id, unitName: u.name, card: cards.get(u.id) ?? null, ...withDerived(counted(u.id)) }));
      return { period: { kind: scope.period.kind, from: scope.period.from, to: scope.period.to }, today: scope.today, dueLimit: scope.dueLimit, units: rows, totals: totalOf(shown.map((u) => counted(u.id))) };
    });
  }

  async matrix(access: Access, query: BoardQueryDto): Promise<MatrixView> {
    const scope = await this.scope(access, query);
    return this.cached('matrix', scope, query.after ?? null, async () => {
      const { page, next } = await this.directivePage(scope, query.after, MATRIX_PAGE, false);
      const cells = await this.board.cells(page.map((d) => d.id), scope.unitId);
      const returned = await this.board.returned(cells.filter((c) => c.status !== 'closed').map((c) => c.id));
      const names = await this.unitNames(access);
      const unitIds = new Set(cells.map((c) => c.unitId));
      const units = [...names].filter(([id]) => unitIds.has(id)).map(([id, name]) => ({ id, name }));
      const rows = page.map((d) => ({
        directiveId: d.id,
        code: d.code,
        title: d.title,
        priority: d.priority,
        cells: cells
          .filter((c) => c.directiveId === d.id)
          .map((c) => ({ unitId: c.unitId, assignmentId: c.id, status: c.status, deadline: c.deadline, colour: cellColour({ ...c, returned: returned.has(c.id) }, scope.today, scope.dueLimit) })),
      }));
      return { units, rows, next };
    });
  }

  async targets(access: Access, query: BoardQueryDto): Promise<TargetsView> {
    const scope = await this.scope(access, query);
    return this.cached('targets', scope, query.after ?? null, async () => {
      const { page, next } = await this.directivePage(scope, query.after, TARGETS_PAGE, true);
      const cells = await this.board.cells(page.map((d) => d.id), scope.unitId);
      const reports = await this.board.metricReports(cells.map((c) => c.id));
      const names = await this.unitNames(access);
      const directives: DirectiveTargetView[] = page.map((d) => {
        const units = cells
          .filter((c) => c.directiveId === d.id)
          .map((c) => {
            const target = c.targetValue ?? d.metricTarget;
            const trend = reports.filter((r) => r.assignmentId === c.id).map((r) => ({ date: chinaDate(r.submittedAt), value: r.value }));
            return { unitId: c.unitId, unitName: names.get(c.unitId) ?? '', assignmentId: c.id, target, latest: c.metricValue, ...attainment(d.metricComparator, target, c.metricValue), trend };
          });
        return { directiveId: d.id, code: d.code, title: d.title, metricName: d.metricName ?? '', metricUnit: d.metricUnit, comparator: d.metricComparator, target: d.metricTarget, metCount: units.filter((u) => u.met === true).length, units };
      });
      return { directives, next };
    });
  }

  async trends(access: Access, query: BoardQueryDto): Promise<TrendsView> {
    const scope = await this.scope(access, query);
    return this.cached('trends', scope, null, async () => {
      const mondays = lastWeeks(scope.today, TREND_WEEKS);
      const weekly = await this.board.weekly(scope, mondays);
      return { weeks: mondays.map((weekStart, i) => ({ weekStart, completions: weekly.completions[i], newOverdue: weekly.newOverdue[i], rectificationsClosed: weekly.rectificationsClosed[i] })) };
    });
  }

  /** What is built from the figures for everyone alike (a drawn page), shared and refreshed as they are. */
  share<T>(key: string, build: () => Promise<T>): Promise<T> {
    return this.cache.get(key, build) as Promise<T>;
  }

  /** The directive categories in use, for the filter. */
  categories(): Promise<string[]> {
    return this.cache.get('categories', () => this.board.categories()) as Promise<string[]>;
  }

  /** The filters as the repository reads them, checked; a unit contact is held to its own unit. */
  private async scope(access: Access, query: BoardQueryDto): Promise<BoardScope> {
    const today = this.calendar.today();
    const { kind, from, to } = chosenPeriod(query.period, today, { from: query.from, to: query.to });
    if (from === undefined || to === undefined) {
      const missing = [from === undefined ? { field: 'from', message: '请填写起始日' } : null, to === undefined ? { field: 'to', message: '请填写截止日' } : null].filter((error) => error !== null);
      throw new DomainError('VALIDATION_FAILED', '自定义统计期请填写起始日和截止日', missing);
    }
    if (from > to) throw new DomainError('VALIDATION_FAILED', '起始日不能晚于截止日', [{ field: 'from', message: '起始日不能晚于截止日' }]);
    if (Date.parse(to) - Date.parse(from) > LONGEST_PERIOD_DAYS * 86_400_000) throw new DomainError('VALIDATION_FAILED', '统计期最长五年，请缩短', [{ field: 'from', message: '统计期最长五年' }]);
    const own = access.unitRestriction;
    if (own !== null && query.unitId !== undefined && query.unitId !== own) throw objectDenied({ actor: access.actor, permission: access.permission, objectType: 'unit', objectId: query.unitId });
    return {
      today,
      dueLimit: dueLimit(await this.calendar.calendar(), today, query.dueWithin),
      period: { kind, from, to },
      category: query.category ?? null,
      priority: query.priority ?? null,
      unitId: own ?? query.unitId ?? null,
    };
  }

  private async directivePage(scope: BoardScope, after: string | undefined, limit: number, metricOnly: boolean): Promise<{ page: DirectiveRow[]; next: string | null }> {
    const key = after === undefined ? null : (decodeKey(after, 2) as [string, number]);
    const rows = await this.board.directives(scope, { after: key, limit: limit + 1, metricOnly });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { page, next: rows.length > limit ? encodeKey([last.dueKey, last.id]) : null };
  }

  private async boardUnits(access: Access, scope: BoardScope): Promise<BoardUnit[]> {
    const units = await this.units.listAll(access);
    return units.filter((u) => scope.unitId === null || u.id === scope.unitId).map((u) => ({ id: u.id, name: u.shortName, member: u.active && u.kind !== 'office' }));
  }

  private async unitNames(access: Access): Promise<Map<number, string>> {
    return new Map((await this.units.listAll(access)).map((u) => [u.id, u.shortName]));
  }

  private cached<T>(kind: string, scope: BoardScope, after: string | null, load: () => Promise<T>): Promise<T> {
    return this.cache.get(JSON.stringify([kind, scope, after]), load) as Promise<T>;
  }
}
