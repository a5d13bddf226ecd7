import type { ArchivedClock, ArchivedClockHistory } from '@complaints/contracts';
import { EVENT_TYPES } from '@complaints/contracts';
import type { StoredEvent } from '../archive/stored-event.types';
import { ofType } from '../archive/timeline-completeness';
import type { ClockBreachRow } from './clock-breach.entity';
import type { ClockHistoryRow, StoredClock } from './clock-history.entity';

/** The clocks an answer to the customer meets (the deadlines service's rule). */
const MET_BY_ANSWER: readonly string[] = ['decision', 'review', 'green-channel'];

const earliest = (times: string[]): string | undefined =>
  times.sort((a, b) => Date.parse(a) - Date.parse(b))[0];

/**
 * The record's clock history from the last state the deadlines service published and its
 * breaches. The answer and the closure may reach the archive before the state that reflects
 * them, so those two rules (no calendar needed) are applied here to a clock the state still
 * shows running: an answer after its start meets a decision, review or green-channel clock;
 * the closure ends the rest. A watched clock stopped after its deadline, or with a published
 * breach, is breached. Undefined when no state arrived (the record then has no history).
 */
export function clockHistoryOf(
  state: ClockHistoryRow | null,
  breaches: readonly ClockBreachRow[],
  events: readonly StoredEvent[],
): ArchivedClockHistory | undefined {
  if (!state) return undefined;
  const after = (iso: string) => Date.parse(iso) > state.lastEventAt.getTime();
  const answers = ofType(events, EVENT_TYPES.responded)
    .map((e) => e.occurredAt)
    .filter(after);
  const closedAt = earliest(
    ofType(events, EVENT_TYPES.closed)
      .map((e) => e.payload.closedAt)
      .filter(after),
  );
  return {
    policy: state.policy,
    clocks: state.clocks.map((c) =>
      archivedClock(
        c,
        answers,
        closedAt,
        breaches.find((b) => b.clockId === c.clockId),
      ),
    ),
  };
}

function archivedClock(
  stored: StoredClock,
  answers: readonly string[],
  closedAt: string | undefined,
  breach: ClockBreachRow | undefined,
): ArchivedClock {
  const c = { ...stored, pauses: stored.pauses.map((p) => ({ ...p })) };
  const running = c.status === 'open' || c.status === 'paused';
  const answer = earliest(answers.filter((a) => Date.parse(a) >= Date.parse(c.startedAt)));
  const stopAt =
    running && answer && MET_BY_ANSWER.includes(c.clock)
      ? { met: answer }
      : running && closedAt
        ? { ended: closedAt }
        : undefined;
  if (stopAt) {
    const at = stopAt.met ?? stopAt.ended;
    const open = c.pauses[c.pauses.length - 1];
    if (open && !open.to) open.to = at;
    if (stopAt.met) Object.assign(c, { status: 'met', metAt: stopAt.met });
    else Object.assign(c, { status: 'ended', endedAt: stopAt.ended, endReason: 'closed' });
  }
  const stoppedAt = c.metAt ?? c.endedAt;
  const late =
    c.dueAt !== undefined && stoppedAt !== undefined && Date.parse(stoppedAt) > Date.parse(c.dueAt);
  const outcome = !c.watched
    ? 'unwatched'
    : breach || late
      ? 'breached'
      : c.status === 'met'
        ? 'met'
        : 'ended';
  return {
    clockId: c.clockId,
    clock: c.clock,
    round: c.round,
    startedAt: c.startedAt,
    periodDays: c.periodDays,
    periodHours: c.periodHours,
    ...(c.dueAt ? { dueAt: c.dueAt } : {}),
    outcome,
    ...(c.metAt ? { metAt: c.metAt } : {}),
    ...(c.endedAt ? { endedAt: c.endedAt } : {}),
    ...(c.endReason ? { endReason: c.endReason } : {}),
    ...(breach ? { breachedAt: breach.breachedAt.toISOString() } : {}),
    extensions: c.extensions,
    pauses: c.pauses,
  };
}
