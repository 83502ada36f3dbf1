import { renderSvgChart } from '../charts/svg-chart';
import { COLOURS, targetTrendOption, trendOption, unitChartHeight, unitStatusOption } from './board-charts';

type Series = { name: string; data: Array<number | null>; color?: string; markLine?: { data: Array<{ yAxis: number }> } };
const seriesOf = (option: { series?: unknown }) => option.series as Series[];

describe('unitStatusOption', () => {
  const rows = [
    { name: '公安局', onTime: 5, dueSoon: 2, overdue: 1 },
    { name: '人民银行', onTime: 1, dueSoon: 0, overdue: 3 },
  ];

  it('stacks on time beyond the window, due soon and overdue, in the board colours', () => {
    const series = seriesOf(unitStatusOption(rows));
    expect(series.map((s) => [s.name, s.color])).toEqual([
      ['按期', COLOURS.green],
      ['临期', COLOURS.yellow],
      ['超期', COLOURS.red],
    ]);
    // The first unit is drawn on top: the category axis runs upwards, so the data are reversed.
    // On time is already without the due soon: the three add up to the open tasks.
    expect(series.map((s) => s.data)).toEqual([
      [1, 5],
      [0, 2],
      [3, 1],
    ]);
    expect((unitStatusOption(rows).yAxis as { data: string[] }).data).toEqual(['人民银行', '公安局']);
  });

  it('grows with the number of units', () => {
    expect(unitChartHeight(0)).toBe(unitChartHeight(1));
    expect(unitChartHeight(10)).toBeGreaterThan(unitChartHeight(2));
  });

  it('renders with no units at all', () => {
    expect(renderSvgChart(unitStatusOption([]), { width: 300, height: unitChartHeight(0) })).toContain('<svg');
  });
});

describe('trendOption', () => {
  it('draws the three weekly series over the weeks', () => {
    const option = trendOption([
      { label: '3/2', completions: 4, newOverdue: 1, rectificationsClosed: 0 },
      { label: '3/9', completions: 2, newOverdue: 0, rectificationsClosed: 3 },
    ]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['3/2', '3/9']);
    expect(seriesOf(option).map((s) => [s.name, s.data])).toEqual([
      ['办结任务', [4, 2]],
      ['新增超期', [1, 0]],
      ['整改销号', [0, 3]],
    ]);
  });
});

describe('targetTrendOption', () => {
  type Axis = { min?: (extent: { min: number; max: number }) => number | null; max?: (extent: { min: number; max: number }) => number | null };
  const marks = (option: { series?: unknown }) => seriesOf(option).map((s) => (s.markLine ? { value: s.markLine.data[0].yAxis, label: (s.markLine as unknown as { label: { formatter: string } }).label.formatter } : null));

  it('puts every unit on the same dates, leaving gaps where a unit did not report, and marks a shared target once', () => {
    const option = targetTrendOption(
      [
        { unitName: '甲镇', target: 60, points: [{ date: '2026-03-02', value: 40 }, { date: '2026-03-16', value: 62 }] },
        { unitName: '乙镇', target: 60, points: [{ date: '2026-03-09', value: 55 }] },
      ],
      '%',
    );
    expect((option.xAxis as { data: string[] }).data).toEqual(['03-02', '03-09', '03-16']);
    expect(seriesOf(option).map((s) => s.data)).toEqual([
      [40, null, 62],
      [null, 55, null],
    ]);
    expect(marks(option)).toEqual([{ value: 60, label: '目标 60' }, null]);
  });

  it.each([
    // Each unit's own target, named, once per value.
    [[60, 100], [{ value: 60, label: '甲镇、丙镇目标 60' }, { value: 100, label: '乙镇目标 100' }, null]],
    [[100, 100], [{ value: 100, label: '甲镇、乙镇目标 100' }, null, { value: 60, label: '丙镇目标 60' }]],
    // A unit without a target draws no line, and the others are still named.
    [[null, 100], [null, { value: 100, label: '乙镇目标 100' }, { value: 60, label: '丙镇目标 60' }]],
  ] as const)('draws each unit’s own target when the units’ targets differ (%j and 60)', (targets, expected) => {
    const option = targetTrendOption(
      [
        { unitName: '甲镇', target: targets[0], points: [{ date: '2026-03-02', value: 40 }] },
        { unitName: '乙镇', target: targets[1], points: [{ date: '2026-03-02', value: 70 }] },
        { unitName: '丙镇', target: 60, points: [{ date: '2026-03-02', value: 50 }] },
      ],
      '%',
    );
    expect(marks(option)).toEqual(expected);
  });

  it.each([
    // Values 30–70, targets 60 and 100: the axis is stretched up to 100, its bottom left to ECharts.
    [[60, 100], { min: 30, max: 70 }, null, 100],
    // Values 80–120, target 50: stretched down to 50.
    [[50], { min: 80, max: 120 }, 50, null],
    // Targets within the values: nothing to stretch.
    [[60], { min: 30, max: 70 }, null, null],
  ] as const)('stretches the value axis to targets %j over values %j', (targets, extent, min, max) => {
    const series = targets.map((target, i) => ({ unitName: `单位${i}`, target, points: [{ date: '2026-03-02', value: extent.min }, { date: '2026-03-09', value: extent.max }] }));
    const axis = targetTrendOption(series, '%').yAxis as Axis;
    expect([axis.min?.(extent), axis.max?.(extent)]).toEqual([min, max]);
  });

  it('draws the target on the chart when the values stay far below it', () => {
    const svg = renderSvgChart(targetTrendOption([{ unitName: '公安局', target: 100, points: [{ date: '2026-03-02', value: 30 }, { date: '2026-03-09', value: 70 }] }], '%'), { width: 560, height: 240 });
    expect(svg).toContain('目标 100');
    expect(svg).toMatch(/>100</);
  });

  it('draws no target line without a target', () => {
    const option = targetTrendOption([{ unitName: '甲镇', target: null, points: [{ date: '2026-03-02', value: 1 }] }], null);
    expect(seriesOf(option)[0].markLine).toBeUndefined();
    expect(option.yAxis).not.toHaveProperty('max');
  });
});
