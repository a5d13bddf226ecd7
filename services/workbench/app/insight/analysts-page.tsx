import { FormEvent, ReactNode, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import type { HotspotRow, Hotspots } from '../api/types';
import { ErrorMessage } from '../common/error-message';
import { label } from '../common/labels';
import { Dimension, DIMENSION_LABELS, DIMENSIONS, parseCsv, recordsBehind } from './csv';
import { HotspotChart } from './hotspot-chart';
import { CsvDownloads } from './csv-downloads';

/** The columns of complaint_fact shown when drilling down (all pseudonymised facts). */
const RECORD_COLUMNS = [
  'complaint_id',
  'received_on',
  'channel',
  'product_line',
  'subcategory',
  'department',
  'sla_met',
  'final_outcome',
  'root_cause_code',
] as const;

function currentQuarter(now = new Date()): string {
  return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
}

/** Where complaints cluster: hotspots by period and dimension, the records behind a bar, CSV. */
export function AnalystsPage(): ReactNode {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [draft, setDraft] = useState({ period: currentQuarter(), dimension: 'subcategory' });
  const [filter, setFilter] = useState<{ period: string; dimension: Dimension }>({
    period: draft.period,
    dimension: 'subcategory',
  });
  const [selected, setSelected] = useState<HotspotRow | undefined>();
  const hotspots = useQuery({
    queryKey: ['hotspots', filter],
    queryFn: () =>
      api.get<Hotspots>(
        'analytics',
        `/v1/hotspots?${new URLSearchParams({ period: filter.period, dimension: filter.dimension })}`,
      ),
    retry: false,
  });
  const records = useQuery({
    queryKey: ['complaint-fact', filter.period],
    queryFn: async () =>
      parseCsv(
        await api.getText(
          'analytics',
          `/v1/exports/complaint-fact?${new URLSearchParams({ period: filter.period })}`,
        ),
      ),
    enabled: selected !== undefined,
    retry: false,
  });
  const labelOf = (value: string | null): string => {
    if (value === null) return t('insight.analytics.notRecorded');
    const group = DIMENSION_LABELS[filter.dimension];
    return group ? label(t, group, value) : value;
  };
  const apply = (e: FormEvent): void => {
    e.preventDefault();
    setSelected(undefined);
    setFilter({ period: draft.period.trim(), dimension: draft.dimension as Dimension });
  };
  const data = hotspots.data;
  const dimensionName = t(`insight.analytics.dimensions.${filter.dimension}`);
  const behind =
    selected && records.data
      ? recordsBehind(records.data, filter.dimension, selected.value)
      : undefined;
  return (
    <section aria-labelledby="analytics-title">
      <h1 id="analytics-title">{t('insight.analytics.title')}</h1>
      <p className="lead">{t('insight.analytics.lead')}</p>
      <form className="toolbar" onSubmit={apply} data-testid="analytics-filter">
        <label>
          {t('insight.analytics.period')}{' '}
          <input
            name="period"
            value={draft.period}
            onChange={(e) => setDraft({ ...draft, period: e.target.value })}
          />
        </label>
        <label>
          {t('insight.analytics.dimension')}{' '}
          <select
            name="dimension"
            value={draft.dimension}
            onChange={(e) => setDraft({ ...draft, dimension: e.target.value })}
          >
            {DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {t(`insight.analytics.dimensions.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('insight.analytics.show')}</button>
      </form>
      <ErrorMessage error={hotspots.error} />
      {hotspots.isPending && <p className="loading">{t('app.loading')}</p>}
      {data && (
        <>
          <p data-testid="hotspot-total">
            {t('insight.analytics.total', {
              count: data.total.count,
              previous: data.total.previousCount,
            })}
          </p>
          {data.rows.length === 0 ? (
            <p className="empty">{t('insight.analytics.empty')}</p>
          ) : (
            <>
              <HotspotChart
                title={t('insight.analytics.chartTitle', {
                  period: data.period.id,
                  dimension: dimensionName,
                  previous: data.previousPeriod.id,
                })}
                rows={data.rows}
                labelOf={labelOf}
                selected={selected?.value}
                onSelect={setSelected}
              />
              <p className="hint">{t('insight.analytics.drillHint')}</p>
            </>
          )}
          <CsvDownloads period={data.period.id} />
        </>
      )}
      {selected && <ErrorMessage error={records.error} />}
      {selected && records.isPending && <p className="loading">{t('app.loading')}</p>}
      {selected && behind && (
        <section aria-labelledby="drill-title" data-testid="drill-down">
          <h2 id="drill-title">
            {t('insight.analytics.drillTitle', {
              value: labelOf(selected.value),
              count: behind.length,
            })}
          </h2>
          <table className="grid">
            <thead>
              <tr>
                {RECORD_COLUMNS.map((c) => (
                  <th key={c} scope="col">
                    {t(`insight.analytics.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {behind.map((r) => (
                <tr key={r['complaint_id']} data-testid="drill-row">
                  {RECORD_COLUMNS.map((c) => (
                    <td key={c}>{r[c]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
