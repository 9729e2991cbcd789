import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useI18n } from '../../lib/i18n';
import { dayLoad, type QuotaDay } from '../../lib/quotas';

use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

/**
 * Booked versus capacity per day of the month (ECharts), with the same numbers in a table for
 * screen readers and anyone who prefers figures.
 */
export function QuotaChart({ days }: { days: QuotaDay[] }) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    if (!element.current) {
      return undefined;
    }
    chart.current = init(element.current, undefined, { renderer: 'canvas' });
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const loads = days.map(dayLoad);
    chart.current?.setOption({
      aria: { enabled: true },
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: [t('quota.capacity'), t('quota.booked')], top: 0 },
      grid: { left: 36, right: 8, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: days.map((d) => String(Number(d.date.substring(8)))) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('quota.capacity'), type: 'bar', data: loads.map((l) => l.capacity), itemStyle: { color: '#b0bec5' }, barGap: '-100%' },
        { name: t('quota.booked'), type: 'bar', data: loads.map((l) => l.booked), itemStyle: { color: '#b71c1c' } },
      ],
    }, true);
  }, [days, t]);

  return (
    <figure className="chart-figure">
      <div ref={element} className="chart" role="img" aria-label={t('quota.chartLabel')} />
      <details>
        <summary>{t('quota.chartTable')}</summary>
        <table className="table compact">
          <thead>
            <tr><th scope="col">{t('quota.day')}</th><th scope="col">{t('quota.booked')}</th><th scope="col">{t('quota.capacity')}</th></tr>
          </thead>
          <tbody>
            {days.filter((d) => d.open).map((d) => {
              const load = dayLoad(d);
              return <tr key={d.date}><td>{d.date}</td><td>{load.booked}</td><td>{load.capacity}</td></tr>;
            })}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
