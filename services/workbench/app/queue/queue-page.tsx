import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { useQueue } from '../api/queries';
import { ErrorMessage } from '../common/error-message';
import { label } from '../common/labels';
import { TimeLeft } from '../common/time-left-cell';
import { formatDateTime } from '../common/time-left';

/** The handler's queue: green channel first, then the least time left, time left shown. */
export function QueuePage(): ReactNode {
  const { t, i18n } = useTranslation();
  const { person } = useAuth();
  const location = useLocation();
  const decided = (location.state as { decided?: string } | null)?.decided;
  const isHandler = person.roles.includes('handler');
  const [onlyMine, setOnlyMine] = useState(isHandler);
  const queue = useQueue({ handlerId: onlyMine ? person.username : undefined });
  const department = label(t, 'departments', person.department);
  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">
        {onlyMine ? t('queue.title') : t('queue.titleDepartment', { department })}
      </h1>
      {decided && (
        <p className="message success" role="status" data-testid="decided-message">
          {t('queue.decided', { reference: decided })}
        </p>
      )}
      <div className="toolbar">
        {isHandler && (
          <label className="check">
            <input
              type="checkbox"
              checked={onlyMine}
              onChange={(e) => setOnlyMine(e.target.checked)}
            />
            {t('queue.onlyMine')}
          </label>
        )}
        {queue.data && (
          <span className="count">{t('queue.count', { count: queue.data.length })}</span>
        )}
      </div>
      <ErrorMessage error={queue.error} />
      {queue.isPending && <p className="loading">{t('app.loading')}</p>}
      {queue.data && queue.data.length === 0 && <p className="empty">{t('queue.empty')}</p>}
      {queue.data && queue.data.length > 0 && (
        <table className="grid" data-testid="queue">
          <thead>
            <tr>
              <th scope="col">{t('queue.columns.timeLeft')}</th>
              <th scope="col">{t('queue.columns.reference')}</th>
              <th scope="col">{t('queue.columns.subject')}</th>
              <th scope="col">{t('queue.columns.category')}</th>
              <th scope="col">{t('queue.columns.priority')}</th>
              <th scope="col">{t('queue.columns.handler')}</th>
              <th scope="col">{t('queue.columns.status')}</th>
              <th scope="col">{t('queue.columns.due')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.data.map((c) => (
              <tr
                key={c.caseId}
                data-complaint-id={c.complaintId}
                data-green={String(c.greenChannel)}
                data-due={c.decisionDueAt}
              >
                <td>
                  <TimeLeft dueAt={c.decisionDueAt} greenChannel={c.greenChannel} />
                </td>
                <td className="mono">
                  {c.complaint?.referenceNumber ?? c.complaintId.slice(0, 8)}
                </td>
                <td>
                  <Link to={`/cases/${c.complaintId}`}>
                    {c.complaint?.subject ?? c.complaintId}
                  </Link>
                </td>
                <td>
                  {label(t, 'categories', c.category)} / {label(t, 'subcategories', c.subcategory)}
                </td>
                <td>{c.priority}</td>
                <td>{c.handlerId}</td>
                <td>{label(t, 'statuses', c.status)}</td>
                <td>{formatDateTime(c.decisionDueAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
