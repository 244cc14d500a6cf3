import { describe, expect, it } from 'vitest';
import { CHART_FONT_FAMILY, percentOf, rankingChartHeight, rankingChartOption, renderChartSvg } from './ranking-chart';

const bars = [
  { label: '医疗保健', share: 0.7, count: 14, rank: 1 },
  { label: '老年教育', share: 0.45, count: 9, rank: 2 },
  { label: '文体娱乐', share: 0.45, count: 9, rank: 2 },
  { label: '生活照料', share: 0.3, count: 6, rank: 4 },
];
const people = (n: number) => `${n} 人`;

describe('the ranking chart option', () => {
  it('draws one bar per need, most needed on top, as percentages with the count beside', () => {
    const option = rankingChartOption('老年人需求排序（受访 20 人）', bars, people);
    expect(option.yAxis.data).toEqual(['医疗保健', '老年教育', '文体娱乐', '生活照料']);
    expect(option.yAxis.inverse).toBe(true);
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([70, 45, 45, 30]);
    expect(option.series[0]!.data.map((d) => d.label.formatter)).toEqual(['70% (14 人)', '45% (9 人)', '45% (9 人)', '30% (6 人)']);
    // The axis ends at the next ten above the largest share.
    expect(option.xAxis.max).toBe(70);
    expect(option.title.text).toBe('老年人需求排序（受访 20 人）');
    expect(option.textStyle.fontFamily).toBe(CHART_FONT_FAMILY);
    expect(option.animation).toBe(false);
  });

  it('the first three ranks are drawn in the strong colour, the rest lighter', () => {
    const colours = rankingChartOption('t', bars, people).series[0]!.data.map((d) => d.itemStyle.color);
    expect(new Set(colours.slice(0, 3)).size).toBe(1);
    expect(colours[3]).not.toBe(colours[0]);
  });

  it('an empty ranking still has an axis to 100%', () => {
    expect(rankingChartOption('t', [], people).xAxis.max).toBe(100);
    expect(rankingChartHeight(0)).toBe(60);
    expect(rankingChartHeight(4)).toBe(60 + 4 * 36);
  });

  it('percentages keep one decimal', () => {
    expect(percentOf(2 / 3)).toBe(66.7);
    expect(percentOf(1)).toBe(100);
  });

  it('renders to an SVG document of the asked size with the labels escaped', () => {
    const svg = renderChartSvg(rankingChartOption('Needs <A & B>', bars, people), rankingChartHeight(bars.length));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="800"');
    expect(svg).toContain(`height="${rankingChartHeight(4)}"`);
    expect(svg).toContain('医疗保健');
    expect(svg).toContain('Needs &lt;A &amp; B&gt;');
  });
});
