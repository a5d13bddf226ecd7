import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { AnyEventEnvelope, EVENT_TYPES } from '@complaints/contracts';
import { PermanentEventError, Transaction } from '@complaints/messaging';
import { ROOT_LOGGER } from '@complaints/platform';
import { sanitiseLifecycleEvent } from './event-sanitiser';
import { Pseudonymiser } from './pseudonymiser';
import { SealingService, SealOutcome } from './sealing.service';

/**
 * Advisory-lock namespace of the per-complaint lock ('ARCH'). The second key is a hash of the
 * complaint id; a collision only makes two complaints wait for each other.
 */
const COMPLAINT_LOCK_NAMESPACE = 0x41524348;

/**
 * Records each lifecycle event in the complaint's timeline, pseudonymised, and tries to seal.
 * Events of one complaint arrive on seven topics, possibly handled at once by several
 * instances: without a lock two transactions could each miss the other's uncommitted event
 * and neither would seal. The per-complaint lock serialises them, so whichever commits last
 * sees the complete timeline.
 */
@Injectable()
export class TimelineRecorder {
  private readonly logger: Logger;

  constructor(
    private readonly pseudonymiser: Pseudonymiser,
    private readonly sealing: SealingService,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'timeline' });
  }

  async record(event: AnyEventEnvelope, tx: Transaction): Promise<SealOutcome> {
    if (event.type === EVENT_TYPES.archived) {
      throw new PermanentEventError(
        'ARCHIVE.NOT_LIFECYCLE',
        'the archive records lifecycle events only',
      );
    }
    const stored = sanitiseLifecycleEvent(event, this.pseudonymiser);
    // One round trip keeps the event (once, whatever the redeliveries) and takes the
    // complaint's lock; the seal check reads after it, in a statement of its own, so it sees
    // what the transaction that held the lock before committed.
    await tx.manager.query(
      `WITH kept AS (
         INSERT INTO timeline_event (event_id, complaint_id, type, version, occurred_at,
           producer, correlation_id, causation_id, payload)
         VALUES ($3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb) ON CONFLICT (event_id) DO NOTHING
       )
       SELECT pg_advisory_xact_lock($1::int, hashtext($2))`,
      [
        COMPLAINT_LOCK_NAMESPACE,
        // Twice: a parameter has one type, text for the lock's hash and uuid for the column.
        event.complaintId,
        stored.eventId,
        stored.complaintId,
        stored.type,
        stored.version,
        stored.occurredAt,
        stored.producer,
        stored.correlationId,
        stored.causationId,
        JSON.stringify(stored.payload),
      ],
    );
    this.logger.debug(
      {
        complaintId: event.complaintId,
        correlationId: event.correlationId,
        eventId: event.eventId,
        eventType: event.type,
      },
      'event recorded in the timeline',
    );
    return this.sealing.trySeal(tx, event);
  }
}
