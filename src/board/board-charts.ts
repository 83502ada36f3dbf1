import type { EChartsOption } from '../charts/svg-chart';
import type { CellColour } from './board-rules';

/** The board's colours, the same on the charts, the matrix and the legend (see app.css). */
export const COLOURS: Record<CellColour, string> = { red: '#c0392b', yellow: '#d39e00', green: '#2e8b57', grey: '#9aa0a6' };
const BLUE = '#2f5597';

const TEXT = { fontFamily: 'sans-serif', fontSize: 12 };

/** Rows of the per-unit chart: open tasks split into on time, due soon and overdue (the three add up to the open tasks). */
export interface UnitBar {
  name: string;
  onTime: number;
  dueSoon: number;
  overdue: number;
}

/** Height of the per-unit chart: a bar per unit, with room for the legend and the axis. */
export const unitChartHeight = (rows: number): number => 70 + Math.max(rows, 1) * 26;

/** Each unit's open tasks as one stacked bar: on time beyond the window (green), due soon (yellow), overdue (red), as the table counts them. */
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
    series: [series('按期', COLOURS.green, (row) => row.onTime), series('临期', COLOURS.yellow, (row) => row.dueSoon), series('超期', COLOURS.red, (row) => row.overdue)],
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

/** One unit's reported values of a metric, oldest first (`date` is the China day of the report), and its own target. */
export interface MetricSeries {
  unitName: string;
  target: number | null;
  points: Array<{ date: string; value: number }>;
}

/** The dashed target lines: one per distinct target, named after its units when the units' targets differ. */
function targetLines(series: MetricSeries[]): Map<number, { value: number; label: string }> {
  const units = new Map<number, string[]>();
  for (const s of series) if (s.target !== null) units.set(s.target, [...(units.get(s.target) ?? []), s.unitName]);
  const shared = units.size === 1 && series.every((s) => s.target !== null);
  // Each line hangs on the first series with that target (its colour), drawn once.
  const lines = new Map<number, { value: number; label: string }>();
  for (const [value, names] of units) lines.set(series.findIndex((s) => s.target === value), { value, label: shared ? `目标 ${value}` : `${names.join('、')}目标 ${value}` });
  return lines;
}

/**
 * The reported values of one metric, a line per unit, with each unit's own target as a dashed line
 * (one line when they share it). The value axis always reaches every target drawn.
 */
export function targetTrendOption(series: MetricSeries[], unit: string | null): EChartsOption {
  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  const lines = targetLines(series);
  const targets = [...lines.values()].map((line) => line.value);
  return {
    textStyle: TEXT,
    legend: { top: 0, type: 'scroll', data: series.map((s) => s.unitName) },
    grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: dates.map((date) => date.slice(5)) },
    yAxis: { type: 'value', name: unit ?? '', scale: true, ...axisReaching(targets) },
    series: series.map((s, i) => {
      const line = lines.get(i);
      return {
        name: s.unitName,
        type: 'line' as const,
        connectNulls: true,
        symbolSize: 5,
        data: dates.map((date) => s.points.find((p) => p.date === date)?.value ?? null),
        ...(line ? { markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed' as const }, label: { formatter: line.label, position: 'insideEndTop' }, data: [{ yAxis: line.value }] } } : {}),
      };
    }),
  };
}

/**
 * The value axis's ends stretched to take in the targets, which ECharts leaves out of the data's extent;
 * an end already past every target is left to ECharts (null), which rounds it.
 */
export function axisReaching(targets: number[]): { min?: (extent: { min: number }) => number | null; max?: (extent: { max: number }) => number | null } {
  if (targets.length === 0) return {};
  const lowest = Math.min(...targets);
  const highest = Math.max(...targets);
  return { min: (extent) => (extent.min <= lowest ? null : lowest), max: (extent) => (extent.max >= highest ? null : highest) };
}
