import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseItem } from '../api/types';
import { breachDetails } from './breach-words';

/**
 * The escalation flag of a case whose deadline passed unmet (investigation's `breached`), with
 * each breached clock and its deadline beside it and in the tooltip.
 */
export function BreachBadge({
  item,
}: {
  item: Pick<CaseItem, 'breached' | 'breaches'>;
}): ReactNode {
  const { t, i18n } = useTranslation();
  if (!item.breached) return null;
  const details = breachDetails(t, item.breaches ?? [], i18n.language);
  return (
    <span className="badge breached" data-testid="breached-badge" title={details}>
      {t('breach.badge')}
      {details && <span className="breach-details"> · {details}</span>}
    </span>
  );
}
