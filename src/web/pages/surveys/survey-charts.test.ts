import { describe, expect, it } from 'vitest';
import type { EChartsOption } from 'echarts';
import { barHeight, countBarsOption, crosstabBarsOption, crosstabHeatmapOption, distributionOption, percent, rankBarsOption, rankingOption, rankOrder } from './survey-charts';
import type { Crosstab, OptionResult } from './survey-types';

/** The option's series and axes as plain records, to read what a chart would draw. */
function series(option: EChartsOption): Array<Record<string, unknown>> {
  const list: unknown = option.series;
  return Array.isArray(list) ? (list as Array<Record<string, unknown>>) : [];
}
function axisData(option: EChartsOption, axis: 'xAxis' | 'yAxis'): unknown[] {
  const value: unknown = option[axis];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  const data: unknown = typeof first === 'object' && first !== null ? Reflect.get(first, 'data') : undefined;
  return Array.isArray(data) ? data : [];
}
function values(option: EChartsOption, index = 0): unknown[] {
  const data = series(option)[index]?.data;
  return Array.isArray(data) ? data.map((item: unknown) => (typeof item === 'object' && item !== null && !Array.isArray(item) ? Reflect.get(item, 'value') : item)) : [];
}

describe('numbers as people read them', () => {
  it('a share shows one decimal only when it has one', () => {
    expect(percent(0.5)).toBe('50%');
    expect(percent(1 / 3)).toBe('33.3%');
    expect(percent(0)).toBe('0%');
    expect(percent(1)).toBe('100%');
  });

  it('a chart grows with its bars and never shrinks below its floor', () => {
    expect(barHeight(0)).toBe(140);
    expect(barHeight(10)).toBe(56 + 340);
  });
});

describe('choice questions and the ranking', () => {
  const bars = [
    { label: '医疗保健', count: 12, share: 0.6 },
    { label: '老年教育', count: 7, share: 0.35 },
    { label: '文体娱乐', count: 3, share: 0.15 },
  ];

  it('the first option is drawn on top (ECharts draws categories from the bottom), each bar labelled count · share', () => {
    const option = countBarsOption(bars, { count: '人数' });
    expect(axisData(option, 'yAxis')).toEqual(['文体娱乐', '老年教育', '医疗保健']);
    expect(values(option)).toEqual([3, 7, 12]);
    const label = series(option)[0]?.label as { formatter: (params: { dataIndex: number }) => string };
    expect(label.formatter({ dataIndex: 2 })).toBe('12 · 60%');
    expect(label.formatter({ dataIndex: 1 })).toBe('7 · 35%');
  });

  it('the ranking shows each need with its place', () => {
    const option = rankingOption(
      {
        items: [
          { needType: 'healthcare', label: '医疗保健', count: 5, share: 0.5, rank: 1, firstChoice: 3 },
          { needType: 'recreation', label: '文体娱乐', count: 2, share: 0.2, rank: 2, firstChoice: 0 },
          { needType: 'elder_education', label: '老年教育', count: 2, share: 0.2, rank: 2, firstChoice: 1 },
        ],
      },
      { count: '人数' },
    );
    expect(axisData(option, 'yAxis')).toEqual(['2. 老年教育', '2. 文体娱乐', '1. 医疗保健']);
    expect(values(option)).toEqual([2, 2, 5]);
  });

  it('a rank question lists the options ranked by the most people first, then by first places, then by mean place', () => {
    const option = (value: string, meanRank: number | null, count: number, firstPlace: number): OptionResult => ({ value, label: value, needType: null, count, share: 0, meanRank, firstPlace });
    const options = [option('rare', 1.0, 2, 2), option('never', null, 0, 0), option('health', 1.8, 28, 14), option('study', 1.9, 22, 10), option('fun', 2.2, 22, 10), option('care', 2.1, 13, 2)];
    expect(rankOrder(options).map((item) => item.value)).toEqual(['health', 'study', 'fun', 'care', 'rare', 'never']);
    const chart = rankBarsOption(options, { firstPlace: '排第一', ranked: '列入排序' });
    // Drawn from the bottom: the most needed ends up on top.
    expect(axisData(chart, 'yAxis')).toEqual(['never', 'rare', 'care', 'fun', 'study', 'health']);
    expect(values(chart, 0)).toEqual([0, 2, 13, 22, 22, 28]);
    expect(values(chart, 1)).toEqual([0, 2, 2, 10, 10, 14]);
    expect(series(chart).map((item) => item.name)).toEqual(['列入排序', '排第一']);
  });
});

describe('scales and numbers', () => {
  it('every point of a scale is drawn, those nobody chose at zero', () => {
    const option = distributionOption(
      [
        { value: 4, count: 3 },
        { value: 2, count: 1 },
      ],
      { count: '人数', points: [1, 2, 3, 4, 5] },
    );
    expect(axisData(option, 'xAxis')).toEqual(['1', '2', '3', '4', '5']);
    expect(values(option)).toEqual([0, 1, 0, 3, 0]);
  });

  it('numbers are drawn in order with their unit', () => {
    const option = distributionOption(
      [
        { value: 3, count: 2 },
        { value: 1, count: 5 },
      ],
      { count: '人数', unit: '次' },
    );
    expect(axisData(option, 'xAxis')).toEqual(['1 次', '3 次']);
    expect(values(option)).toEqual([5, 2]);
  });
});

describe('cross-tabulation', () => {
  const crosstab: Crosstab = {
    question: { key: 'need', type: 'single', text: '最需要什么' },
    by: 'gender',
    columns: [
      { value: 'health', label: '医疗' },
      { value: 'fun', label: '娱乐' },
    ],
    rows: [
      { value: 'male', label: '男', respondents: 4, cells: [{ value: 'health', count: 3, share: 0.75 }, { value: 'fun', count: 1, share: 0.25 }] },
      { value: 'female', label: '女', respondents: 3, cells: [{ value: 'fun', count: 2, share: 2 / 3 }] },
    ],
    total: { respondents: 7, cells: [] },
  };

  it('grouped bars: one series per answer, the share of each row in percent, first row on top', () => {
    const option = crosstabBarsOption(crosstab);
    expect(axisData(option, 'yAxis')).toEqual(['女', '男']);
    expect(series(option).map((item) => item.name)).toEqual(['医疗', '娱乐']);
    expect(values(option, 0)).toEqual([0, 75]);
    expect(values(option, 1)).toEqual([66.7, 25]);
  });

  it('heat map: a cell per row and answer, a missing cell at zero', () => {
    const option = crosstabHeatmapOption(crosstab, { share: '占比' });
    expect(series(option)[0]?.data).toEqual([
      [0, 0, 75],
      [1, 0, 25],
      [0, 1, 0],
      [1, 1, 66.7],
    ]);
    expect(axisData(option, 'yAxis')).toEqual(['男', '女']);
  });
});
