import { forwardRef, useImperativeHandle, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer, CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsOption } from 'echarts';

// Only what the pages draw: bars (distributions, rankings), lines, pies and heat maps (cross-tabs).
echarts.use([BarChart, LineChart, PieChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, DatasetComponent, VisualMapComponent, CanvasRenderer, SVGRenderer]);

export type { EChartsOption };

export interface ChartHandle {
  /** The chart as a PNG data URL on a white background (for "download the chart"). */
  toPng(): string | null;
}

/**
 * One ECharts chart. Import this module only from lazily loaded pages: ECharts stays out of the
 * sign-in and worker's-day bundles. Chinese labels render with the page's font stack.
 */
export const Chart = forwardRef<ChartHandle, { option: EChartsOption; height?: number; ariaLabel: string; testId?: string }>(function Chart(
  { option, height = 320, ariaLabel, testId },
  ref,
) {
  const inner = useRef<ReactEChartsCore>(null);
  useImperativeHandle(ref, () => ({
    toPng: () => inner.current?.getEchartsInstance().getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? null,
  }));
  return (
    <div role="img" aria-label={ariaLabel} data-testid={testId}>
      <ReactEChartsCore
        ref={inner}
        echarts={echarts}
        option={{ textStyle: { fontFamily: 'inherit' }, animation: false, ...option }}
        notMerge
        style={{ height, width: '100%' }}
        opts={{ renderer: 'canvas' }}
      />
    </div>
  );
});

/** Saves a data URL as a file. */
export function downloadDataUrl(dataUrl: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
