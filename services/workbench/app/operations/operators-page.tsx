import { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { can } from '../auth/session';
import type { WatchlistItem } from '../api/types';
import { ErrorMessage } from '../common/error-message';
import { label } from '../common/labels';
import { metRatio } from './metrics-text';
import { PipelinePanel } from './pipeline-panel';

/** A running deadline within 60 days: the watchlist's widest window, i.e. every open clock. */
const OPEN_WINDOW_HOURS = 24 * 60;

/** The operators' view of the clocks: figures and lists, no personal data. */
export function OperatorsPage(): ReactNode {
  const { t } = useTranslation();
  const { api, person } = useAuth();
  const watch = (status: string, withinHours?: number) =>
    api.get<{ items: WatchlistItem[] }>(
      'deadlines',
      `/v1/deadlines?${new URLSearchParams({
        status,
        limit: '500',
        ...(withinHours ? { withinHours: String(withinHours) } : {}),
      })}`,
    );
  const lists = useQuery({
    queryKey: ['deadlines-watchlist'],
    queryFn: async () => {
      const [open, near, overdue, breached] = await Promise.all([
        watch('near', OPEN_WINDOW_HOURS),
        watch('near', 72),
        watch('overdue'),
        watch('breached'),
      ]);
      return {
        open: open.items,
        near: near.items,
        overdue: overdue.items,
        breached: breached.items,
      };
    },
    refetchInterval: 10_000,
    retry: false,
  });
  // Figures the service publishes for Prometheus (public, no personal data); read only once
  // the watchlist proved the person may watch the clocks.
  const ratio = useQuery({
    queryKey: ['deadlines-metrics'],
    queryFn: async () => metRatio(await api.getText('deadlines', '/metrics')),
    enabled: lists.isSuccess,
    refetchInterval: 10_000,
    retry: false,
  });
  const data = lists.data;
  const figures = data
    ? [
        ['open', data.open.length],
        ['near', data.near.length],
        ['overdue', data.overdue.length],
        ['breached', data.breached.length],
      ]
    : [];
  return (
    <section aria-labelledby="operations-title">
      <h1 id="operations-title">{t('insight.operations.title')}</h1>
      <p className="lead">{t('insight.operations.lead')}</p>
      <ErrorMessage error={lists.error} />
      {lists.isPending && <p className="loading">{t('app.loading')}</p>}
      {data && (
        <>
          <h2>{t('insight.operations.figures')}</h2>
          <dl className="figures" data-testid="deadline-figures">
            {figures.map(([key, n]) => (
              <div key={key} data-testid={`figure-${key}`} data-value={n}>
                <dt>{t(`insight.operations.${key}`)}</dt>
                <dd>{n}</dd>
              </div>
            ))}
            <div data-testid="figure-met-ratio">
              <dt>{t('insight.operations.metRatio')}</dt>
              <dd>{ratio.data === undefined ? '…' : `${(ratio.data * 100).toFixed(1)}%`}</dd>
            </div>
          </dl>
          <ErrorMessage error={ratio.error} />
          <ClockList title={t('insight.operations.nearList')} items={data.near} id="near" />
          <ClockList
            title={t('insight.operations.breachedList')}
            items={data.breached}
            id="breached"
          />
        </>
      )}
      {/* For operators even while the deadlines service is away; others are refused above. */}
      {can.operate(person) && <PipelinePanel />}
    </section>
  );
}

function ClockList(props: { title: string; items: WatchlistItem[]; id: string }): ReactNode {
  const { t, i18n } = useTranslation();
  const when = (iso?: string): string =>
    iso ? new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN') : '';
  const left = (m?: number): string => {
    if (m === undefined) return '';
    const hours = Math.round(Math.abs(m) / 60);
    return m >= 0
      ? t('insight.operations.hoursLeft', { hours })
      : t('insight.operations.hoursOver', { hours });
  };
  return (
    <section aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.items.length === 0 ? (
        <p className="empty">{t('insight.operations.none')}</p>
      ) : (
        <table className="grid" data-testid={`${props.id}-list`}>
          <thead>
            <tr>
              {(['complaintId', 'department', 'dueAt', 'left', 'state'] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`insight.operations.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.items.map((i) => (
              <tr key={i.complaintId} data-complaint-id={i.complaintId}>
                <td>{i.complaintId}</td>
                <td>{label(t, 'departments', i.department)}</td>
                <td>{when(i.dueAt)}</td>
                <td className={i.minutesLeft !== undefined && i.minutesLeft < 0 ? 'overdue' : ''}>
                  {left(i.minutesLeft)}
                </td>
                <td>
                  {i.breached ? t('insight.operations.breachedMark') : ''}
                  {i.greenChannel ? ` ${t('insight.operations.green')}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
