import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TitleComponent, SVGRenderer]);

/** Chinese first, then the CJK fonts a Debian server or a reader's machine is likely to have. */
export const CHART_FONT_FAMILY = "'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";
export const CHART_WIDTH = 800;
const BAR_COLOR = '#0b6e74';
const BAR_COLOR_REST = '#8fbfc1';
/** Ranks drawn in the strong colour. */
const HIGHLIGHT = 3;

export interface RankingChartBar {
  label: string;
  /** 0–1 */
  share: number;
  count: number;
  rank: number;
}

/** A row per need, and room for the title and the axis. */
export function rankingChartHeight(bars: number): number {
  return 60 + 36 * bars;
}

/** A share as a percentage with one decimal: 0.4567 → 45.7. */
export function percentOf(share: number): number {
  return Math.round(share * 1000) / 10;
}

/**
 * The ranking as horizontal bars of shares, the most needed on top, each labelled with its share
 * and count. Pure, so a test can read it; the server renders it to SVG.
 */
export function rankingChartOption(title: string, bars: readonly RankingChartBar[], people: (count: number) => string) {
  const max = Math.min(100, Math.ceil(Math.max(0, ...bars.map((bar) => percentOf(bar.share))) / 10) * 10) || 100;
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    title: { text: title, left: 12, top: 8, textStyle: { fontSize: 15, fontWeight: 600, color: '#1f2d30', fontFamily: CHART_FONT_FAMILY } },
    grid: { left: 12, right: 110, top: 40, bottom: 22, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'value', min: 0, max, axisLabel: { formatter: '{value}%', color: '#5b6b6e' }, splitLine: { lineStyle: { color: '#e6ecec' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((bar) => bar.label),
      axisTick: { show: false },
      axisLabel: { color: '#1f2d30', fontSize: 13, width: 180, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: bars.map((bar) => ({
          value: percentOf(bar.share),
          itemStyle: { color: bar.rank <= HIGHLIGHT ? BAR_COLOR : BAR_COLOR_REST },
          label: { formatter: `${percentOf(bar.share)}% (${people(bar.count)})` },
        })),
        label: { show: true, position: 'right', color: '#1f2d30' },
      },
    ],
  };
}

/** Renders an option to an SVG document on the server (no browser, no canvas). */
export function renderChartSvg(option: ReturnType<typeof rankingChartOption>, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
