import { FormEvent, ReactNode, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../common/error-message';
import { label } from '../common/labels';
import { ExperienceIndex } from './insight-types';
import { currentQuarter } from './periods';

/** The experience index per unit and period: its indicators, weights, scores and formula. */
export function ExperienceView(): ReactNode {
  const { t, i18n } = useTranslation();
  const { api } = useAuth();
  const [draft, setDraft] = useState(currentQuarter());
  const [period, setPeriod] = useState(draft);
  const result = useQuery({
    queryKey: ['experience-index', period],
    queryFn: () =>
      api.get<ExperienceIndex>(
        'analytics',
        `/v1/experience-index?${new URLSearchParams({ period })}`,
      ),
    retry: false,
  });
  const apply = (e: FormEvent): void => {
    e.preventDefault();
    setPeriod(draft.trim());
  };
  const data = result.data;
  const zh = i18n.language !== 'en';
  const unitName = (unit: string): string =>
    unit === 'all' ? t('insight.views.experience.all') : label(t, 'departments', unit);
  return (
    <section aria-labelledby="experience-title">
      <h2 id="experience-title">{t('insight.views.experience.title')}</h2>
      <p className="lead">{t('insight.views.experience.lead')}</p>
      <form className="toolbar" onSubmit={apply} data-testid="experience-filter">
        <label>
          {t('insight.views.periodAny')}{' '}
          <input name="period" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button type="submit">{t('insight.views.show')}</button>
      </form>
      <ErrorMessage error={result.error} />
      {result.isPending && <p className="loading">{t('app.loading')}</p>}
      {data && (
        <>
          <p>{t('insight.views.experience.version', { version: data.version })}</p>
          <figure className="formula" data-testid="experience-formula">
            <figcaption>{t('insight.views.experience.formula')}</figcaption>
            <code>{data.formula}</code>
          </figure>
          <h3>{t('insight.views.experience.indicators')}</h3>
          <table className="grid" data-testid="experience-indicators">
            <thead>
              <tr>
                {(['code', 'label', 'dimension', 'weight'] as const).map((c) => (
                  <th key={c} scope="col">
                    {t(`insight.views.experience.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.indicators.map((i) => (
                <tr key={i.code} data-testid="indicator-row" data-code={i.code}>
                  <td className="mono">{i.code}</td>
                  <td>{zh ? i.labelZh : i.labelEn}</td>
                  <td>{i.dimension}</td>
                  <td className="num">{i.weight}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('insight.views.experience.units')}</h3>
          <table className="grid" data-testid="experience-units">
            <thead>
              <tr>
                <th scope="col">{t('insight.views.experience.columns.unit')}</th>
                <th scope="col">{t('insight.views.experience.columns.complaints')}</th>
                {data.indicators.map((i) => (
                  <th key={i.code} scope="col" className="mono">
                    {i.code}
                  </th>
                ))}
                <th scope="col">{t('insight.views.experience.columns.index')}</th>
              </tr>
            </thead>
            <tbody>
              {data.units.map((u) => (
                <tr key={u.unit} data-testid="unit-row" data-unit={u.unit}>
                  <th scope="row">{unitName(u.unit)}</th>
                  <td className="num">{u.complaints}</td>
                  {data.indicators.map((i) => (
                    <td key={i.code} className="num" data-code={i.code}>
                      {u.scores[i.code] === null || u.scores[i.code] === undefined
                        ? '—'
                        : u.scores[i.code]}
                    </td>
                  ))}
                  <td className="num" data-testid="unit-index">
                    {u.index}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
