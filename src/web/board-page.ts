import { Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Access } from '../access/access';
import { CELL_COLOUR_LABELS, PERIOD_KINDS, PERIOD_LABELS, weekLabel } from '../board/board-rules';
import { COLOURS, targetTrendOption, trendOption, unitChartHeight, unitStatusOption } from '../board/board-charts';
import { BoardService } from '../board/board.service';
import { BoardQueryDto, DEFAULT_DUE_WITHIN, type MatrixView } from '../board/dto/board.dto';
import { renderSvgChart } from '../charts/svg-chart';
import { PageKey } from '../common/dto/page.dto';
import { COMPARATOR_SIGNS, PRIORITIES } from '../directives/directive.entity';
import { UnitsService } from '../units/units.service';
import type { SharedBody } from './view-engine';

/** The board page's query: the board's filters, and where the targets' list continues (the matrix uses `after`). */
export class BoardPageQueryDto extends BoardQueryDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @PageKey()
  targetsAfter?: string;
}

const CHART_WIDTH = 560;
const DUE_WITHIN_OPTIONS = [3, DEFAULT_DUE_WITHIN, 10];

/** The matrix as a table: a column per unit, an empty cell where a directive does not involve the unit. */
function matrixTable(matrix: MatrixView) {
  return {
    units: matrix.units,
    rows: matrix.rows.map((row) => ({ ...row, cells: matrix.units.map((unit) => row.cells.find((cell) => cell.unitId === unit.id) ?? null) })),
  };
}

type BoardPageModel = Awaited<ReturnType<BoardPage['compose']>>;

/**
 * The page `/board` (挂图作战) and the leader's home: the board's four parts, each chart beside its table.
 * Drawing the charts costs more than reading the figures, so whole pages are shared like the figures are:
 * everyone with the same reach and filters gets the same page until the next write.
 */
@Injectable()
export class BoardPage {
  constructor(
    private readonly board: BoardService,
    private readonly units: UnitsService,
  ) {}

  async build(access: Access, query: BoardPageQueryDto): Promise<BoardPageModel> {
    const model = await this.board.share(JSON.stringify(['page', access.unitRestriction, query]), () => this.compose(access, query));
    // A copy per response: rendering adds the response's own locals to the object it is given.
    return { ...model };
  }

  private async compose(access: Access, query: BoardPageQueryDto) {
    const own = access.unitRestriction !== null;
    const [figures, matrix, targets, trends, categories, units] = await Promise.all([
      this.board.figures(access, query),
      this.board.matrix(access, query),
      this.board.targets(access, { ...query, after: query.targetsAfter }),
      this.board.trends(access, query),
      this.board.categories(),
      own ? Promise.resolve([]) : this.units.listAll(access),
    ]);
    const filter = { period: query.period, from: figures.period.from, to: figures.period.to, category: query.category ?? '', priority: query.priority ?? '', unitId: query.unitId ? String(query.unitId) : '', dueWithin: query.dueWithin };
    const link = (extra: Record<string, string>) => `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, String(v)]).filter(([, v]) => v !== '')), ...extra }).toString()}`;
    const weeks = trends.weeks.map((week) => ({ ...week, label: weekLabel(week.weekStart) }));
    return {
      title: '挂图作战',
      own,
      filter,
      periodOptions: PERIOD_KINDS.map((value) => ({ value, label: PERIOD_LABELS[value] })),
      categoryOptions: categories,
      priorityOptions: PRIORITIES,
      unitOptions: units.filter((u) => u.active && u.kind !== 'office').map((u) => ({ value: String(u.id), label: u.shortName })),
      dueWithinOptions: DUE_WITHIN_OPTIONS,
      figures,
      legend: (['red', 'yellow', 'green', 'grey'] as const).map((colour) => ({ colour, label: CELL_COLOUR_LABELS[colour], hex: COLOURS[colour] })),
      unitChart: renderSvgChart(unitStatusOption(figures.units.map((u) => ({ name: u.unitName, onTime: u.onTime, dueSoon: u.dueSoon, overdue: u.overdue }))), { width: CHART_WIDTH, height: unitChartHeight(figures.units.length) }),
      matrix: matrixTable(matrix),
      reportLink: `/board/report.pdf${link({})}`,
      matrixNext: matrix.next ? link({ after: matrix.next }) : null,
      matrixFirst: query.after ? link({}) : null,
      targets: targets.directives.map((d) => ({
        ...d,
        comparatorSign: d.comparator ? COMPARATOR_SIGNS[d.comparator] : '',
        chart: renderSvgChart(
          targetTrendOption(
            d.units.map((u) => ({ unitName: u.unitName, points: u.trend })),
            d.target,
            d.metricUnit,
          ),
          { width: CHART_WIDTH, height: 240 },
        ),
        units: d.units.map((u) => ({ ...u, trendText: u.trend.map((p) => `${p.date.slice(5)}：${p.value}`).join('，') })),
      })),
      targetsNext: targets.next ? link({ targetsAfter: targets.next, ...(query.after ? { after: query.after } : {}) }) : null,
      weeks,
      trendChart: renderSvgChart(trendOption(weeks), { width: CHART_WIDTH, height: 260 }),
      // The board's body shows nothing of the request, so each model's is rendered once.
      sharedBody: {} as SharedBody,
    };
  }
}
