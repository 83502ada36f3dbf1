import type { EChartsOption } from '../charts/svg-chart';
import type { CellColour } from './board-rules';

/** The board's colours, the same on the charts, the matrix and the legend (see app.css). */
export const COLOURS: Record<CellColour, string> = { red: '#c0392b', yellow: '#d39e00', green: '#2e8b57', grey: '#9aa0a6' };
const BLUE = '#2f5597';

const TEXT = { fontFamily: 'sans-serif', fontSize: 12 };

/** Rows of the per-unit chart: open tasks split into on time, due soon and overdue. */
export interface UnitBar {
  name: string;
  onTime: number;
  dueSoon: number;
  overdue: number;
}

/** Height of the per-unit chart: a bar per unit, with room for the legend and the axis. */
export const unitChartHeight = (rows: number): number => 70 + Math.max(rows, 1) * 26;

/** Each unit's open tasks as one stacked bar: on time beyond the window (green), due soon (yellow), overdue (red). */
export function unitStatusOption(rows: UnitBar[]): EChartsOption {
  // The first unit on top: a category axis draws upwards, so the names go in reverse.
  const ordered = [...rows].reverse();
  const series = (name: string, colour: string, value: (row: UnitBar) => number) => ({ name, type: 'bar' as const, stack: 'open', color: colour, barMaxWidth: 18, data: ordered.map(value) });
  return {
    textStyle: TEXT,
    legend: { top: 0, data: ['按期', '临期', '超期'] },
    grid: { left: 8, right: 24, top: 30, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: ordered.map((row) => row.name) },
    series: [series('按期', COLOURS.green, (row) => row.onTime - row.dueSoon), series('临期', COLOURS.yellow, (row) => row.dueSoon), series('超期', COLOURS.red, (row) => row.overdue)],
  };
}

export interface WeekPoint {
  label: string;
  completions: number;
  newOverdue: number;
  rectificationsClosed: number;
}

/** Completions, new overdue tasks and rectification sign-offs, week by week. */
export function trendOption(weeks: WeekPoint[]): EChartsOption {
  const line = (name: string, colour: string, value: (week: WeekPoint) => number) => ({ name, type: 'line' as const, color: colour, symbolSize: 5, data: weeks.map(value) });
  return {
    textStyle: TEXT,
    legend: { top: 0, data: ['办结任务', '新增超期', '整改销号'] },
    grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: weeks.map((week) => week.label), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: [line('办结任务', COLOURS.green, (w) => w.completions), line('新增超期', COLOURS.red, (w) => w.newOverdue), line('整改销号', BLUE, (w) => w.rectificationsClosed)],
  };
}

/** One unit's reported values of a metric, oldest first (`date` is the China day of the report). */
export interface MetricSeries {
  unitName: string;
  points: Array<{ date: string; value: number }>;
}

/** The reported values of one metric, a line per unit, with the directive's target as a dashed line. */
export function targetTrendOption(series: MetricSeries[], target: number | null, unit: string | null): EChartsOption {
  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  const [first] = series;
  return {
    textStyle: TEXT,
    legend: { top: 0, type: 'scroll', data: series.map((s) => s.unitName) },
    grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: dates.map((date) => date.slice(5)) },
    yAxis: { type: 'value', name: unit ?? '', scale: true },
    series: series.map((s, i) => ({
      name: s.unitName,
      type: 'line' as const,
      connectNulls: true,
      symbolSize: 5,
      data: dates.map((date) => s.points.find((p) => p.date === date)?.value ?? null),
      ...(i === 0 && first && target !== null ? { markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed' as const, color: COLOURS.red }, label: { formatter: `目标 ${target}`, position: 'insideEndTop' }, data: [{ yAxis: target }] } } : {}),
    })),
  };
}
