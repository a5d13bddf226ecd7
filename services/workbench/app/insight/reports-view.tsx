import { FormEvent, ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../common/error-message';
import { currentQuarter } from './periods';
import { csvBlob, saveFile } from './save-file';
import { ScheduledReports } from './scheduled-reports';

type Lang = 'zh' | 'en';

/**
 * The periodic report: choose a period and a language, open the HTML page here (fetched with the
 * person's token and shown in a sandboxed frame: it has no script) or save it, its PDF or CSV.
 */
export function ReportsView(): ReactNode {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [draft, setDraft] = useState<{ period: string; lang: Lang }>({
    period: currentQuarter(),
    lang: 'zh',
  });
  const [html, setHtml] = useState<{ period: string; lang: Lang; page: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const path = (format: string): string =>
    `/v1/reports/${encodeURIComponent(draft.period.trim())}?${new URLSearchParams({
      format,
      lang: draft.lang,
    })}`;
  const run = async (work: () => Promise<void>): Promise<void> => {
    setError(undefined);
    setDone(undefined);
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const open = (e: FormEvent): void => {
    e.preventDefault();
    void run(async () => {
      const page = await api.getText('analytics', path('html'));
      setHtml({ period: draft.period.trim(), lang: draft.lang, page });
    });
  };
  const save = (format: 'pdf' | 'html' | 'csv'): void =>
    void run(async () => {
      const name = `complaints-${draft.period.trim()}${format === 'csv' ? '' : `-${draft.lang}`}.${format}`;
      const blob =
        format === 'pdf'
          ? await api.getBlob('analytics', path('pdf'), 'application/pdf')
          : format === 'html'
            ? new Blob([await api.getText('analytics', path('html'))], {
                type: 'text/html;charset=utf-8',
              })
            : csvBlob(await api.getText('analytics', path('csv')));
      saveFile(blob, name);
      setDone(name);
    });
  return (
    <section aria-labelledby="reports-title">
      <h2 id="reports-title">{t('insight.views.reports.title')}</h2>
      <p className="lead">{t('insight.views.reports.lead')}</p>
      <form className="toolbar" onSubmit={open} data-testid="report-filter">
        <label>
          {t('insight.views.periodAny')}{' '}
          <input
            name="period"
            value={draft.period}
            onChange={(e) => setDraft({ ...draft, period: e.target.value })}
          />
        </label>
        <label>
          {t('insight.views.reports.language')}{' '}
          <select
            name="lang"
            value={draft.lang}
            onChange={(e) => setDraft({ ...draft, lang: e.target.value as Lang })}
          >
            <option value="zh">{t('insight.views.reports.languages.zh')}</option>
            <option value="en">{t('insight.views.reports.languages.en')}</option>
          </select>
        </label>
        <button type="submit" disabled={busy}>
          {t('insight.views.reports.open')}
        </button>
        <button type="button" disabled={busy} onClick={() => save('pdf')} data-testid="report-pdf">
          {t('insight.views.reports.pdf')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => save('html')}
          data-testid="report-html"
        >
          {t('insight.views.reports.html')}
        </button>
        <button type="button" disabled={busy} onClick={() => save('csv')} data-testid="report-csv">
          {t('insight.views.reports.csv')}
        </button>
      </form>
      <ErrorMessage error={error} />
      {busy && <p className="loading">{t('app.loading')}</p>}
      {done && (
        <p role="status" className="message">
          {t('insight.views.downloaded', { file: done })}
        </p>
      )}
      {html && (
        <iframe
          className="report-frame"
          data-testid="report-frame"
          title={t('insight.views.reports.frameTitle', {
            period: html.period,
            lang: t(`insight.views.reports.languages.${html.lang}`),
          })}
          sandbox="allow-same-origin"
          srcDoc={html.page}
        />
      )}
      <ScheduledReports onOpen={setHtml} />
    </section>
  );
}
