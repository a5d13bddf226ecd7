import { ReactNode, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../common/error-message';
import { saveFile } from './save-file';

interface ScheduledReport {
  period: string;
  kind: 'monthly' | 'quarterly' | 'yearly';
  language: 'zh' | 'en';
  generatedAt: string;
  complaints: number;
  formats: string[];
}

/**
 * The reports the service generated and stored when their period closed: open one's page
 * (handed to the report view's frame) or save its PDF, as stored then.
 */
export function ScheduledReports(props: {
  onOpen: (report: { period: string; lang: 'zh' | 'en'; page: string }) => void;
}): ReactNode {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [error, setError] = useState<unknown>();
  const list = useQuery({
    queryKey: ['scheduled-reports'],
    queryFn: () => api.get<{ reports: ScheduledReport[] }>('analytics', '/v1/scheduled-reports'),
    retry: false,
  });
  const path = (r: ScheduledReport, format: string) =>
    `/v1/scheduled-reports/${encodeURIComponent(r.period)}/${r.language}?format=${format}`;
  const open = (r: ScheduledReport): void => {
    setError(undefined);
    api
      .getText('analytics', path(r, 'html'))
      .then((page) => props.onOpen({ period: r.period, lang: r.language, page }))
      .catch(setError);
  };
  const pdf = (r: ScheduledReport): void => {
    setError(undefined);
    api
      .getBlob('analytics', path(r, 'pdf'), 'application/pdf')
      .then((blob) => saveFile(blob, `complaints-${r.period}-${r.language}.pdf`))
      .catch(setError);
  };
  const reports = list.data?.reports;
  return (
    <section aria-labelledby="scheduled-title" data-testid="scheduled-reports">
      <h3 id="scheduled-title">{t('insight.views.reports.scheduled')}</h3>
      <p className="hint">{t('insight.views.reports.scheduledLead')}</p>
      <ErrorMessage error={list.error ?? error} />
      {reports && reports.length === 0 && (
        <p className="empty">{t('insight.views.reports.noScheduled')}</p>
      )}
      {reports && reports.length > 0 && (
        <table className="grid">
          <thead>
            <tr>
              {(['period', 'kind', 'language', 'generatedAt', 'complaints', 'files'] as const).map(
                (c) => (
                  <th key={c} scope="col">
                    {t(`insight.views.reports.columns.${c}`)}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={`${r.period}-${r.language}`} data-testid="scheduled-row">
                <td>{r.period}</td>
                <td>{t(`insight.views.reports.kinds.${r.kind}`)}</td>
                <td>{t(`insight.views.reports.languages.${r.language}`)}</td>
                <td>{new Date(r.generatedAt).toLocaleString()}</td>
                <td className="num">{r.complaints}</td>
                <td>
                  <button type="button" onClick={() => open(r)}>
                    {t('insight.views.reports.open')}
                  </button>{' '}
                  {r.formats.includes('pdf') && (
                    <button type="button" onClick={() => pdf(r)}>
                      {t('insight.views.reports.pdf')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
