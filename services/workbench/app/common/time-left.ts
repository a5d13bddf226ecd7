import type { TFunction } from 'i18next';

const HOUR = 3_600_000;

/** ms until the due time (negative: overdue). */
export function msLeft(dueAt: string, now: number = Date.now()): number {
  return new Date(dueAt).getTime() - now;
}

/** "剩余 3 天 4 小时", "已超期 2 小时 5 分"; under a day in hours and minutes. */
export function timeLeftText(t: TFunction, dueAt: string, now: number = Date.now()): string {
  const left = msLeft(dueAt, now);
  const abs = Math.abs(left);
  const days = Math.floor(abs / (24 * HOUR));
  const hours = Math.floor((abs % (24 * HOUR)) / HOUR);
  const minutes = Math.floor((abs % HOUR) / 60_000);
  const short = days === 0;
  if (left >= 0) {
    return short ? t('time.leftHours', { hours, minutes }) : t('time.left', { days, hours });
  }
  return short ? t('time.overdueHours', { hours, minutes }) : t('time.overdue', { days, hours });
}

/** For colour: overdue, under a day, under three days, else plenty. */
export function urgency(
  dueAt: string,
  now: number = Date.now(),
): 'overdue' | 'day' | 'soon' | 'ok' {
  const left = msLeft(dueAt, now);
  if (left < 0) return 'overdue';
  if (left < 24 * HOUR) return 'day';
  if (left < 72 * HOUR) return 'soon';
  return 'ok';
}

export function formatDateTime(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}
