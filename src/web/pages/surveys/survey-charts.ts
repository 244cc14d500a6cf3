import type { EChartsOption } from 'echarts';
import type { Crosstab, OptionResult, Ranking } from './survey-types';

/**
 * ECharts options of the survey pages, as pure functions of the API's numbers and the words to
 * show (the caller translates), so they are tested without a browser. Bars run across the page
 * with the first item on top: long Chinese labels read on the left, and a phone shows them too.
 */

const TEAL = '#0b6e74';
const TEAL_LIGHT = '#7fbfc3';
/** Colours for the columns of a grouped chart, teal first, then distinct and calm. */
export const SERIES_COLORS = [TEAL, '#d48806', '#5b8ff9', '#c41d7f', '#389e0d', '#7262fd', '#fa8c16', '#13a8a8', '#8c8c8c', '#a0d911'];

/** A share (0–1) as `42.5%`: one decimal when it matters, none when whole. */
export function percent(share: number): string {
  const value = Math.round(share * 1000) / 10;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}

/** A chart tall enough for `count` bars (or groups of bars) across the page. */
export function barHeight(count: number, perBar = 34, min = 140): number {
  return Math.max(min, 56 + count * perBar);
}

const axisLabel = { width: 150, overflow: 'truncate' as const, color: '#3d5257' };
const grid = { left: 8, right: 72, top: 8, bottom: 8, containLabel: true };

export interface CountBar {
  label: string;
  count: number;
  share: number;
}

/**
 * Counts of the options of a choice question (or of ranked needs) across the page: the bar is the
 * count, its label `count · share`.
 */
export function countBarsOption(bars: readonly CountBar[], texts: { count: string }): EChartsOption {
  const rows = [...bars].reverse();
  return {
    grid,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, name: texts.count, nameLocation: 'middle', nameGap: 24, show: false },
    yAxis: { type: 'category', data: rows.map((bar) => bar.label), axisLabel, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: texts.count,
        data: rows.map((bar) => ({ value: bar.count, share: bar.share })),
        itemStyle: { color: TEAL, borderRadius: [0, 3, 3, 0] },
        barMaxWidth: 22,
        label: { show: true, position: 'right', formatter: labelOfBar(rows), color: '#1f2d30' },
      },
    ],
  };
}

function labelOfBar(rows: readonly CountBar[]) {
  return (params: { dataIndex: number }) => {
    const bar = rows[params.dataIndex];
    return bar ? `${bar.count} · ${percent(bar.share)}` : '';
  };
}

/**
 * The options of a rank question in the order that reads as "most needed": ranked by the most
 * people, then put first by the most, then the better mean place. (A mean place alone misleads:
 * an option two people ranked first beats one thirty ranked first or second.)
 */
export function rankOrder(options: readonly OptionResult[]): OptionResult[] {
  return [...options].sort((a, b) => b.count - a.count || (b.firstPlace ?? 0) - (a.firstPlace ?? 0) || (a.meanRank ?? Infinity) - (b.meanRank ?? Infinity));
}

/** A rank question: per option, how many ranked it at all and how many put it first, most needed on top. */
export function rankBarsOption(options: readonly OptionResult[], texts: { firstPlace: string; ranked: string }): EChartsOption {
  const rows = rankOrder(options).reverse();
  return {
    grid: { ...grid, top: 32 },
    legend: { top: 0, left: 0, data: [texts.ranked, texts.firstPlace] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, show: false },
    yAxis: { type: 'category', data: rows.map((option) => option.label), axisLabel, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: texts.ranked,
        data: rows.map((option) => option.count),
        itemStyle: { color: TEAL_LIGHT, borderRadius: [0, 3, 3, 0] },
        barMaxWidth: 14,
        label: { show: true, position: 'right', color: '#3d5257' },
      },
      {
        type: 'bar',
        name: texts.firstPlace,
        data: rows.map((option) => option.firstPlace ?? 0),
        itemStyle: { color: TEAL, borderRadius: [0, 3, 3, 0] },
        barMaxWidth: 14,
        label: { show: true, position: 'right', color: '#1f2d30' },
      },
    ],
  };
}

/** Scale points or numbers: counts per value, upright bars, every value of a scale shown even at zero. */
export function distributionOption(distribution: ReadonlyArray<{ value: number; count: number }>, texts: { count: string; points?: readonly number[]; unit?: string | null }): EChartsOption {
  const counts = new Map(distribution.map((item) => [item.value, item.count]));
  const values = texts.points ? [...texts.points] : [...counts.keys()].sort((a, b) => a - b);
  const unit = texts.unit ? ` ${texts.unit}` : '';
  return {
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: values.map((value) => `${value}${unit}`), axisTick: { show: false }, axisLabel: { color: '#3d5257' } },
    yAxis: { type: 'value', minInterval: 1, name: texts.count, nameTextStyle: { color: '#5b6b70', align: 'left' } },
    series: [
      {
        type: 'bar',
        name: texts.count,
        data: values.map((value) => counts.get(value) ?? 0),
        itemStyle: { color: TEAL, borderRadius: [3, 3, 0, 0] },
        barMaxWidth: 40,
        label: { show: true, position: 'top', color: '#1f2d30' },
      },
    ],
  };
}

/** A cross-tab as grouped bars: one group per row (village, group, sex, age band), one bar per answer, the share of the row. */
export function crosstabBarsOption(crosstab: Crosstab): EChartsOption {
  const rows = [...crosstab.rows].reverse();
  return {
    grid: { ...grid, right: 48, top: 8 + 24 * Math.ceil(crosstab.columns.length / 4) },
    legend: { top: 0, left: 0, type: 'scroll', data: crosstab.columns.map((column) => column.label) },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => (typeof value === 'number' ? `${value}%` : String(value)) },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: rows.map((row) => row.label), axisLabel, axisTick: { show: false } },
    series: crosstab.columns.map((column, index) => ({
      type: 'bar' as const,
      name: column.label,
      data: rows.map((row) => Math.round((row.cells.find((cell) => cell.value === column.value)?.share ?? 0) * 1000) / 10),
      itemStyle: { color: SERIES_COLORS[index % SERIES_COLORS.length] },
      barMaxWidth: 12,
    })),
  };
}

/**
 * A cross-tab as a heat map: rows down, answers across, each cell the share of its row. The
 * answers' names wrap within `labelWidth` pixels (the width of a column on the caller's screen).
 */
export function crosstabHeatmapOption(crosstab: Crosstab, texts: { share: string; labelWidth?: number }): EChartsOption {
  const data: Array<[number, number, number]> = [];
  crosstab.rows.forEach((row, y) => {
    crosstab.columns.forEach((column, x) => {
      const share = row.cells.find((cell) => cell.value === column.value)?.share ?? 0;
      data.push([x, y, Math.round(share * 1000) / 10]);
    });
  });
  return {
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    tooltip: { position: 'top', formatter: heatTooltip(crosstab) },
    xAxis: {
      type: 'category',
      data: crosstab.columns.map((column) => column.label),
      axisLabel: { interval: 0, width: texts.labelWidth ?? 90, overflow: 'break', lineHeight: 14, color: '#3d5257' },
      splitArea: { show: true },
    },
    yAxis: { type: 'category', data: crosstab.rows.map((row) => row.label), axisLabel, splitArea: { show: true }, inverse: true },
    visualMap: { min: 0, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, text: ['100%', `0% · ${texts.share}`], inRange: { color: ['#f3f9f9', TEAL] } },
    series: [{ type: 'heatmap', data, label: { show: true, formatter: (params: { value?: unknown }) => (Array.isArray(params.value) ? `${String(params.value[2])}%` : '') } }],
  };
}

function heatTooltip(crosstab: Crosstab) {
  return (params: unknown) => {
    const value: unknown = typeof params === 'object' && params !== null ? Reflect.get(params, 'value') : undefined;
    if (!Array.isArray(value)) return '';
    const [x, y, share] = value as [number, number, number];
    const row = crosstab.rows[y];
    const column = crosstab.columns[x];
    const count = row?.cells.find((cell) => cell.value === column?.value)?.count ?? 0;
    return `${row?.label ?? ''} · ${column?.label ?? ''}<br/>${count} · ${share}%`;
  };
}

/** The needs ranking: respondents who expressed each need, most needed on top, with the share of respondents. */
export function rankingOption(ranking: Pick<Ranking, 'items'>, texts: { count: string }): EChartsOption {
  return countBarsOption(
    ranking.items.map((item) => ({ label: `${item.rank}. ${item.label}`, count: item.count, share: item.share })),
    texts,
  );
}
