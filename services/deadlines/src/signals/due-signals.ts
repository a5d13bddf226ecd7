import type { ClockPolicy } from '../policy/clock-policy';
import type { ClockRecord, ComplaintClocks } from '../clocks/clock-state';

const MINUTE_MS = 60_000;

export interface DueSignal {
  /** unique per complaint: a signal with the same key is published once, ever */
  key: string;
  kind: 'warning' | 'breach';
  clock: ClockRecord;
  /** minutes before the deadline (warnings) */
  leadMinutes?: number;
}

export interface SignalCheck {
  due: DueSignal[];
  /** when the next signal falls due if nothing changes; undefined: none will */
  nextCheckAt?: Date;
}

function leads(policy: ClockPolicy, state: ComplaintClocks): readonly number[] {
  return state.greenChannel ? policy.greenWarningLeadMinutes : policy.warningLeadMinutes;
}

/**
 * The warnings and breaches due at `now`. A warning is keyed by the clock, its period (so an
 * extension's new deadline is warned about again) and its lead time; a breach by the clock
 * alone: once per clock. A clock met after its deadline is a breach too. Paused clocks have
 * no deadline, so nothing falls due while they are paused.
 */
export function dueSignals(policy: ClockPolicy, state: ComplaintClocks, now: Date): SignalCheck {
  const due: DueSignal[] = [];
  let next: number | undefined;
  const at = now.getTime();
  const later = (t: number) => (next = next === undefined ? t : Math.min(next, t));
  for (const clock of state.clocks) {
    if (!clock.watched || !clock.dueAt) continue;
    const deadline = Date.parse(clock.dueAt);
    if (clock.status === 'met') {
      if (clock.metAt && Date.parse(clock.metAt) > deadline)
        due.push({ key: `${clock.id}:breach`, kind: 'breach', clock });
      continue;
    }
    if (clock.status !== 'open') continue;
    if (at >= deadline) {
      due.push({ key: `${clock.id}:breach`, kind: 'breach', clock });
      continue;
    }
    later(deadline);
    for (const lead of leads(policy, state)) {
      const from = deadline - lead * MINUTE_MS;
      if (at >= from)
        due.push({
          key: `${clock.id}:${clock.periodDays}d${clock.periodHours}h:warning:${lead}`,
          kind: 'warning',
          clock,
          leadMinutes: lead,
        });
      else later(from);
    }
  }
  return { due, ...(next !== undefined ? { nextCheckAt: new Date(next) } : {}) };
}
