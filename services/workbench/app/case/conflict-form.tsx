import { FormEvent, ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseItem } from '../api/types';
import { useDeclareConflict } from '../api/queries';
import { ErrorMessage } from '../common/error-message';

/**
 * The assigned handler declares a conflict of interest, with what the interest is (audited):
 * investigation recuses them for good and gives the case to a colleague, shown here. Once the
 * case is someone else's the form goes; the reassignment stays on the page.
 */
export function ConflictForm(props: {
  item: Pick<CaseItem, 'complaintId' | 'handlerId'>;
  mine: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const declare = useDeclareConflict(props.item.complaintId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [movedTo, setMovedTo] = useState<string | undefined>();
  if (movedTo) {
    return (
      <p className="message success" role="status" data-testid="conflict-declared">
        {t('conflict.done', { handler: movedTo })}
      </p>
    );
  }
  if (!props.mine) return null;
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    declare.mutate(reason.trim(), { onSuccess: (moved) => setMovedTo(moved.handlerId) });
  };
  const id = `conflict-${props.item.complaintId}`;
  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="conflict">
      <h2 id={`${id}-title`}>{t('conflict.title')}</h2>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          {t('conflict.open')}
        </button>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <p className="meta">{t('conflict.lead')}</p>
          <label htmlFor={`${id}-reason`}>{t('conflict.reason')}</label>
          <textarea
            id={`${id}-reason`}
            rows={3}
            value={reason}
            maxLength={2000}
            onChange={(e) => setReason(e.target.value)}
          />
          <ErrorMessage error={declare.error} />
          <button type="submit" className="primary" disabled={declare.isPending}>
            {t('conflict.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
