import { FormEvent, ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseItem } from '../api/types';
import { useReassign, useWorkload } from '../api/queries';
import { ErrorMessage } from '../common/error-message';

/** Gives the case to another handler of its department, with a reason (audited). */
export function ReassignForm(props: {
  item: Pick<CaseItem, 'complaintId' | 'department' | 'handlerId'>;
  compact?: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const { item } = props;
  const workload = useWorkload(item.department, 0);
  const reassign = useReassign();
  const [handlerId, setHandlerId] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | undefined>();
  const handlers = (workload.data?.handlers ?? []).filter(
    (h) => h.active && h.handlerId !== item.handlerId && h.department === item.department,
  );
  const id = `reassign-${item.complaintId}`;
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    if (!handlerId || !reason.trim()) return;
    setDone(undefined);
    reassign.mutate(
      { complaintId: item.complaintId, handlerId, reason: reason.trim() },
      { onSuccess: () => setDone(handlerId) },
    );
  };
  return (
    <form
      className={props.compact ? 'reassign compact' : 'panel reassign'}
      onSubmit={onSubmit}
      data-testid="reassign"
    >
      {!props.compact && <h2>{t('case.reassign.title')}</h2>}
      <label htmlFor={`${id}-handler`}>{t('case.reassign.handler')}</label>
      <select id={`${id}-handler`} value={handlerId} onChange={(e) => setHandlerId(e.target.value)}>
        <option value="">{t('case.reassign.choose')}</option>
        {handlers.map((h) => (
          <option key={h.handlerId} value={h.handlerId}>
            {h.handlerId} ({h.openCases}/{h.maxOpenCases})
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-reason`}>{t('case.reassign.reason')}</label>
      <input
        id={`${id}-reason`}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={2000}
      />
      <ErrorMessage error={workload.error ?? reassign.error} />
      {done && (
        <p className="message success" role="status">
          {t('case.reassign.done', { handler: done })}
        </p>
      )}
      <button type="submit" disabled={reassign.isPending || !handlerId || !reason.trim()}>
        {t('case.reassign.submit')}
      </button>
    </form>
  );
}
