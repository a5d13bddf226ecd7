import type { ClockPolicy } from '../policy/clock-policy';
import { addDays, DAY_MS, localDate, startOfLocalDay } from '../policy/local-days';
import { HolidayCalendar, isWorkingDay } from '../policy/working-days';
import type { ClockRecord } from './clock-state';

const HOUR_MS = 60 * 60 * 1000;
/** A deadline never moves more than this many days for holidays (Spring Festival is 9). */
const MAX_HOLIDAY_SHIFT_DAYS = 31;

/**
 * When a clock's period ends. Day periods count natural days in the insurer's time zone from
 * the day after the start (the start day is not counted) and end at local midnight after the
 * last day; hour periods count hours from the start. Paused time is added back in full, and
 * with the policy's holiday switch on, a deadline whose last day is not a working day runs to
 * the end of the next working day.
 */
export class DeadlineCalculator {
  constructor(
    private readonly policy: ClockPolicy,
    private readonly timeZone: string,
    private readonly calendar: HolidayCalendar,
  ) {}

  /** ISO UTC, or undefined while the clock is paused (it has no deadline then). */
  dueAt(clock: ClockRecord): string | undefined {
    if (clock.pausedSince) return undefined;
    const start = Date.parse(clock.startedAt);
    const base =
      clock.periodHours > 0
        ? start + clock.periodHours * HOUR_MS
        : this.policy.testDayMs
          ? start + clock.periodDays * this.policy.testDayMs
          : startOfLocalDay(
              addDays(localDate(start, this.timeZone), clock.periodDays + 1),
              this.timeZone,
            );
    return new Date(this.onWorkingDay(base + clock.pausedMs)).toISOString();
  }

  private onWorkingDay(due: number): number {
    if (!this.policy.holidaysExtendDeadline) return due;
    let shifted = due;
    for (let i = 0; i < MAX_HOLIDAY_SHIFT_DAYS; i++) {
      // The last day of the period is the day of the instant just before the deadline.
      if (isWorkingDay(localDate(shifted - 1, this.timeZone), this.calendar)) return shifted;
      shifted += DAY_MS;
    }
    return shifted;
  }
}
