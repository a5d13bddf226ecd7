import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { can } from '../auth/session';
import { useQueue } from '../api/queries';
import { ErrorMessage } from '../common/error-message';
import { TimeLeft } from '../common/time-left-cell';
import { formatDateTime } from '../common/time-left';
import { reviewRequests } from './review-logic';

/**
 * The review requests assigned to the signed-in reviewer (a handler who decided no round of the
 * case and is not the person complained about: investigation chose them). Each opens the case,
 * where the review's decision is made.
 */
export function ReviewsPage(): ReactNode {
  const { t, i18n } = useTranslation();
  const { person } = useAuth();
  const location = useLocation();
  const decided = (location.state as { decided?: string } | null)?.decided;
  const allowed = can.review(person);
  const queue = useQueue({ handlerId: allowed ? person.username : undefined }, allowed);
  if (!allowed) {
    return (
      <p className="message error" role="alert" data-testid="reviews-forbidden">
        {t('errors.forbidden')}
      </p>
    );
  }
  const items = queue.data ? reviewRequests(queue.data, person.username) : undefined;
  return (
    <section aria-labelledby="reviews-title">
      <h1 id="reviews-title">{t('review.title')}</h1>
      <p>{t('review.lead')}</p>
      {decided && (
        <p className="message success" role="status" data-testid="decided-message">
          {t('review.decided', { reference: decided })}
        </p>
      )}
      <ErrorMessage error={queue.error} />
      {queue.isPending && <p className="loading">{t('app.loading')}</p>}
      {items && items.length === 0 && <p className="empty">{t('review.none')}</p>}
      {items && items.length > 0 && (
        <table className="grid" data-testid="reviews">
          <thead>
            <tr>
              <th scope="col">{t('queue.columns.timeLeft')}</th>
              <th scope="col">{t('queue.columns.reference')}</th>
              <th scope="col">{t('queue.columns.subject')}</th>
              <th scope="col">{t('review.columns.requested')}</th>
              <th scope="col">{t('review.columns.through')}</th>
              <th scope="col">{t('review.columns.round')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.complaintId} data-complaint-id={c.complaintId}>
                <td>
                  <TimeLeft dueAt={c.decisionDueAt} greenChannel={c.greenChannel} />
                </td>
                <td className="mono">{c.complaint?.referenceNumber}</td>
                <td>
                  <Link to={`/cases/${c.complaintId}`}>
                    {c.complaint?.subject ?? c.complaintId}
                  </Link>
                </td>
                <td>{c.review ? formatDateTime(c.review.requestedAt, i18n.language) : ''}</td>
                <td>{c.review ? t(`review.through.${c.review.requestedThrough}`) : ''}</td>
                <td>{c.review?.reviewedRound}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
