import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { EnvelopeOf, EVENT_TYPES } from '@complaints/contracts';
import { ConsumerHost, Transaction } from '@complaints/messaging';
import { Clock, ROOT_LOGGER } from '@complaints/platform';

/**
 * Keeps what the deadlines service says about each complaint's clocks: the latest computed state
 * (for checks that need the deadline in force, such as an extension asked too late) and every
 * breach (the case's escalation flag). Both are keyed by complaint, so they wait for the case
 * however early they arrive; a redelivery, a replay under a new id or an older state changes
 * nothing.
 */
@Injectable()
export class DeadlineSignalsConsumer implements OnModuleInit {
  private readonly log: Logger;

  constructor(
    private readonly consumers: ConsumerHost,
    private readonly clock: Clock,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'deadline-signals-consumer' });
  }

  onModuleInit(): void {
    this.consumers.register(
      'case-deadlines',
      [EVENT_TYPES.deadlineChanged, EVENT_TYPES.deadlineBreached],
      (event, tx) =>
        event.type === EVENT_TYPES.deadlineBreached
          ? this.breached(event, tx)
          : this.changed(event, tx),
    );
  }

  async changed(event: EnvelopeOf<'complaint.deadline-changed'>, tx: Transaction): Promise<void> {
    const p = event.payload;
    await tx.manager.query(
      `INSERT INTO complaint_deadline
         (complaint_id, basis, last_event_at, policy, clocks, event_id, updated_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)
       ON CONFLICT (complaint_id) DO UPDATE SET
         basis = EXCLUDED.basis, last_event_at = EXCLUDED.last_event_at,
         policy = EXCLUDED.policy, clocks = EXCLUDED.clocks, event_id = EXCLUDED.event_id,
         updated_at = EXCLUDED.updated_at
       WHERE complaint_deadline.basis < EXCLUDED.basis`,
      [
        event.complaintId,
        p.basis,
        p.lastEventAt,
        p.policy,
        JSON.stringify(p.clocks),
        event.eventId,
        this.clock.now(),
      ],
    );
  }

  async breached(event: EnvelopeOf<'complaint.deadline-breached'>, tx: Transaction): Promise<void> {
    const p = event.payload;
    const rows: unknown[] = await tx.manager.query(
      `INSERT INTO case_breach
         (complaint_id, clock_id, clock_kind, due_at, breached_at, department, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (complaint_id, clock_id) DO NOTHING
       RETURNING clock_id`,
      [event.complaintId, p.clockId, p.clock, p.dueAt, p.breachedAt, p.department, event.eventId],
    );
    this.log.info(
      {
        eventId: event.eventId,
        correlationId: event.correlationId,
        complaintId: event.complaintId,
        clockId: p.clockId,
        department: p.department,
        flagged: rows.length > 0,
      },
      rows.length > 0 ? 'case flagged: deadline breached' : 'breach already flagged',
    );
  }
}
