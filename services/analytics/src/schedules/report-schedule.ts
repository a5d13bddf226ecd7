import { localDate, Period, PeriodKind, periodOf } from '../read-models/periods';

export const SCHEDULE_KINDS = { monthly: 'month', quarterly: 'quarter', yearly: 'year' } as const;
export type ScheduleKind = keyof typeof SCHEDULE_KINDS;

/**
 * The periods of a kind whose reports are due at `now`: from the one holding the day scheduling
 * started up to the last that closed at least `delayHours` ago (a period closes at local
 * midnight of its `to` date). Oldest first.
 */
export function duePeriods(
  kind: PeriodKind,
  startedAt: Date,
  now: Date,
  delayHours: number,
  timeZone: string,
): Period[] {
  const today = localDate(new Date(now.getTime() - delayHours * 3_600_000), timeZone);
  const due: Period[] = [];
  for (let p = periodOf(kind, localDate(startedAt, timeZone)); p.to <= today; ) {
    due.push(p);
    p = periodOf(kind, p.to);
  }
  return due;
}

/** `monthly,yearly` as its kinds, in the order given, without repeats. */
export const scheduleKinds = (list: string): ScheduleKind[] =>
  [...new Set(list.split(',').filter(Boolean))] as ScheduleKind[];
