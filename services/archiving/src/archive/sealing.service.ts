import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { causedBy, createEnvelope, EVENT_TYPES, EventEnvelope } from '@complaints/contracts';
import { Transaction } from '@complaints/messaging';
import { Clock, ROOT_LOGGER } from '@complaints/platform';
import { AuditRecord } from '../audit/audit-record.entity';
import { clockHistoryOf } from '../clocks/archive-clock-history.builder';
import { ClockBreachRow } from '../clocks/clock-breach.entity';
import { ClockHistoryRow } from '../clocks/clock-history.entity';
import { majorIncidentOf } from '../major/major-incident-link.consumer';
import { archivedAuditEntries } from './archive-audit.builder';
import { buildArchiveRecord } from './archive-record.builder';
import { Pseudonymiser } from './pseudonymiser';
import { SealedRecord } from './sealed-record.entity';
import { missingForSeal } from './timeline-completeness';
import { TimelineEvent } from './timeline-event.entity';

export type SealOutcome = 'sealed' | 'already_sealed' | 'incomplete';

/**
 * Seals a complaint's record once its timeline is complete, and publishes it on
 * complaints.archived.v1 in the same transaction. The caller holds the complaint's lock, so
 * the timeline read here is final for this transaction and no other can seal concurrently.
 */
@Injectable()
export class SealingService {
  private readonly logger: Logger;

  constructor(
    private readonly clock: Clock,
    private readonly pseudonymiser: Pseudonymiser,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'sealing' });
  }

  /** `cause` is the event just recorded: the archived event's causation when it completes the timeline. */
  async trySeal(tx: Transaction, cause: EventEnvelope<object>): Promise<SealOutcome> {
    const complaintId = cause.complaintId;
    const log = {
      complaintId,
      correlationId: cause.correlationId,
      eventId: cause.eventId,
      eventType: cause.type,
    };
    // Sealed already, or not closed yet (the seal needs `closed`): either way the timeline
    // need not be read, which is the case for most events.
    const [state] = (await tx.manager.query(
      `SELECT EXISTS (SELECT 1 FROM sealed_record WHERE complaint_id = $1) AS sealed,
              EXISTS (SELECT 1 FROM timeline_event WHERE complaint_id = $1 AND type = $2) AS closed`,
      [complaintId, EVENT_TYPES.closed],
    )) as { sealed: boolean; closed: boolean }[];
    if (!state.sealed && !state.closed) return 'incomplete';
    if (state.sealed) {
      // A late or re-sent event: it joins the timeline, but a sealed record never changes.
      this.logger.warn(log, 'event arrived after the record was sealed; the record is unchanged');
      return 'already_sealed';
    }
    const rows = await tx.manager.find(TimelineEvent, { where: { complaintId } });
    const events = rows.map((row) => row.toStoredEvent());
    const missing = missingForSeal(events);
    if (missing.length > 0) {
      if (events.some((e) => e.type === EVENT_TYPES.closed)) {
        this.logger.info(
          { ...log, missing },
          'closed, but the timeline is incomplete: waiting for the rest',
        );
      }
      return 'incomplete';
    }

    // The audit entries committed so far join the record; they never hold the seal back (the
    // audit consumer neither locks nor seals). Entries arriving after the seal stay in the
    // audit store only.
    const auditRows = await tx.manager.find(AuditRecord, { where: { complaintId } });
    const sealedAt = this.clock.now();
    // Likewise the clocks the deadlines service published so far (clock-history consumer).
    // And the major incident investigation linked it to, if any (major-incident-links consumer).
    // One after another: they share the transaction's connection.
    const clockState = await tx.manager.findOneBy(ClockHistoryRow, { complaintId });
    const breaches = await tx.manager.findBy(ClockBreachRow, { complaintId });
    const majorIncident = await majorIncidentOf(tx, complaintId);
    const record = buildArchiveRecord(
      events,
      sealedAt,
      archivedAuditEntries(auditRows, this.pseudonymiser),
      clockHistoryOf(clockState, breaches, events),
      majorIncident,
    );
    const archived = createEnvelope({
      type: EVENT_TYPES.archived,
      payload: record,
      occurredAt: sealedAt,
      ...causedBy(cause),
    });
    const inserted = await tx.manager
      .createQueryBuilder()
      .insert()
      .into(SealedRecord)
      .values({
        complaintId,
        record,
        sealHash: record.sealHash,
        sealedAt,
        archivedEventId: archived.eventId,
      })
      .orIgnore()
      .returning('complaint_id')
      .execute();
    if (inserted.raw.length === 0) return 'already_sealed';
    tx.publish(archived);
    this.logger.info(
      { ...log, archivedEventId: archived.eventId, events: events.length },
      'record sealed',
    );
    return 'sealed';
  }
}
