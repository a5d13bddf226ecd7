import { ReactNode, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import type { Person } from '../auth/session';
import { useDecideRepeat } from '../api/queries';
import type {
  CaseItem,
  CaseMajorIncident,
  CaseRepeats,
  RepeatLink,
  RepeatOutcome,
} from '../api/types';
import { ErrorMessage } from '../common/error-message';
import { repeatChoices } from '../review/review-logic';

/**
 * A proposed repeat decided by the handler, a supervisor or a complaints officer: confirmed as
 * a repeat (merged without new facts, or restarting the earlier complaint's clock on new facts)
 * or split off as not a repeat, with a reason (audited).
 */
function RepeatDecision(props: {
  complaintId: string;
  choices: readonly RepeatOutcome[];
}): ReactNode {
  const { t } = useTranslation();
  const decide = useDecideRepeat(props.complaintId);
  const [reason, setReason] = useState('');
  const id = `repeat-reason-${props.complaintId}`;
  return (
    <div className="repeat-decision" data-testid="repeat-decision">
      <label htmlFor={id}>{t('links.decision.reason')}</label>
      <input id={id} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
      <ErrorMessage error={decide.error} />
      <div className="row">
        {props.choices.map((outcome) => (
          <button
            key={outcome}
            type="button"
            disabled={decide.isPending}
            onClick={() => decide.mutate({ outcome, reason: reason.trim() })}
          >
            {t(`links.decision.${outcome}`)}
          </button>
        ))}
      </div>
    </div>
  );
}

/** Repeat links and the major-incident flag of a case (investigation's repeats and major APIs). */
export function LinksPanel(props: {
  complaintId: string;
  item?: Pick<CaseItem, 'handlerId' | 'status'>;
}): ReactNode {
  const { t } = useTranslation();
  const { api, person } = useAuth();
  const id = props.complaintId;
  const repeats = useQuery({
    queryKey: ['case-repeats', id],
    queryFn: () => api.get<CaseRepeats>('investigation', `/v1/cases/${id}/repeats`),
  });
  const major = useQuery({
    queryKey: ['case-major-incident', id],
    queryFn: () => api.get<CaseMajorIncident>('investigation', `/v1/cases/${id}/major-incident`),
  });
  const r = repeats.data;
  const m = major.data;
  const status = (l: RepeatLink) => t(`links.statuses.${l.status}`);
  const empty = r && m && !r.repeatOf && r.repeatedBy.length === 0 && !m.flagged;
  return (
    <section className="panel" aria-labelledby="links-title" data-testid="case-links">
      <h2 id="links-title">{t('links.title')}</h2>
      <ErrorMessage error={repeats.error ?? major.error} />
      {m?.flagged && m.incident && (
        <p className="message error" role="status" data-testid="major-incident">
          {t('links.major', {
            trigger: t(`links.triggers.${m.incident.trigger}`),
            count: m.incident.complainantCount,
          })}
        </p>
      )}
      {r?.repeatOf && (
        <p className="message info" data-testid="repeat-of" data-status={r.repeatOf.status}>
          {t('links.repeatOf', {
            id: r.repeatOf.earlierComplaintId,
            similarity: r.repeatOf.similarity.toFixed(2),
          })}{' '}
          — {status(r.repeatOf)}{' '}
          <Link to={`/cases/${r.repeatOf.earlierComplaintId}`}>{t('links.openEarlier')}</Link>
        </p>
      )}
      {r?.repeatOf && props.item && (
        <RepeatDecisionFor link={r.repeatOf} item={props.item} person={person} />
      )}
      {r?.repeatedBy.map((l) => (
        <p key={l.linkId} className="message info" data-testid="repeated-by">
          {t('links.repeatedBy', { id: l.complaintId })} — {status(l)}
        </p>
      ))}
      {empty && <p className="meta">{t('links.none')}</p>}
    </section>
  );
}

function RepeatDecisionFor(props: {
  link: RepeatLink;
  item: Pick<CaseItem, 'handlerId' | 'status'>;
  person: Person;
}): ReactNode {
  const choices = repeatChoices(props.link, props.person, props.item);
  if (choices.length === 0) return null;
  return <RepeatDecision complaintId={props.link.complaintId} choices={choices} />;
}
