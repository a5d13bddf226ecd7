import { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../common/error-message';

/** investigation's RepeatLinkDto and CaseRepeatsDto: the fields shown. */
interface RepeatLink {
  linkId: string;
  complaintId: string;
  earlierComplaintId: string;
  similarity: number;
  status: 'proposed' | 'merged' | 'restarted' | 'split';
}
interface CaseRepeats {
  repeatOf?: RepeatLink;
  repeatedBy: RepeatLink[];
}
/** investigation's CaseMajorIncidentDto: the fields shown. */
interface CaseMajorIncident {
  flagged: boolean;
  incident?: { incidentId: string; trigger: string; complainantCount: number };
}

/** Repeat links and the major-incident flag of a case (investigation's repeats and major APIs). */
export function LinksPanel(props: { complaintId: string }): ReactNode {
  const { t } = useTranslation();
  const { api } = useAuth();
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
          — {status(r.repeatOf)}
        </p>
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
