import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

export type { EChartsOption } from 'echarts';

export interface ChartSize {
  width: number;
  height: number;
}

/**
 * A chart drawn on the server as SVG text with Apache ECharts' server-side renderer: no script in the
 * browser, it prints, and a PDF report can embed the same text. ECharts escapes the labels it writes.
 * Animation is off: a drawn frame is the final one. Given a `name`, the same chart always draws the
 * same text (see `namedClasses`).
 */
export function renderSvgChart(option: EChartsOption, size: ChartSize, name?: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, ...option });
    const svg = chart.renderToSVGString();
    return name === undefined ? svg : namedClasses(svg, name);
  } finally {
    chart.dispose();
  }
}

/** A style class or element id ECharts numbers from counters of the process (`zr3-cls-41`, `zr3-c0`), where it is used. */
const COUNTED_NAME = /(class="|id="|url\(#|\.)(zr\d+-[a-z]+-?\d+)/g;

/**
 * The SVG with ECharts' class names and ids renamed after `name` (`name-0`, `name-1`… in order of first
 * use). ECharts numbers them from counters that grow with every chart drawn in the process, so the same
 * chart drawn twice would differ in bytes; renamed, the same figures give the same SVG (and the same
 * ETag), and charts of different names still stand inline on one page without sharing a class.
 */
export function namedClasses(svg: string, name: string): string {
  const renamed = new Map<string, string>();
  return svg.replace(COUNTED_NAME, (_, before: string, counted: string) => {
    let own = renamed.get(counted);
    if (own === undefined) renamed.set(counted, (own = `${name}-${renamed.size}`));
    return before + own;
  });
}
