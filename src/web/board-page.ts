import { Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { Access } from '../access/access';
import { CELL_COLOUR_LABELS, editedDates, PERIOD_KINDS, PERIOD_LABELS, weekLabel } from '../board/board-rules';
import { COLOURS, targetTrendOption, trendOption, unitChartHeight, unitStatusOption } from '../board/board-charts';
import { BoardService } from '../board/board.service';
import { BoardQueryDto, DEFAULT_DUE_WITHIN, type MatrixView } from '../board/dto/board.dto';
import { renderSvgChart } from '../charts/svg-chart';
import { IsIsoDate } from '../common/dto/dates';
import { Label } from '../common/dto/label';
import { PageKey } from '../common/dto/page.dto';
import { EmptyAsUndefined } from '../common/dto/transforms';
import type { FieldError } from '../common/validation';
import { COMPARATOR_SIGNS, PRIORITIES } from '../directives/directive.entity';
import { UnitsService } from '../units/units.service';
import { parseForm, refusalOf } from './forms';
import type { SharedBody } from './view-engine';

/**
 * The board page's query: the board's filters, where the targets' list continues (the matrix uses
 * `after`), and the dates the form showed, so that dates left as they were give way to a newly chosen
 * period while edited dates are never ignored (see `editedDates`).
 */
export class BoardPageQueryDto extends BoardQueryDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @PageKey()
  targetsAfter?: string;

  @IsOptional()
  @EmptyAsUndefined()
  @IsIsoDate()
  @Label('页面所示起始日')
  shownFrom?: string;

  @IsOptional()
  @EmptyAsUndefined()
  @IsIsoDate()
  @Label('页面所示截止日')
  shownTo?: string;
}

/**
 * The form's fields as typed, for a refused filter shown again (a field sent twice shows its first
 * value); a field not sent at all shows the board's own value.
 */
const FORM_FIELDS = ['period', 'from', 'to', 'category', 'priority', 'unitId', 'dueWithin'] as const;
type FormValues = Record<(typeof FORM_FIELDS)[number], string>;
function typedFilter(query: Record<string, unknown>, shown: FormValues): FormValues {
  const typed = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) ? typed(value[0]) : '');
  return Object.fromEntries(FORM_FIELDS.map((field) => [field, query[field] === undefined ? shown[field] : typed(query[field])])) as FormValues;
}

const CHART_WIDTH = 560;
const DUE_WITHIN_OPTIONS = [3, DEFAULT_DUE_WITHIN, 10].map(String);

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

  /**
   * The page for a query as it came: a refused filter (a bad value, a custom period without its dates
   * or ending before it starts) shows the board of the default filters, with the messages by the form
   * and what was typed kept in it, and the refusal's status. A denied unit stays an error page.
   */
  async page(access: Access, query: Record<string, unknown>): Promise<{ status: number; model: BoardPageModel }> {
    const form = parseForm(BoardPageQueryDto, query);
    let refusal: { status: number; errors: FieldError[] };
    if (!form.ok) refusal = { status: 400, errors: form.errors };
    else {
      try {
        return { status: 200, model: await this.build(access, form.value) };
      } catch (error) {
        const refused = refusalOf(error);
        if (!refused) throw error;
        refusal = refused;
      }
    }
    const model = await this.build(access, new BoardPageQueryDto());
    // This body shows the request's own values and messages: rendered for it alone, not shared.
    return { status: refusal.status, model: { ...model, filter: typedFilter(query, model.filter), refused: true, errors: refusal.errors, sharedBody: {} as SharedBody } };
  }

  async build(access: Access, query: BoardPageQueryDto): Promise<BoardPageModel> {
    const dates = editedDates(query.period, { from: query.from, to: query.to }, { from: query.shownFrom, to: query.shownTo });
    const applied = { ...query, from: dates.from, to: dates.to, shownFrom: undefined, shownTo: undefined };
    const model = await this.board.share(JSON.stringify(['page', access.unitRestriction, applied]), () => this.compose(access, applied));
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
    const { period, today } = figures;
    // Dates typed with a month, quarter or year make a custom period: the form says so and shows it.
    const filter: FormValues = { period: period.kind, from: period.from, to: period.to, category: query.category ?? '', priority: query.priority ?? '', unitId: query.unitId ? String(query.unitId) : '', dueWithin: String(query.dueWithin) };
    const link = (extra: Record<string, string>) => `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, String(v)]).filter(([, v]) => v !== '')), ...extra }).toString()}`;
    const weeks = trends.weeks.map((week) => ({ ...week, label: weekLabel(week.weekStart) }));
    return {
      title: '挂图作战',
      own,
      filter,
      refused: false,
      errors: [] as FieldError[],
      dueWithin: query.dueWithin,
      madeCustom: query.period !== 'custom' && period.kind === 'custom' ? PERIOD_LABELS[query.period] : null,
      // The open figures are today's whatever the period; say so when the period does not hold today.
      todayOutside: today < period.from || today > period.to,
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
        // Units set their own targets: the directive's is then not everyone's (the chart draws each).
        ownTargets: d.units.some((u) => u.target !== d.target),
        chart: renderSvgChart(
          targetTrendOption(
            d.units.map((u) => ({ unitName: u.unitName, target: u.target, points: u.trend })),
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
