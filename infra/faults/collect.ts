import { TOPICS } from '@complaints/contracts';
import {
  archivedIds,
  complaintsOutOfOrder,
  duplicateEffects,
  isKnown,
  lostComplaints,
  outOfOrder,
  redeliveredEvents,
  totalExtra,
} from './checks';
import { HealthSample } from './health-watch';
import { judgeHealth } from './health-truth';
import { Load } from './load';
import { KafkaObserver, toEventRecord } from './observe-kafka';
import { DbObserver } from './observe-db';
import { FaultWindow, Scenario, ScenarioResult, Verdict } from './scenario';
import { FaultStack, SERVICES } from './stack';
import { POISON_HEADER } from './scenarios/poison';

/** s: a scenario must be back to empty outboxes and zero lag this soon after its fault ends. */
export const RECOVERY_LIMIT_S = 60;
export const LIFECYCLE_TOPICS = Object.values(TOPICS);

export interface Collected {
  sc: Scenario;
  /** ms since epoch the scenario began */
  t0: number;
  prefix: string;
  stack: FaultStack;
  kafka: KafkaObserver;
  db: DbObserver;
  load: Load;
  fault?: FaultWindow;
  samples: HealthSample[];
  verdict: Verdict;
  recoveryS?: number;
  /** s recovery was watched for */
  recoveryWatchS: number;
  /** each service's log position at the start (ServiceRunner.mark) */
  marks: Record<string, number>;
  notes: string[];
}

/**
 * After a scenario: reads the topics and every service's tables and makes its row. What
 * cannot be read cannot be proven, so a failed read fails the scenario.
 */
export async function collect(c: Collected): Promise<ScenarioResult> {
  const {
    sc,
    t0,
    prefix,
    stack,
    kafka,
    db,
    load,
    fault,
    samples,
    verdict,
    recoveryS,
    marks,
    notes,
  } = c;

  const accepted = load.acceptedIds();
  const ids = new Set(accepted);
  let unreadable = false;
  const failed = (what: string) => (err: Error) => {
    unreadable = true;
    notes.push(`${what} failed: ${err.message}`);
    return [];
  };
  const raw = await kafka.readAll([...LIFECYCLE_TOPICS], 60_000).catch(failed('reading topics'));
  // The suite's own poison messages are no complaint's events.
  const events = raw.filter((m) => !m.headers[POISON_HEADER]).map(toEventRecord);
  const archived = archivedIds(events, TOPICS.archived);
  const mineEventIds = events
    .filter(isKnown)
    .filter((e) => ids.has(e.complaintId))
    .map((e) => e.eventId);
  const tables = await db.duplicates(accepted, prefix).catch(failed('duplicate queries'));
  const inbox = await db.inbox(mineEventIds).catch(failed('inbox query'));
  // So a clean row can be told from one that checked nothing.
  const evidence = {
    events: events.filter(isKnown).filter((e) => ids.has(e.complaintId)).length,
    inboxRows: inbox.length,
    poison: raw.length - events.length,
  };
  const lost = lostComplaints(accepted, archived);
  const duplicates = duplicateEffects(events, tables, ids);
  const order = outOfOrder(events, inbox, ids, TOPICS.archived);
  const health = fault
    ? judgeHealth(samples, {
        faultStart: fault.start,
        faultEnd: fault.end,
        impairedUntil: fault.impairedUntil,
        impaired: fault.impaired,
        because: fault.because,
        graceMs: fault.graceMs ?? 5000,
        services: [...SERVICES],
      })
    : { truthful: false, summary: 'no fault injected', said: {} };

  const refused = load.tracked.filter((t) => t.refused);
  if (refused.length) notes.push(`${refused.length} never accepted (${refused[0].refused})`);
  const journeyErrors = load.tracked.filter((t) => t.journeyError);
  if (journeyErrors.length)
    notes.push(`${journeyErrors.length} journeys gave up (${journeyErrors[0].journeyError})`);
  for (const s of SERVICES) {
    const exits = stack.services[s].unexpectedExits;
    if (exits.length) notes.push(`${s} exited unexpectedly: ${exits.splice(0).join(', ')}`);
  }
  notes.push(...(fault?.notes ?? []), ...verdict.notes);
  const recovered = recoveryS !== undefined && recoveryS <= RECOVERY_LIMIT_S && verdict.ok;
  if (recoveryS === undefined)
    notes.push(`outboxes/lag not back to 0 within ${c.recoveryWatchS} s`);
  else if (recoveryS > RECOVERY_LIMIT_S)
    notes.push(`recovered in ${recoveryS.toFixed(1)} s, over the ${RECOVERY_LIMIT_S} s bound`);
  const problems = Object.fromEntries(
    SERVICES.map((s) => [s, stack.services[s].problemsSince(marks[s])]).filter(([, p]) => p.length),
  );
  return {
    name: sc.name,
    description: sc.description,
    startedAt: new Date(t0).toISOString(),
    durationS: Math.round((Date.now() - t0) / 1000),
    accepted: accepted.length,
    archived: accepted.filter((id) => archived.has(id)).length,
    lost,
    duplicates,
    outOfOrder: order,
    outOfOrderComplaints: complaintsOutOfOrder(order),
    evidence,
    redelivered: redeliveredEvents(events.filter((e) => ids.has(e.complaintId ?? ''))),
    recoveryS,
    recovered,
    health,
    healthSamples:
      health.truthful || !fault
        ? undefined
        : samples.map((h) => [
            Math.round((h.t - (fault?.start ?? t0)) / 100) / 10,
            h.service,
            h.status,
            h.down.join(','),
          ]),
    ok: recovered && !unreadable && !lost.length && !totalExtra(duplicates) && !order.length,
    notes,
    problems,
  };
}
