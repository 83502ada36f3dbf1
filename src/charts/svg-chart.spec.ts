import { namedClasses, renderSvgChart } from './svg-chart';

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

  it('draws the same text for the same chart given a name, and names no class of another name’s chart', () => {
    const draw = (name: string) => renderSvgChart(bars('公安局'), { width: 320, height: 180 }, name);
    const [first, second, other] = [draw('board-units'), draw('board-units'), draw('board-trends')];
    expect(second).toBe(first);
    expect(first).not.toMatch(/zr\d+-/);
    const names = (svg: string) => new Set([...svg.matchAll(/class="([\w-]+)"/g)].map((m) => m[1]));
    expect(names(first).size).toBeGreaterThan(0);
    expect([...names(first)].every((n) => n.startsWith('board-units-'))).toBe(true);
    expect([...names(other)].some((n) => names(first).has(n))).toBe(false);
    // Every class used is still defined in the chart's own style, and every clip path still found.
    for (const n of names(first)) expect(first).toContain(`.${n}`);
    for (const [, id] of first.matchAll(/url\(#([\w-]+)\)/g)) expect(first).toContain(`id="${id}"`);
  });

  it.each([
    ['<path class="zr4-cls-12"></path><style>.zr4-cls-12:hover{}</style>', 'c', '<path class="c-0"></path><style>.c-0:hover{}</style>'],
    ['<g clip-path="url(#zr4-c0)"></g><clipPath id="zr4-c0"></clipPath><path class="zr4-cls-3">', 'c', '<g clip-path="url(#c-0)"></g><clipPath id="c-0"></clipPath><path class="c-1">'],
    // A label that merely looks like a class name is text, left as it is.
    ['<text>zr1-cls-0</text><path class="zr9-cls-2">', 'c', '<text>zr1-cls-0</text><path class="c-0">'],
  ])('renames %s after %s', (svg, name, renamed) => {
    expect(namedClasses(svg, name)).toBe(renamed);
  });
});
