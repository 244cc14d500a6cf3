import { describe, expect, it } from 'vitest';
import { BAR_COLOR, BAR_COLOR_REST, percentOf, rankingChartHeight, rankingChartOption, type RankingBar } from './ranking-chart';

const ELDERS: RankingBar[] = [
  { label: '医疗保健', share: 0.7833, count: 47, rank: 1 },
  { label: '老年教育', share: 0.5, count: 30, rank: 2 },
  { label: '文体娱乐', share: 0.4167, count: 25, rank: 3 },
  { label: '生活照料', share: 0.2, count: 12, rank: 4 },
];

interface BarDatum {
  value: number;
  itemStyle: { color: string };
}

function seriesOf(option: ReturnType<typeof rankingChartOption>): { data: BarDatum[]; label: { formatter: string } } {
  const series = option.series;
  if (!Array.isArray(series) || series.length !== 1) throw new Error('one series expected');
  return series[0] as unknown as { data: BarDatum[]; label: { formatter: string } };
}

describe('the needs ranking chart', () => {
  it('draws the needs top down in rank order, each bar its share as a percentage with one decimal', () => {
    const option = rankingChartOption(ELDERS);
    const yAxis = option.yAxis as { type: string; inverse: boolean; data: string[] };
    expect(yAxis.type).toBe('category');
    // An inverse category axis puts the first item on top: the most needed is the first bar read.
    expect(yAxis.inverse).toBe(true);
    expect(yAxis.data).toEqual(['医疗保健', '老年教育', '文体娱乐', '生活照料']);
    const series = seriesOf(option);
    expect(series.data.map((datum) => datum.value)).toEqual([78.3, 50, 41.7, 20]);
    expect(series.label.formatter).toBe('{c}%');
  });

  it('draws the first three ranks in the strong colour, and tied ranks alike', () => {
    const tied: RankingBar[] = [...ELDERS.slice(0, 3), { label: '精神慰藉', share: 0.4167, count: 25, rank: 3 }, ELDERS[3]!];
    const colours = seriesOf(rankingChartOption(tied)).data.map((datum) => datum.itemStyle.color);
    expect(colours).toEqual([BAR_COLOR, BAR_COLOR, BAR_COLOR, BAR_COLOR, BAR_COLOR_REST]);
  });

  it('always spans 0–100%, so shares of different groups compare at a glance', () => {
    expect(rankingChartOption(ELDERS).xAxis).toMatchObject({ min: 0, max: 100, axisLabel: { formatter: '{value}%' } });
    expect(rankingChartOption([]).xAxis).toMatchObject({ min: 0, max: 100 });
  });

  it('carries a title only when asked for one, and leaves room for it', () => {
    expect(rankingChartOption(ELDERS).title).toBeUndefined();
    const titled = rankingChartOption(ELDERS, { title: '老年人需求排序', subtitle: '受访 60 人' });
    expect(titled.title).toMatchObject({ text: '老年人需求排序', subtext: '受访 60 人' });
    expect((titled.grid as { top: number }).top).toBeGreaterThan((rankingChartOption(ELDERS).grid as { top: number }).top);
    expect(rankingChartHeight(4, true)).toBeGreaterThan(rankingChartHeight(4, false));
  });

  it('wraps long names at the given width', () => {
    const option = rankingChartOption(ELDERS, { labelWidth: 90 });
    expect((option.yAxis as { axisLabel: { width: number; overflow: string } }).axisLabel).toMatchObject({ width: 90, overflow: 'break' });
  });

  it('rounds shares to one decimal', () => {
    expect(percentOf(0.12345)).toBe(12.3);
    expect(percentOf(2 / 3)).toBe(66.7);
    expect(percentOf(0)).toBe(0);
  });
});
