import { FormEvent, ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseItem } from '../api/types';
import { useReassign, useWorkload } from '../api/queries';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../common/error-message';
import { DEPARTMENTS, label } from '../common/labels';

/**
 * Gives the case to another handler, with a reason (audited): supervisors within the case's
 * department, complaints officers also to another department's handler.
 */
export function ReassignForm(props: {
  item: Pick<CaseItem, 'complaintId' | 'department' | 'handlerId'>;
  compact?: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const { item } = props;
  const acrossDepartments = useAuth().person.roles.includes('complaints_officer');
  const [department, setDepartment] = useState(item.department);
  const workload = useWorkload(department, 0);
  const reassign = useReassign();
  const [handlerId, setHandlerId] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | undefined>();
  const handlers = (workload.data?.handlers ?? []).filter(
    (h) => h.active && h.handlerId !== item.handlerId && h.department === department,
  );
  const id = `reassign-${item.complaintId}`;
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    if (!handlerId || !reason.trim()) return;
    setDone(undefined);
    reassign.mutate(
      {
        complaintId: item.complaintId,
        handlerId,
        reason: reason.trim(),
        ...(department !== item.department ? { department } : {}),
      },
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
      {acrossDepartments && (
        <>
          <label htmlFor={`${id}-department`}>{t('case.reassign.department')}</label>
          <select
            id={`${id}-department`}
            value={department}
            onChange={(e) => {
              setDepartment(e.target.value);
              setHandlerId('');
            }}
          >
            {DEPARTMENTS.map((d) => (
              <option key={d} value={d}>
                {label(t, 'departments', d)}
              </option>
            ))}
          </select>
        </>
      )}
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
