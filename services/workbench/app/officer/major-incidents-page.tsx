import { FormEvent, ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { can } from '../auth/session';
import { useMajorIncidents, useTickStep } from '../api/queries';
import type { MajorIncidentDetail, MajorIncidentStep } from '../api/types';
import { ErrorMessage } from '../common/error-message';
import { label } from '../common/labels';
import { formatDateTime } from '../common/time-left';
import { incidentOrder, stepsLeft } from '../review/review-logic';

/** One contingency step: done (by whom, when, what), or a note and a tick. */
function StepRow(props: { incidentId: string; step: MajorIncidentStep }): ReactNode {
  const { t, i18n } = useTranslation();
  const tick = useTickStep(props.incidentId);
  const [note, setNote] = useState('');
  const s = props.step;
  const id = `step-${props.incidentId}-${s.step}`;
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    tick.mutate({ step: s.step, note: note.trim() });
  };
  return (
    <li data-testid="incident-step" data-step={s.step} data-done={String(s.done)}>
      <strong>{t(`major.steps.${s.step}`)}</strong>{' '}
      {s.done ? (
        <span className="message success">
          {t('major.done', {
            by: s.doneBy ?? '',
            at: s.doneAt ? formatDateTime(s.doneAt, i18n.language) : '',
          })}{' '}
          {s.note}
        </span>
      ) : (
        <form className="row" onSubmit={onSubmit} noValidate>
          <label htmlFor={id}>{t('major.note')}</label>
          <input id={id} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          <button type="submit" disabled={tick.isPending}>
            {t('major.tick')}
          </button>
          <ErrorMessage error={tick.error} />
        </form>
      )}
    </li>
  );
}

function IncidentCard(props: { incident: MajorIncidentDetail }): ReactNode {
  const { t, i18n } = useTranslation();
  const i = props.incident;
  const left = stepsLeft(i);
  return (
    <section
      className="panel"
      data-testid="major-incident"
      data-incident-id={i.incidentId}
      data-open={String(left > 0)}
      aria-labelledby={`incident-${i.incidentId}`}
    >
      <h2 id={`incident-${i.incidentId}`}>
        {t(`links.triggers.${i.trigger}`)}
        {i.productLine ? ` · ${label(t, 'productLines', i.productLine)}` : ''}
      </h2>
      <p className="incident-meta">
        <span>{formatDateTime(i.raisedAt, i18n.language)}</span>
        <span>{i.raisedBy ? t('major.raisedBy', { by: i.raisedBy }) : t('major.detected')}</span>
        <span>
          {t('major.counts', { complainants: i.complainantCount, complaints: i.complaintCount })}
        </span>
        <span>{left > 0 ? t('major.open', { count: left }) : t('major.allDone')}</span>
      </p>
      {i.reason && <p className="text">{i.reason}</p>}
      <h3>{t('major.stepsTitle')}</h3>
      <ol className="steps">
        {i.steps.map((s) => (
          <StepRow key={s.step} incidentId={i.incidentId} step={s} />
        ))}
      </ol>
      <h3>{t('major.complaints')}</h3>
      <ul className="linked" data-testid="incident-complaints">
        {i.complaintIds.map((id) => (
          <li key={id}>
            <Link className="mono" to={`/cases/${id}`}>
              {id}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Major incidents for the complaints officer (investigation's /v1/major-incidents): open ones
 * (contingency steps left) first, each with its linked complaints and the checklist.
 */
export function MajorIncidentsPage(): ReactNode {
  const { t } = useTranslation();
  const { person } = useAuth();
  const allowed = can.majorIncidents(person);
  const incidents = useMajorIncidents(allowed);
  if (!allowed) {
    return (
      <p className="message error" role="alert" data-testid="major-forbidden">
        {t('errors.forbidden')}
      </p>
    );
  }
  return (
    <section aria-labelledby="major-title">
      <h1 id="major-title">{t('major.title')}</h1>
      <p>{t('major.lead')}</p>
      <ErrorMessage error={incidents.error} />
      {incidents.isPending && <p className="loading">{t('app.loading')}</p>}
      {incidents.data && incidents.data.length === 0 && <p className="empty">{t('major.none')}</p>}
      {incidents.data &&
        incidentOrder(incidents.data).map((i) => <IncidentCard key={i.incidentId} incident={i} />)}
    </section>
  );
}
