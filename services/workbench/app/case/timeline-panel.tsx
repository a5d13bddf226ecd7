import { FormEvent, ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { can } from '../auth/session';
import type { CaseDetail } from '../api/types';
import { useAddNote } from '../api/queries';
import { ErrorMessage } from '../common/error-message';
import { label } from '../common/labels';
import { formatDateTime } from '../common/time-left';

interface Entry {
  at: string;
  title: string;
  body?: string;
  kind: string;
}

/** The case's story, oldest first: opened, notes, decisions, reopenings. */
export function TimelinePanel(props: { item: CaseDetail }): ReactNode {
  const { t, i18n } = useTranslation();
  const { person } = useAuth();
  const { item } = props;
  const addNote = useAddNote(item.complaintId);
  const [body, setBody] = useState('');
  const [saved, setSaved] = useState(false);
  const entries: Entry[] = [
    {
      at: item.openedAt,
      kind: 'opened',
      title: t('case.timeline.opened', { handler: item.handlerId }),
    },
    ...item.notes.map((n) => ({
      at: n.createdAt,
      kind: 'note',
      title: t('case.timeline.note', { author: n.author }),
      body: n.body,
    })),
    ...item.decisions.map((d) => ({
      at: d.decidedAt,
      kind: 'decision',
      title: t('case.timeline.decided', {
        by: d.decidedBy,
        outcome: label(t, 'outcomes', d.outcome),
      }),
      body: `${d.summary}\n${d.rootCause}${d.remedy ? `\n${d.remedy}` : ''}`,
    })),
    ...(item.reopenedAt
      ? [{ at: item.reopenedAt, kind: 'reopened', title: t('case.timeline.reopened') }]
      : []),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const mayNote =
    person.roles.includes('supervisor') ||
    person.roles.includes('complaints_officer') ||
    (can.note(person) && item.handlerId === person.username);
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    if (!body.trim()) return;
    setSaved(false);
    addNote.mutate(body.trim(), {
      onSuccess: () => {
        setBody('');
        setSaved(true);
      },
    });
  };
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('case.timeline.title')}</h2>
      <ol className="timeline" data-testid="timeline">
        {entries.map((e, i) => (
          <li key={`${e.kind}-${i}`} className={e.kind}>
            <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time>{' '}
            <strong>{e.title}</strong>
            {e.body && <p className="text">{e.body}</p>}
          </li>
        ))}
      </ol>
      {mayNote && (
        <form onSubmit={onSubmit}>
          <label htmlFor="note">{t('case.timeline.add')}</label>
          <textarea
            id="note"
            rows={2}
            value={body}
            placeholder={t('case.timeline.placeholder')}
            onChange={(e) => setBody(e.target.value)}
          />
          <ErrorMessage error={addNote.error} />
          {saved && (
            <p className="message success" role="status">
              {t('case.timeline.added')}
            </p>
          )}
          <button type="submit" disabled={addNote.isPending || !body.trim()}>
            {t('case.timeline.add')}
          </button>
        </form>
      )}
    </section>
  );
}
