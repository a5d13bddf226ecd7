import { Clock } from '@complaints/platform';
import { localDate, parsePeriod, Period, periodOf } from './periods';

/** The period asked for (already validated by its DTO), else the current quarter in the zone. */
export function periodOrCurrent(id: string | undefined, clock: Clock, timeZone: string): Period {
  if (id) {
    const parsed = parsePeriod(id);
    if (parsed) return parsed;
  }
  return periodOf('quarter', localDate(clock.now(), timeZone));
}
