import { Injectable, OnModuleInit } from '@nestjs/common';
import { EnvelopeOf, EVENT_TYPES } from '@complaints/contracts';
import { ConsumerHost, Transaction } from '@complaints/messaging';
import { Pseudonymiser } from '../archive/pseudonymiser';
import { StoredClock } from './clock-history.entity';

/**
 * Keeps the clocks and breaches the deadlines service publishes, for the sealed record. Staff
 * subjects become keyed pseudonyms before anything is stored. Neither event holds the seal back
 * nor seals: what has arrived when the timeline completes joins the record (an older state or a
 * repeated breach changes nothing).
 */
@Injectable()
export class ClockHistoryConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: ConsumerHost,
    private readonly pseudonymiser: Pseudonymiser,
  ) {}

  onModuleInit(): void {
    this.consumers.register(
      'clock-history',
      [EVENT_TYPES.deadlineChanged, EVENT_TYPES.deadlineBreached],
      (event, tx) =>
        event.type === EVENT_TYPES.deadlineBreached
          ? this.breached(event, tx)
          : this.changed(event, tx),
    );
  }

  async changed(event: EnvelopeOf<'complaint.deadline-changed'>, tx: Transaction): Promise<void> {
    const p = event.payload;
    // Field by field: only what the record shows is kept.
    const clocks: StoredClock[] = p.clocks.map((c) => ({
      clockId: c.clockId,
      clock: c.clock,
      round: c.round,
      startedAt: c.startedAt,
      periodDays: c.periodDays,
      periodHours: c.periodHours,
      ...(c.dueAt ? { dueAt: c.dueAt } : {}),
      status: c.status,
      ...(c.metAt ? { metAt: c.metAt } : {}),
      ...(c.endedAt ? { endedAt: c.endedAt } : {}),
      ...(c.endReason ? { endReason: c.endReason } : {}),
      watched: c.watched,
      extensions: c.extensions.map((e) => ({
        kind: e.kind,
        status: e.status,
        requestedAt: e.requestedAt,
        ...(e.decidedAt ? { decidedAt: e.decidedAt } : {}),
        ...(e.refusalCode ? { refusalCode: e.refusalCode } : {}),
        requesterRef: this.pseudonymiser.person(e.requestedBy),
        ...(e.decidedBy ? { approverRef: this.pseudonymiser.person(e.decidedBy) } : {}),
      })),
      pauses: c.pauses.map((x) => ({ kind: x.kind, from: x.from, ...(x.to ? { to: x.to } : {}) })),
    }));
    await tx.manager.query(
      `INSERT INTO clock_history (complaint_id, basis, last_event_at, policy, clocks, event_id)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6)
       ON CONFLICT (complaint_id) DO UPDATE SET
         basis = EXCLUDED.basis, last_event_at = EXCLUDED.last_event_at,
         policy = EXCLUDED.policy, clocks = EXCLUDED.clocks, event_id = EXCLUDED.event_id
       WHERE clock_history.basis < EXCLUDED.basis`,
      [event.complaintId, p.basis, p.lastEventAt, p.policy, JSON.stringify(clocks), event.eventId],
    );
  }

  async breached(event: EnvelopeOf<'complaint.deadline-breached'>, tx: Transaction): Promise<void> {
    const p = event.payload;
    await tx.manager.query(
      `INSERT INTO clock_breach (complaint_id, clock_id, due_at, breached_at, event_id)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (complaint_id, clock_id) DO NOTHING`,
      [event.complaintId, p.clockId, p.dueAt, p.breachedAt, event.eventId],
    );
  }
}
