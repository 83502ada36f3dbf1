import { renderSvgChart } from './svg-chart';

describe('renderSvgChart', () => {
  const bars = (label: string) => ({ xAxis: { type: 'category' as const, data: [label] }, yAxis: { type: 'value' as const }, series: [{ type: 'bar' as const, name: label, data: [3] }], legend: {} });

  it('draws an SVG of the asked size', () => {
    const svg = renderSvgChart(bars('公安局'), { width: 320, height: 180 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="320"');
    expect(svg).toContain('height="180"');
    expect(svg).toContain('公安局');
    expect(svg).toContain('<path');
  });

  it('escapes text taken from records', () => {
    const svg = renderSvgChart(bars('<script>x</script>&'), { width: 320, height: 180 });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('gives each chart its own style classes, so several can stand inline on one page', () => {
    const prefixes = (svg: string) => new Set([...svg.matchAll(/class="(zr\d+)-cls-/g)].map((m) => m[1]));
    const [first, second] = [renderSvgChart(bars('甲'), { width: 200, height: 100 }), renderSvgChart(bars('甲'), { width: 200, height: 100 })].map(prefixes);
    expect(first.size).toBe(1);
    expect([...first].some((p) => second.has(p))).toBe(false);
  });
});
