import type { EChartsOption } from 'echarts';

/** One bar of the ranking: a need, its share of the respondents (0–1) and how many expressed it. */
export interface RankingBar {
  label: string;
  share: number;
  count: number;
  rank: number;
}

export interface RankingChartOptions {
  /** Drawn inside the chart, so a downloaded image says what it shows. */
  title?: string;
  subtitle?: string;
  /** The widest a need's name may be before it wraps (narrow screens need less). */
  labelWidth?: number;
  /** How many of the first ranks are drawn in the strong colour. */
  highlight?: number;
}

export const BAR_COLOR = '#0b6e74';
export const BAR_COLOR_REST = '#8fbfc1';
const ROW_HEIGHT = 34;
const TITLE_HEIGHT = 56;

/** A share as a percentage with one decimal: 0.4567 → 45.7. */
export function percentOf(share: number): number {
  return Math.round(share * 1000) / 10;
}

/** The chart's height for a number of needs: a row each, room for the title and the axis. */
export function rankingChartHeight(bars: number, withTitle: boolean): number {
  return Math.max(160, bars * ROW_HEIGHT + 48 + (withTitle ? TITLE_HEIGHT : 0));
}

/**
 * The ranking as horizontal bars of shares, the most needed on top. Pure: the same bars give the
 * same option, which the page draws and "download the chart" saves.
 */
export function rankingChartOption(bars: readonly RankingBar[], options: RankingChartOptions = {}): EChartsOption {
  const { title, subtitle, labelWidth = 140, highlight = 3 } = options;
  const top = title ? TITLE_HEIGHT : 12;
  return {
    ...(title ? { title: { text: title, subtext: subtitle ?? '', left: 'center', top: 4, textStyle: { fontSize: 16, fontWeight: 600 }, subtextStyle: { fontSize: 12 } } } : {}),
    grid: { left: 8, right: 56, top, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => `${String(value)}%` },
    // Always the whole 0–100%: a share reads the same in every group's chart.
    xAxis: { type: 'value', min: 0, max: 100, interval: 20, axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { color: '#e6ecec' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((bar) => bar.label),
      axisTick: { show: false },
      axisLabel: { width: labelWidth, overflow: 'break', color: '#1f2d30', fontSize: 13 },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: bars.map((bar) => ({ value: percentOf(bar.share), itemStyle: { color: bar.rank <= highlight ? BAR_COLOR : BAR_COLOR_REST, borderRadius: [0, 3, 3, 0] } })),
        label: { show: true, position: 'right', formatter: '{c}%', color: '#1f2d30' },
      },
    ],
  };
}
