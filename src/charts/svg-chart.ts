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
 * Animation is off: a drawn frame is the final one.
 */
export function renderSvgChart(option: EChartsOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
