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
    expect(series.map((s) => s.data)).toEqual([
      [1, 3],
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
  it('puts every unit on the same dates, leaving gaps where a unit did not report, and marks the target once', () => {
    const option = targetTrendOption(
      [
        { unitName: '甲镇', points: [{ date: '2026-03-02', value: 40 }, { date: '2026-03-16', value: 62 }] },
        { unitName: '乙镇', points: [{ date: '2026-03-09', value: 55 }] },
      ],
      60,
      '%',
    );
    expect((option.xAxis as { data: string[] }).data).toEqual(['03-02', '03-09', '03-16']);
    const series = seriesOf(option);
    expect(series.map((s) => s.data)).toEqual([
      [40, null, 62],
      [null, 55, null],
    ]);
    expect(series[0].markLine?.data).toEqual([{ yAxis: 60 }]);
    expect(series[1].markLine).toBeUndefined();
  });

  it('draws no target line without a target', () => {
    const series = seriesOf(targetTrendOption([{ unitName: '甲镇', points: [{ date: '2026-03-02', value: 1 }] }], null, null));
    expect(series[0].markLine).toBeUndefined();
  });
});
