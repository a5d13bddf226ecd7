import { ReactNode, useEffect, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { SeriesDto } from './operations-types';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface ChartSeries {
  /** what the legend calls it: a group and topic, a service, a time-left bucket */
  name: string;
  labels: SeriesDto['labels'];
  points: SeriesDto['points'];
}

/**
 * A time series chart (Apache ECharts, SVG) of one allow-listed query, and beneath it each
 * series' latest value in words: the same figures for screen readers and for tests.
 */
export function TimeSeriesChart(props: {
  id: string;
  title: string;
  series: ChartSeries[];
  latestLabel: (value: string) => string;
  emptyText: string;
}): ReactNode {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const resize = (): void => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        animation: false,
        grid: { left: 56, right: 16, top: 16, bottom: 64 },
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll', bottom: 0 },
        xAxis: { type: 'time' },
        yAxis: { type: 'value', min: 0 },
        series: props.series.map((s) => ({
          name: s.name,
          type: 'line',
          showSymbol: false,
          data: s.points.map(([t, v]) => [t * 1000, v]),
        })),
      },
      { notMerge: true },
    );
  }, [props.series]);

  const format = (v: number): string =>
    Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) < 1 ? 3 : 1);
  return (
    <figure className="chart" data-testid={`chart-${props.id}`}>
      <figcaption>{props.title}</figcaption>
      <div
        ref={box}
        className="timeseries"
        style={{ width: '100%', height: 260 }}
        aria-hidden="true"
      />
      {props.series.length === 0 ? (
        <p className="empty">{props.emptyText}</p>
      ) : (
        <ul className="series-latest">
          {props.series.map((s) => {
            const latest = s.points[s.points.length - 1]?.[1];
            return (
              <li
                key={s.name}
                data-testid="series"
                data-name={s.name}
                data-group={s.labels['group'] ?? ''}
                data-topic={s.labels['topic'] ?? ''}
                data-service={s.labels['service'] ?? ''}
                data-latest={latest ?? ''}
                data-max={Math.max(0, ...s.points.map(([, v]) => v))}
              >
                {s.name}: {latest === undefined ? '…' : props.latestLabel(format(latest))}
              </li>
            );
          })}
        </ul>
      )}
    </figure>
  );
}
