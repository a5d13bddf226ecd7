import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../common/error-message';
import { saveFile } from './save-file';

const PARQUET = 'application/vnd.apache.parquet';

/**
 * The period's CSV and Parquet exports. The API wants the person's bearer token, which a plain link cannot
 * send: each button fetches the file through the proxy and hands it to the browser to save.
 */
export function CsvDownloads(props: { period: string }): ReactNode {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const files = [
    { key: 'complaintFact', path: `/v1/exports/complaint-fact`, file: 'complaint-fact' },
    { key: 'decisionFact', path: `/v1/exports/decision-fact`, file: 'decision-fact' },
    { key: 'report', path: `/v1/reports/${props.period}`, file: 'report', report: true },
    {
      key: 'complaintFact',
      path: `/v1/exports/complaint-fact`,
      file: 'complaint-fact',
      parquet: true,
    },
    {
      key: 'decisionFact',
      path: `/v1/exports/decision-fact`,
      file: 'decision-fact',
      parquet: true,
    },
  ];
  const download = async (f: (typeof files)[number]): Promise<void> => {
    setError(undefined);
    try {
      const query = new URLSearchParams(
        f.report
          ? { format: 'csv' }
          : { period: props.period, format: f.parquet ? 'parquet' : 'csv' },
      );
      const path = `${f.path}?${query}`;
      const blob = f.parquet
        ? await api.getBlob('analytics', path, PARQUET)
        : new Blob([await api.getText('analytics', path)], { type: 'text/csv;charset=utf-8' });
      const name = `${f.file}-${props.period}.${f.parquet ? 'parquet' : 'csv'}`;
      saveFile(blob, name);
      setDone(name);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="downloads-title" className="downloads">
      <h2 id="downloads-title">{t('insight.analytics.downloads')}</h2>
      <ul>
        {files.map((f) => (
          <li key={`${f.file}-${f.parquet ? 'parquet' : 'csv'}`}>
            <button
              type="button"
              onClick={() => void download(f)}
              data-testid={`${f.parquet ? 'parquet' : 'csv'}-${f.file}`}
            >
              {t(`insight.analytics.${f.key}`)} · {props.period} · {f.parquet ? 'Parquet' : 'CSV'}
            </button>
          </li>
        ))}
      </ul>
      {done && (
        <p role="status" className="message">
          {t('insight.analytics.downloaded', { file: done })}
        </p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
