import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { can } from '../auth/session';
import { useCase } from '../api/queries';
import { ApiError } from '../api/api-error';
import { ErrorMessage } from '../common/error-message';
import { label } from '../common/labels';
import { BreachBadge } from '../common/breach-badge';
import { TimeLeft } from '../common/time-left-cell';
import { formatDateTime } from '../common/time-left';
import { ClassificationPanel } from './classification-panel';
import { ComplainantPanel } from './complainant-panel';
import { ConflictForm } from './conflict-form';
import { DecisionForm } from './decision-form';
import { LetterPanel } from './letter-panel';
import { LinksPanel } from './links-panel';
import { ReassignForm } from './reassign-form';
import { TimelinePanel } from './timeline-panel';

export function CasePage(): ReactNode {
  const { t, i18n } = useTranslation();
  const { person } = useAuth();
  const complaintId = useParams()['complaintId'] ?? '';
  const found = useCase(complaintId);
  const back = (
    <p>
      <Link to="/">{t('case.back')}</Link>
    </p>
  );
  if (
    found.error instanceof ApiError &&
    (found.error.status === 404 || found.error.status === 400)
  ) {
    return (
      <section>
        {back}
        <p className="message error" role="alert" data-testid="not-found">
          {t('case.notFound')}
        </p>
      </section>
    );
  }
  if (found.error)
    return (
      <section>
        {back}
        <ErrorMessage error={found.error} />
      </section>
    );
  if (!found.data) return <p className="loading">{t('app.loading')}</p>;
  const item = found.data;
  const c = item.complaint;
  const undecided = item.status !== 'decided';
  const mine = item.handlerId === person.username;
  return (
    <article aria-labelledby="case-title" data-testid="case" data-status={item.status}>
      {back}
      <header className="case-head">
        <h1 id="case-title">{c?.subject ?? item.complaintId}</h1>
        <p className="meta">
          <span className="mono">{c?.referenceNumber}</span>
          <span>{label(t, 'statuses', item.status)}</span>
          <span>{t('case.round', { round: item.round })}</span>
          <span>
            {t('case.handler')}: {item.handlerId}
          </span>
          <span>
            {t('case.department')}: {label(t, 'departments', item.department)}
          </span>
          {undecided && <TimeLeft dueAt={item.decisionDueAt} greenChannel={item.greenChannel} />}
          <BreachBadge item={item} />
        </p>
      </header>
      <div className="columns">
        <div className="main-column">
          <section className="panel" aria-labelledby="complaint-title">
            <h2 id="complaint-title">{t('case.complaint')}</h2>
            <dl className="facts">
              <dt>{t('case.description')}</dt>
              <dd className="text">{c?.description}</dd>
              <dt>{t('case.channel')}</dt>
              <dd>{label(t, 'channels', c?.channel)}</dd>
              <dt>{t('case.productLine')}</dt>
              <dd>{label(t, 'productLines', c?.productLine)}</dd>
              <dt>{t('case.language')}</dt>
              <dd>{label(t, 'languages', c?.language)}</dd>
              <dt>{t('case.received')}</dt>
              <dd>{c ? formatDateTime(c.receivedAt, i18n.language) : ''}</dd>
              <dt>{t('case.due')}</dt>
              <dd>{formatDateTime(item.decisionDueAt, i18n.language)}</dd>
            </dl>
          </section>
          <TimelinePanel item={item} />
          {undecided && can.decide(person) && mine && <DecisionForm item={item} />}
          {undecided && can.decide(person) && !mine && (
            <p className="message info">
              {t('case.decision.notAssigned', { handler: item.handlerId })}
            </p>
          )}
          {item.decisions.length > 0 && can.readLetter(person) && (
            <LetterPanel complaintId={item.complaintId} />
          )}
        </div>
        <aside className="side-column">
          <LinksPanel complaintId={item.complaintId} item={item} />
          <ClassificationPanel complaintId={item.complaintId} />
          {can.seeComplainant(person) && <ComplainantPanel complaintId={item.complaintId} />}
          {undecided && can.reassign(person) && <ReassignForm item={item} />}
          {undecided && can.declareConflict(person) && <ConflictForm item={item} mine={mine} />}
        </aside>
      </div>
    </article>
  );
}
