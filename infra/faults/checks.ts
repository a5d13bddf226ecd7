/**
 * What a scenario's collected data says: lost complaints, duplicated effects, events out of
 * order. Pure functions over what observe-*.ts read from the broker and the databases.
 */
import { EVENT_TYPES } from '@complaints/contracts';

/** One message read from a topic of the private broker, its envelope parsed where it is one. */
export interface EventRecord {
  topic: string;
  partition: number;
  /** decimal string (Kafka offsets are 64-bit) */
  offset: string;
  key: string | null;
  eventId?: string;
  type?: string;
  complaintId?: string;
  occurredAt?: string;
  causationId?: string | null;
  /** The envelope's producer: topics most services write to (the audit trail) order per producer. */
  producer?: string;
  /** payload.round, or payload.reopenCount on reopened events */
  round?: number;
  /**
   * What kind of effect an event of a topic with several kinds per complaint is (payload.action,
   * and payload.step: a major incident's `raised`, `linked`, `step-done:<step>`); one cause may
   * have one effect of each kind.
   */
  kind?: string;
  /** complaints.archived.v1 only: the stages of the sealed timeline, in the record's order */
  stages?: string[];
  /** complaints.archived.v1 only: decisions in the record (one per round) */
  decisions?: number;
}

/** A record whose envelope named its event and complaint. */
export type KnownEvent = EventRecord & { eventId: string; complaintId: string };

export function isKnown(e: EventRecord): e is KnownEvent {
  return !!e.eventId && !!e.complaintId;
}

/** One row of a consumer's inbox: when its group applied (or dead-lettered) an event. */
export interface InboxRow {
  group: string;
  topic: string;
  partition: number;
  offset: string;
  eventId: string;
  /** microseconds since epoch, as a decimal string (clock_timestamp() of the claim) */
  processedUs: string;
}

/** A group of rows in a service's own tables that should be one row (from observe-db.ts). */
export interface TableDuplicate {
  /** e.g. "investigation.case_decision per case and round" */
  what: string;
  key: string;
  count: number;
}

export interface DuplicateFinding {
  what: string;
  key: string;
  /** effects beyond the one there should be */
  extra: number;
}

export interface OrderFinding {
  complaintId: string;
  what: string;
}

/** Accepted complaints with no sealed record on complaints.archived.v1. */
export function lostComplaints(
  acceptedIds: readonly string[],
  archivedIds: ReadonlySet<string>,
): string[] {
  return acceptedIds.filter((id) => !archivedIds.has(id));
}

/** Complaint ids with a record on the archived topic. */
export function archivedIds(events: readonly EventRecord[], archivedTopic: string): Set<string> {
  return new Set(
    events
      .filter(isKnown)
      .filter((e) => e.topic === archivedTopic)
      .map((e) => e.complaintId),
  );
}

/**
 * Duplicated effects. In the services' tables: every group of rows that should be one (a
 * second case, decision, letter, survey, classification, sealed record, timeline entry).
 * On the topics: two or more *different* events (distinct eventIds) for one effect, which is
 * the same topic, complaint, round, cause and kind (`kind`: a major incident raised and the
 * complaint linked to it are two effects of one routed event). The same event delivered twice (one eventId at
 * two offsets, after a relay crash between publish and mark) is at-least-once delivery that
 * consumers absorb, not a duplicated effect, and is not counted here. One fault may show in
 * several places (classification routing twice is a second routed event, and archiving then
 * records both): each service's extra effect counts once.
 */
export function duplicateEffects(
  events: readonly EventRecord[],
  tables: readonly TableDuplicate[],
  complaintIds: ReadonlySet<string>,
): DuplicateFinding[] {
  const findings: DuplicateFinding[] = tables
    .filter((t) => t.count > 1)
    .map((t) => ({ what: t.what, key: t.key, extra: t.count - 1 }));
  const effects = new Map<string, Set<string>>();
  for (const e of events) {
    if (!e.eventId || !e.complaintId || !complaintIds.has(e.complaintId)) continue;
    // Every audit entry is an effect of its own (two reads of a case are two entries).
    if (e.type === EVENT_TYPES.audited) continue;
    const effect = [
      e.topic,
      e.complaintId,
      e.round ?? '-',
      e.causationId ?? '-',
      e.kind ?? '-',
    ].join(' ');
    const ids = effects.get(effect) ?? new Set<string>();
    ids.add(e.eventId);
    effects.set(effect, ids);
  }
  for (const [effect, ids] of effects) {
    if (ids.size > 1)
      findings.push({ what: 'distinct events for one effect', key: effect, extra: ids.size - 1 });
  }
  return findings;
}

/** Redeliveries: one eventId at more than one offset of a topic (counted, not judged). */
export function redeliveredEvents(events: readonly EventRecord[]): number {
  const seen = new Map<string, number>();
  for (const e of events) {
    if (!e.eventId) continue;
    const k = `${e.topic} ${e.eventId}`;
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return [...seen.values()].reduce((sum, n) => sum + (n > 1 ? n - 1 : 0), 0);
}

/** The stages of a sealed timeline, in causal order, for a complaint decided in `rounds` rounds. */
export function expectedStages(rounds: number): string[] {
  const stages = ['received', 'routed'];
  for (let r = 1; r <= rounds; r++) {
    if (r > 1) stages.push('reopened');
    stages.push('investigated', 'responded', 'feedback_received');
  }
  stages.push('closed');
  return stages;
}

/**
 * Events out of order, per complaint, three ways:
 *
 * 1. On each topic, per key (= complaint) and producer, offsets must follow causal order: a later offset may
 *    not carry an earlier round, an earlier occurredAt, or an ancestor (by causationId) of an
 *    event at an earlier offset. This is the relay's promise (outbox in commit order, one
 *    publisher per schema, idempotent producer).
 * 2. Each consumer group must apply a complaint's events of one partition in offset order:
 *    the inbox's claim times (clock_timestamp()), sorted by offset, may not go back. This is
 *    the consumer's promise, across crashes, rebalances and retries.
 * 3. The sealed archive record's timeline must list the stages in causal order (received,
 *    routed, then per round investigated, responded, feedback_received, reopened between
 *    rounds, then closed). The archive sorts by occurredAt, so an effect stamped before its
 *    cause shows here. Records missing or repeating a stage are left to the other counts.
 */
export function outOfOrder(
  events: readonly EventRecord[],
  inbox: readonly InboxRow[],
  complaintIds: ReadonlySet<string>,
  archivedTopic: string,
): OrderFinding[] {
  const findings: OrderFinding[] = [];
  const mine = events.filter(isKnown).filter((e) => complaintIds.has(e.complaintId));
  const byId = new Map<string, KnownEvent>();
  for (const e of mine) if (!byId.has(e.eventId)) byId.set(e.eventId, e);

  const isAncestor = (ancestor: string, of: EventRecord): boolean => {
    let cause = of.causationId;
    for (let hops = 0; cause && hops < 50; hops++) {
      if (cause === ancestor) return true;
      cause = byId.get(cause)?.causationId;
    }
    return false;
  };

  const perTopicKey = new Map<string, KnownEvent[]>();
  for (const e of byId.values()) {
    // Order is each producer's promise: on the audit topic several services write one key.
    const k = `${e.topic} ${e.complaintId} ${e.producer ?? ''}`;
    perTopicKey.set(k, [...(perTopicKey.get(k) ?? []), e]);
  }
  for (const list of perTopicKey.values()) {
    list.sort((a, b) => cmpOffset(a.offset, b.offset));
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1], list[i]];
      const why =
        (b.round ?? 0) < (a.round ?? 0)
          ? `round ${b.round} after round ${a.round}`
          : Date.parse(b.occurredAt ?? '') < Date.parse(a.occurredAt ?? '')
            ? 'occurredAt goes back'
            : isAncestor(b.eventId, a)
              ? 'a cause after its effect'
              : undefined;
      if (why)
        findings.push({
          complaintId: a.complaintId,
          what: `${a.topic} offsets ${a.offset}, ${b.offset}: ${why}`,
        });
    }
  }

  const perGroupPartition = new Map<string, { row: InboxRow; complaintId: string }[]>();
  for (const row of inbox) {
    const complaintId = byId.get(row.eventId)?.complaintId;
    if (!complaintId) continue;
    const k = `${row.group} ${row.topic} ${row.partition} ${complaintId}`;
    perGroupPartition.set(k, [...(perGroupPartition.get(k) ?? []), { row, complaintId }]);
  }
  for (const list of perGroupPartition.values()) {
    list.sort((a, b) => cmpOffset(a.row.offset, b.row.offset));
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1].row, list[i].row];
      if (BigInt(b.processedUs) < BigInt(a.processedUs)) {
        findings.push({
          complaintId: list[i].complaintId,
          what: `${a.group} applied ${a.topic} offset ${b.offset} before offset ${a.offset}`,
        });
      }
    }
  }

  for (const e of mine) {
    if (e.topic !== archivedTopic || !e.stages) continue;
    const want = expectedStages(Math.max(1, e.decisions ?? 1));
    const sameSet = [...e.stages].sort().join() === [...want].sort().join();
    if (sameSet && e.stages.join() !== want.join()) {
      findings.push({
        complaintId: e.complaintId,
        what: `sealed timeline ${e.stages.join(' > ')}`,
      });
    }
  }
  return findings;
}

/** Complaints with at least one order finding. */
export function complaintsOutOfOrder(findings: readonly OrderFinding[]): number {
  return new Set(findings.map((f) => f.complaintId)).size;
}

export function totalExtra(findings: readonly DuplicateFinding[]): number {
  return findings.reduce((sum, f) => sum + f.extra, 0);
}

function cmpOffset(a: string, b: string): number {
  const d = BigInt(a) - BigInt(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
