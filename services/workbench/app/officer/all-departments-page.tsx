import { ReactNode, useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { useQueue } from '../api/queries';
import type { Classification } from '../api/types';
import { ErrorMessage } from '../common/error-message';
import { DEPARTMENTS, label } from '../common/labels';
import { BreachBadge } from '../common/breach-badge';
import { TimeLeft } from '../common/time-left-cell';

/** Rows whose classification is fetched for the confidence column, at most. */
const CLASSIFIED_ROWS = 50;

/** Every department's open cases; triage shows the ones the classifier was unsure of. */
export function AllDepartmentsPage(): ReactNode {
  const { t } = useTranslation();
  const { api } = useAuth();
  const [department, setDepartment] = useState('');
  const [onlyUncertain, setOnlyUncertain] = useState(false);
  const [onlyBreached, setOnlyBreached] = useState(false);
  const queue = useQueue({ department: department || undefined, breached: onlyBreached });
  const rows = (queue.data ?? []).slice(0, CLASSIFIED_ROWS);
  const classes = useQueries({
    queries: rows.map((c) => ({
      queryKey: ['classification', c.complaintId],
      queryFn: () =>
        api.get<Classification>('classification', `/v1/classifications/${c.complaintId}`),
    })),
  });
  const shown = rows
    .map((c, i) => ({ c, cls: classes[i]?.data }))
    .filter(({ cls }) => !onlyUncertain || (cls && cls.confidence !== 'high'));
  const classError = classes.find((q) => q.error)?.error;
  return (
    <section aria-labelledby="all-title">
      <h1 id="all-title">{t('all.title')}</h1>
      <div className="toolbar">
        <label>
          {t('all.department')}{' '}
          <select value={department} onChange={(e) => setDepartment(e.target.value)}>
            <option value="">{t('board.allDepartments')}</option>
            {DEPARTMENTS.map((d) => (
              <option key={d} value={d}>
                {label(t, 'departments', d)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={onlyUncertain}
            onChange={(e) => setOnlyUncertain(e.target.checked)}
          />
          {t('all.onlyUncertain')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            data-testid="only-breached"
            checked={onlyBreached}
            onChange={(e) => setOnlyBreached(e.target.checked)}
          />
          {t('breach.only')}
        </label>
      </div>
      <ErrorMessage error={queue.error ?? classError} />
      {queue.isPending && <p className="loading">{t('app.loading')}</p>}
      {queue.data && shown.length === 0 && <p className="empty">{t('all.empty')}</p>}
      {shown.length > 0 && (
        <table className="grid" data-testid="all-cases">
          <thead>
            <tr>
              <th scope="col">{t('queue.columns.timeLeft')}</th>
              <th scope="col">{t('queue.columns.subject')}</th>
              <th scope="col">{t('board.department')}</th>
              <th scope="col">{t('queue.columns.category')}</th>
              <th scope="col">{t('case.classification.confidence')}</th>
              <th scope="col">{t('queue.columns.handler')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ c, cls }) => (
              <tr key={c.caseId} data-complaint-id={c.complaintId}>
                <td>
                  <TimeLeft dueAt={c.decisionDueAt} greenChannel={c.greenChannel} />
                  <BreachBadge item={c} />
                </td>
                <td>
                  <Link to={`/cases/${c.complaintId}`}>
                    {c.complaint?.subject ?? c.complaintId}
                  </Link>
                </td>
                <td>{label(t, 'departments', c.department)}</td>
                <td>
                  {label(t, 'categories', c.category)} / {label(t, 'subcategories', c.subcategory)}
                </td>
                <td className={`confidence ${cls?.confidence ?? ''}`}>
                  {cls ? label(t, 'confidence', cls.confidence) : '…'}
                </td>
                <td>{c.handlerId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
