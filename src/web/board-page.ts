import { createHash } from 'node:crypto';
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
import { DomainError } from '../common/errors/domain-error';
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

/** The board's query with the dates as they apply (see `editedDates`), the form's shown dates dropped. */
function appliedQuery(query: BoardPageQueryDto): BoardPageQueryDto {
  const dates = editedDates(query.period, { from: query.from, to: query.to }, { from: query.shownFrom, to: query.shownTo });
  return { ...query, from: dates.from, to: dates.to, shownFrom: undefined, shownTo: undefined };
}

/** The matrix as a table: a column per unit, an empty cell where a directive does not involve the unit. */
function matrixTable(matrix: MatrixView) {
  return {
    units: matrix.units,
    rows: matrix.rows.map((row) => ({ ...row, cells: matrix.units.map((unit) => row.cells.find((cell) => cell.unitId === unit.id) ?? null) })),
  };
}

type BoardPageModel = Awaited<ReturnType<BoardPage['compose']>>;

/** One of the board's charts: the unit chart, the trends, or one directive's target chart. */
export type BoardChartName = { kind: 'units' } | { kind: 'trends' } | { kind: 'target'; directiveId: number };

/** A chart as drawn once for everyone with the same reach and filters: its SVG text and its ETag. */
export interface DrawnChart {
  svg: string;
  etag: string;
}

/**
 * A chart as the page places it: an image served on its own (`src`, with the page's filters), of the
 * size it is drawn at; `svg` holds the drawing itself where nothing may be loaded (the printed report).
 */
export interface ChartImage {
  src: string;
  width: number;
  height: number;
  alt: string;
  svg: string | null;
}

const TARGET_CHART_HEIGHT = 240;
const TREND_CHART_HEIGHT = 260;

/** Where a chart is served, for `chart`'s `which`. */
export function chartPath(which: BoardChartName): string {
  return which.kind === 'target' ? `/board/charts/targets/${which.directiveId}.svg` : `/board/charts/${which.kind}.svg`;
}

/** A strong ETag of a drawn chart, computed once when it is drawn rather than on every answer. */
export function chartEtag(svg: string): string {
  return `"${createHash('sha1').update(svg).digest('base64url')}"`;
}

/**
 * The page `/board` (挂图作战) and the leader's home: the board's four parts, each chart beside its table.
 * Whole pages are shared like the figures are: everyone with the same reach and filters gets the same
 * page until the next write. The charts are not in the page but images of their own (`chart`), drawn
 * and shared the same way, which a browser keeps and revalidates; the printed report draws them in.
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
    const applied = appliedQuery(query);
    const model = await this.board.share(JSON.stringify(['page', access.unitRestriction, applied]), () => this.compose(access, applied));
    // A copy per response: rendering adds the response's own locals to the object it is given.
    return { ...model };
  }

  /**
   * The same board for the printed report: the charts drawn into it (the renderer loads nothing from
   * the service), taken from the same shared drawings as the images. Rendered for this request alone.
   */
  async print(access: Access, query: BoardPageQueryDto): Promise<BoardPageModel> {
    const model = await this.build(access, query);
    const applied = appliedQuery(query);
    const inline = async (image: ChartImage, which: BoardChartName): Promise<ChartImage> => ({ ...image, svg: (await this.draw(access, applied, which)).svg });
    const [unitChart, trendChart, targets] = await Promise.all([
      inline(model.unitChart, { kind: 'units' }),
      inline(model.trendChart, { kind: 'trends' }),
      Promise.all(model.targets.map(async (target) => ({ ...target, chart: await inline(target.chart, { kind: 'target', directiveId: target.directiveId }) }))),
    ]);
    // Its own body object: the shared page's rendered body (with images) must not stand in for this one.
    return { ...model, unitChart, trendChart, targets, sharedBody: {} as SharedBody };
  }

  /**
   * One chart of the board for a query as it came, with the page's reach: a refused filter is a
   * VALIDATION_FAILED, another unit's chart (for a unit contact) or a directive whose target is not on
   * the board for these filters is NOT_FOUND.
   */
  async chart(access: Access, query: Record<string, unknown>, which: BoardChartName): Promise<DrawnChart> {
    const form = parseForm(BoardPageQueryDto, query);
    if (!form.ok) throw new DomainError('VALIDATION_FAILED', form.errors.map((e) => e.message).join('；'), form.errors);
    return this.draw(access, appliedQuery(form.value), which);
  }

  /**
   * Drawn once per reach, filters and chart, and shared like the figures until the next write; named
   * after the chart, so that a drawing after a write that changed nothing of it has the same ETag, and
   * the printed report can hold them all inline.
   */
  private draw(access: Access, query: BoardPageQueryDto, which: BoardChartName): Promise<DrawnChart> {
    return this.board.share(JSON.stringify(['chart', which, access.unitRestriction, query]), async () => {
      const svg = await this.drawSvg(access, query, which);
      return { svg, etag: chartEtag(svg) };
    });
  }

  private async drawSvg(access: Access, query: BoardPageQueryDto, which: BoardChartName): Promise<string> {
    switch (which.kind) {
      case 'units': {
        const figures = await this.board.figures(access, query);
        return renderSvgChart(unitStatusOption(figures.units.map((u) => ({ name: u.unitName, onTime: u.onTime, dueSoon: u.dueSoon, overdue: u.overdue }))), { width: CHART_WIDTH, height: unitChartHeight(figures.units.length) }, 'board-units');
      }
      case 'trends': {
        const trends = await this.board.trends(access, query);
        return renderSvgChart(trendOption(trends.weeks.map((week) => ({ ...week, label: weekLabel(week.weekStart) }))), { width: CHART_WIDTH, height: TREND_CHART_HEIGHT }, 'board-trends');
      }
      case 'target': {
        const targets = await this.board.targets(access, { ...query, after: query.targetsAfter });
        const directive = targets.directives.find((d) => d.directiveId === which.directiveId);
        if (!directive) throw new DomainError('NOT_FOUND', '该事项不在当前筛选条件下的量化目标中，或无权查看');
        const series = directive.units.map((u) => ({ unitName: u.unitName, target: u.target, points: u.trend }));
        return renderSvgChart(targetTrendOption(series, directive.metricUnit), { width: CHART_WIDTH, height: TARGET_CHART_HEIGHT }, `board-target-${which.directiveId}`);
      }
    }
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
    // The charts are images of their own, with the page's filters: the page stays light and each
    // chart is fetched once, then revalidated (304) until a write changes it.
    const image = (which: BoardChartName, height: number, alt: string, extra: Record<string, string> = {}): ChartImage => ({ src: `${chartPath(which)}${link(extra)}`, width: CHART_WIDTH, height, alt, svg: null });
    const targetsPage: Record<string, string> = query.targetsAfter ? { targetsAfter: query.targetsAfter } : {};
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
      unitChart: image({ kind: 'units' }, unitChartHeight(figures.units.length), `${own ? '本单位' : '各单位'}在办任务：按期、临期、超期（数字见下表）`),
      matrix: matrixTable(matrix),
      reportLink: `/board/report.pdf${link({})}`,
      matrixNext: matrix.next ? link({ after: matrix.next }) : null,
      matrixFirst: query.after ? link({}) : null,
      targets: targets.directives.map((d) => ({
        ...d,
        comparatorSign: d.comparator ? COMPARATOR_SIGNS[d.comparator] : '',
        // Units set their own targets: the directive's is then not everyone's (the chart draws each).
        ownTargets: d.units.some((u) => u.target !== d.target),
        chart: image({ kind: 'target', directiveId: d.directiveId }, TARGET_CHART_HEIGHT, `${d.metricName}：各单位历次报送值与目标（数字见旁边的表）`, targetsPage),
        units: d.units.map((u) => ({ ...u, trendText: u.trend.map((p) => `${p.date.slice(5)}：${p.value}`).join('，') })),
      })),
      targetsNext: targets.next ? link({ targetsAfter: targets.next, ...(query.after ? { after: query.after } : {}) }) : null,
      weeks,
      trendChart: image({ kind: 'trends' }, TREND_CHART_HEIGHT, '最近12周每周办结任务、新增超期和整改销号（数字见旁边的表）'),
      // The board's body shows nothing of the request, so each model's is rendered once.
      sharedBody: {} as SharedBody,
    };
  }
}
