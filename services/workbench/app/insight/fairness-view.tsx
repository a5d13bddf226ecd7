import { FormEvent, ReactNode, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../common/error-message';
import { label } from '../common/labels';
import { Fairness, FAIRNESS_DIMENSIONS, FairnessGroup } from './insight-types';
import { currentQuarter } from './periods';
import { percent } from './save-file';

type FairnessDimension = (typeof FAIRNESS_DIMENSIONS)[number];
const LABEL_GROUPS: Partial<Record<FairnessDimension, string>> = {
  channel: 'channels',
  productLine: 'productLines',
  department: 'departments',
};

/**
 * Uphold rates per group with their Wilson 95% intervals, and the groups the service flagged as
 * differing from the rest more than chance would explain, with the test and its p-value.
 */
export function FairnessView(): ReactNode {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [draft, setDraft] = useState<{ period: string; dimension: FairnessDimension }>({
    period: currentQuarter(),
    dimension: 'channel',
  });
  const [filter, setFilter] = useState(draft);
  const result = useQuery({
    queryKey: ['fairness', filter],
    queryFn: () => api.get<Fairness>('analytics', `/v1/fairness?${new URLSearchParams(filter)}`),
    retry: false,
  });
  const apply = (e: FormEvent): void => {
    e.preventDefault();
    setFilter({ ...draft, period: draft.period.trim() });
  };
  const groupName = (g: FairnessGroup): string => {
    if (g.value === null) return t('insight.analytics.notRecorded');
    const group = LABEL_GROUPS[filter.dimension];
    return group ? label(t, group, g.value) : g.value;
  };
  const data = result.data;
  const flagged = data?.groups.filter((g) => g.flagged) ?? [];
  return (
    <section aria-labelledby="fairness-title">
      <h2 id="fairness-title">{t('insight.views.fairness.title')}</h2>
      <p className="lead">{t('insight.views.fairness.lead')}</p>
      <form className="toolbar" onSubmit={apply} data-testid="fairness-filter">
        <label>
          {t('insight.views.periodAny')}{' '}
          <input
            name="period"
            value={draft.period}
            onChange={(e) => setDraft({ ...draft, period: e.target.value })}
          />
        </label>
        <label>
          {t('insight.views.fairness.dimension')}{' '}
          <select
            name="dimension"
            value={draft.dimension}
            onChange={(e) => setDraft({ ...draft, dimension: e.target.value as FairnessDimension })}
          >
            {FAIRNESS_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {t(`insight.views.fairness.dimensions.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('insight.views.show')}</button>
      </form>
      <ErrorMessage error={result.error} />
      {result.isPending && <p className="loading">{t('app.loading')}</p>}
      {data && (
        <>
          <p data-testid="fairness-test">
            {t('insight.views.fairness.testLine', {
              name: data.test.name,
              alpha: data.test.alpha,
              adjusted: Number(data.test.adjustedAlpha.toPrecision(3)),
              groups: data.test.groupsTested,
            })}
          </p>
          <section aria-labelledby="flagged-title" data-testid="fairness-flagged">
            <h3 id="flagged-title">{t('insight.views.fairness.flaggedTitle')}</h3>
            {flagged.length === 0 ? (
              <p className="empty">{t('insight.views.fairness.noFlagged')}</p>
            ) : (
              <ul>
                {flagged.map((g) => (
                  <li key={g.value ?? ''} data-testid="flagged-group" data-value={g.value ?? ''}>
                    {t('insight.views.fairness.flaggedLine', {
                      group: groupName(g),
                      rate: percent(g.upholdRate),
                      upheld: g.upheld,
                      complaints: g.complaints,
                      z: g.test?.z,
                      p: g.test ? Number(g.test.pValue.toPrecision(3)) : '—',
                    })}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <table className="grid" data-testid="fairness-table">
            <thead>
              <tr>
                {(
                  [
                    'group',
                    'complaints',
                    'upheld',
                    'rate',
                    'ci',
                    'compensated',
                    'meanCompensation',
                    'z',
                    'p',
                    'flagged',
                  ] as const
                ).map((c) => (
                  <th key={c} scope="col">
                    {t(`insight.views.fairness.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.groups.map((g) => (
                <tr
                  key={g.value ?? ''}
                  data-testid="fairness-row"
                  data-value={g.value ?? ''}
                  className={g.flagged ? 'flagged' : undefined}
                >
                  <th scope="row">{groupName(g)}</th>
                  <td className="num">{g.complaints}</td>
                  <td className="num">{g.upheld}</td>
                  <td className="num">{percent(g.upholdRate)}</td>
                  <td className="num">
                    {percent(g.upholdRateCi95[0])} – {percent(g.upholdRateCi95[1])}
                  </td>
                  <td className="num">{g.compensated}</td>
                  <td className="num">
                    {g.meanCompensationMinor === null
                      ? '—'
                      : `${(g.meanCompensationMinor / 100).toFixed(2)} ${data.currency ?? ''}`}
                  </td>
                  <td className="num">{g.test ? g.test.z : '—'}</td>
                  <td className="num">{g.test ? Number(g.test.pValue.toPrecision(3)) : '—'}</td>
                  <td>{g.flagged ? t('insight.views.fairness.flag') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
