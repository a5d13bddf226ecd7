import { FormEvent, ReactNode, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../common/error-message';
import { label } from '../common/labels';
import { CnQuarterlyReturn, FCA_CAUSES, FcaHalfYearlyReturn, FcaRow } from './insight-types';
import { currentHalfYear, currentQuarter } from './periods';
import { csvBlob, figure, percent, saveFile } from './save-file';

/** China's quarterly return and the FCA's half-yearly one: the tables and their CSV files. */
export function ReturnsView(): ReactNode {
  return (
    <>
      <CnReturn />
      <FcaReturn />
    </>
  );
}

function useCsvSave(): {
  save: (path: string, name: string) => void;
  done?: string;
  error: unknown;
} {
  const { api } = useAuth();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<unknown>();
  const save = (path: string, name: string): void => {
    setError(undefined);
    api
      .getText('analytics', path)
      .then((text) => {
        saveFile(csvBlob(text), name);
        setDone(name);
      })
      .catch(setError);
  };
  return { save, done, error };
}

function CnReturn(): ReactNode {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [draft, setDraft] = useState({ quarter: currentQuarter(), region: '' });
  const [filter, setFilter] = useState(draft);
  const csv = useCsvSave();
  const query = (format?: string): string => {
    const q = new URLSearchParams();
    if (filter.region) q.set('region', filter.region);
    if (format) q.set('format', format);
    return `/v1/returns/cn-quarterly/${encodeURIComponent(filter.quarter)}?${q}`;
  };
  const result = useQuery({
    queryKey: ['cn-return', filter],
    queryFn: () => api.get<CnQuarterlyReturn>('analytics', query()),
    retry: false,
  });
  const apply = (e: FormEvent): void => {
    e.preventDefault();
    setFilter({ quarter: draft.quarter.trim(), region: draft.region.trim() });
  };
  const data = result.data;
  return (
    <section aria-labelledby="cn-return-title" data-testid="cn-return">
      <h2 id="cn-return-title">{t('insight.views.returns.cnTitle')}</h2>
      <form className="toolbar" onSubmit={apply}>
        <label>
          {t('insight.views.returns.cnQuarter')}{' '}
          <input
            name="quarter"
            value={draft.quarter}
            onChange={(e) => setDraft({ ...draft, quarter: e.target.value })}
          />
        </label>
        <label>
          {t('insight.views.returns.region')}{' '}
          <input
            name="region"
            value={draft.region}
            onChange={(e) => setDraft({ ...draft, region: e.target.value })}
          />
        </label>
        <button type="submit">{t('insight.views.show')}</button>
        <button
          type="button"
          data-testid="csv-cn-return"
          onClick={() => csv.save(query('csv'), `cn-return-${filter.quarter}.csv`)}
        >
          {t('insight.views.downloadCsv')}
        </button>
      </form>
      <ErrorMessage error={result.error ?? csv.error} />
      {csv.done && (
        <p role="status" className="message">
          {t('insight.views.downloaded', { file: csv.done })}
        </p>
      )}
      {data && (
        <>
          <table className="grid" data-testid="cn-return-table">
            <thead>
              <tr>
                {(
                  [
                    'productLine',
                    'cause',
                    'complaints',
                    'share',
                    'per100m',
                    'per10kPolicies',
                    'per10kInsured',
                  ] as const
                ).map((c) => (
                  <th key={c} scope="col">
                    {t(`insight.views.returns.cn.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr
                  key={`${r.productLine}-${r.cause}`}
                  data-testid="cn-return-row"
                  data-product-line={r.productLine}
                  data-cause={r.cause}
                >
                  <td>{label(t, 'productLines', r.productLine)}</td>
                  <td>{t(`insight.views.returns.causes.${r.cause}`)}</td>
                  <td className="num">{r.complaints}</td>
                  <td className="num">{percent(r.share)}</td>
                  <td className="num">{figure(r.per100mYuanPremium)}</td>
                  <td className="num">{figure(r.per10kPolicies)}</td>
                  <td className="num">{figure(r.per10kInsured)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Notes notes={data.notes} />
        </>
      )}
    </section>
  );
}

function FcaReturn(): ReactNode {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [draft, setDraft] = useState(currentHalfYear());
  const [halfYear, setHalfYear] = useState(draft);
  const csv = useCsvSave();
  const path = `/v1/returns/fca-half-yearly/${encodeURIComponent(halfYear)}`;
  const result = useQuery({
    queryKey: ['fca-return', halfYear],
    queryFn: () => api.get<FcaHalfYearlyReturn>('analytics', path),
    retry: false,
  });
  const data = result.data;
  const row = (r: FcaRow, total = false): ReactNode => (
    <tr
      key={total ? 'total' : r.product}
      data-testid="fca-return-row"
      data-product={total ? 'total' : r.product}
    >
      <th scope="row">{total ? t('insight.views.returns.fca.total') : r.product}</th>
      {FCA_CAUSES.map((c) => (
        <td key={c} className="num">
          {r.opened[c] ?? 0}
        </td>
      ))}
      <td className="num">{r.opened.total}</td>
      <td className="num">{r.closed.total}</td>
      <td className="num">{r.closed.within3BusinessDays}</td>
      <td className="num">{r.closed.after3BusinessDaysWithin8Weeks}</td>
      <td className="num">{r.closed.after8Weeks}</td>
      <td className="num">
        {r.closed.upheldPercent === null ? '—' : `${r.closed.upheldPercent}%`}
      </td>
      <td className="num">
        {r.closed.redressPaid} {data?.redressCurrency ?? ''}
      </td>
    </tr>
  );
  return (
    <section aria-labelledby="fca-return-title" data-testid="fca-return">
      <h2 id="fca-return-title">{t('insight.views.returns.fcaTitle')}</h2>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setHalfYear(draft.trim());
        }}
      >
        <label>
          {t('insight.views.returns.fcaHalfYear')}{' '}
          <input name="halfYear" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button type="submit">{t('insight.views.show')}</button>
        <button
          type="button"
          data-testid="csv-fca-return"
          onClick={() => csv.save(`${path}?format=csv`, `fca-return-${halfYear}.csv`)}
        >
          {t('insight.views.downloadCsv')}
        </button>
      </form>
      <ErrorMessage error={result.error ?? csv.error} />
      {csv.done && (
        <p role="status" className="message">
          {t('insight.views.downloaded', { file: csv.done })}
        </p>
      )}
      {data && (
        <>
          <p data-testid="fca-outstanding">
            {t('insight.views.returns.outstanding', { count: data.outstandingAtStart })}
          </p>
          <table className="grid" data-testid="fca-return-table">
            <thead>
              <tr>
                <th scope="col">{t('insight.views.returns.fca.product')}</th>
                {FCA_CAUSES.map((c) => (
                  <th key={c} scope="col">
                    {t(`insight.views.returns.fca.fcaCauses.${c}`)}
                  </th>
                ))}
                {(
                  [
                    'openedTotal',
                    'closedTotal',
                    'within3',
                    'within8w',
                    'after8w',
                    'upheld',
                    'redress',
                  ] as const
                ).map((c) => (
                  <th key={c} scope="col">
                    {t(`insight.views.returns.fca.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => row(r))}
              {row(data.total, true)}
            </tbody>
          </table>
          <Notes notes={data.notes} />
        </>
      )}
    </section>
  );
}

function Notes(props: { notes: string[] }): ReactNode {
  const { t } = useTranslation();
  if (props.notes.length === 0) return null;
  return (
    <div className="message info" data-testid="return-notes">
      <p>{t('insight.views.returns.notes')}</p>
      <ul>
        {props.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}
