import type { TFunction } from 'i18next';
import type { CaseBreach } from '../api/types';
import { formatDateTime } from './time-left';

/** Each breached clock and its deadline, in the person's language. */
export function breachDetails(
  t: TFunction,
  breaches: readonly CaseBreach[],
  language: string,
): string {
  return breaches
    .map((b) =>
      t('breach.detail', {
        clock: t(`breach.clocks.${b.clock}`),
        due: formatDateTime(b.dueAt, language),
      }),
    )
    .join('; ');
}
