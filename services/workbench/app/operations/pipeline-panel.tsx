import { ReactNode, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../common/error-message';
import type { AlertDto, OperationsQueryName, SeriesResponse } from './operations-types';
import { ensurePipelineMessages } from './pipeline-messages';
import { ChartSeries, TimeSeriesChart } from './time-series-chart';

/** minutes of history each chart shows */
const WINDOW_MINUTES = 15;
/** ms between refreshes: Prometheus scrapes every 15 s on npm start */
const REFRESH_MS = 5_000;
const CHARTS: OperationsQueryName[] = [
  'lag',
  'oldestUnconsumed',
  'eventsIn',
  'eventsOut',
  'processingP99',
  'deadLetters',
  'outboxOldest',
];

/** What a series is called: the group and its topic, or the topic, or the service. */
function seriesName(labels: Record<string, string>): string {
  if (labels['group'] && labels['topic']) return `${labels['group']} ← ${labels['topic']}`;
  return labels['group'] ?? labels['topic'] ?? labels['service'] ?? labels['time_left'] ?? '';
}

/** The pipeline's live charts and open alerts, through the workbench's allow-listed queries. */
export function PipelinePanel(): ReactNode {
  const { t, i18n } = useTranslation();
  ensurePipelineMessages(i18n);
  return (
    <section aria-labelledby="pipeline-title" data-testid="pipeline">
      <h2 id="pipeline-title">{t('pipeline.title')}</h2>
      <p className="lead">
        {t('pipeline.lead')} ({t('pipeline.window', { minutes: WINDOW_MINUTES })})
      </p>
      <Alerts />
      <div
        className="chart-grid"
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))',
          gap: 16,
        }}
      >
        {CHARTS.map((name) => (
          <PipelineChart key={name} name={name} />
        ))}
      </div>
    </section>
  );
}

function PipelineChart(props: { name: OperationsQueryName }): ReactNode {
  const { t } = useTranslation();
  const { api } = useAuth();
  const query = useQuery({
    queryKey: ['operations-series', props.name],
    queryFn: () =>
      api.getOwn<SeriesResponse>(
        `/operations/series?${new URLSearchParams({ query: props.name, minutes: String(WINDOW_MINUTES) })}`,
      ),
    refetchInterval: REFRESH_MS,
    retry: false,
  });
  const series = useMemo<ChartSeries[]>(
    () =>
      (query.data?.series ?? [])
        .map((s) => ({ name: seriesName(s.labels), labels: s.labels, points: s.points }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [query.data],
  );
  return (
    <div>
      <TimeSeriesChart
        id={props.name}
        title={t(`pipeline.charts.${props.name}`)}
        series={series}
        latestLabel={(value) => t('pipeline.latest', { value })}
        emptyText={query.isPending ? t('app.loading') : t('pipeline.empty')}
      />
      <ErrorMessage error={query.error} testId={`chart-${props.name}-error`} />
    </div>
  );
}

function Alerts(): ReactNode {
  const { t } = useTranslation();
  const { api } = useAuth();
  const alerts = useQuery({
    queryKey: ['operations-alerts'],
    queryFn: () => api.getOwn<{ alerts: AlertDto[] }>('/operations/alerts'),
    refetchInterval: REFRESH_MS,
    retry: false,
  });
  const open = (alerts.data?.alerts ?? []).filter((a) => a.state !== 'inactive');
  return (
    <section aria-labelledby="alerts-title">
      <h3 id="alerts-title">{t('pipeline.alerts')}</h3>
      <ErrorMessage error={alerts.error} testId="alerts-error" />
      {alerts.data && open.length === 0 && <p className="empty">{t('pipeline.noAlerts')}</p>}
      {open.length > 0 && (
        <table className="grid" data-testid="alerts-list">
          <thead>
            <tr>
              {(['name', 'state', 'severity', 'summary'] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`pipeline.alertColumns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {open.map((a) => (
              <tr
                key={`${a.name}-${JSON.stringify(a.labels)}`}
                data-alert={a.name}
                data-state={a.state}
              >
                <td>{a.name}</td>
                <td>{t(`pipeline.states.${a.state}`, { defaultValue: a.state })}</td>
                <td>{a.labels['severity'] ?? ''}</td>
                <td>{a.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
