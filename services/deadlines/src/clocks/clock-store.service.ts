import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AnyEventEnvelope, EnvelopeOf, EVENT_TYPES } from '@complaints/contracts';
import { Clock } from '@complaints/platform';
import { ClockPolicies } from '../policy/clock-policy.service';
import { clockFacts } from './clock-inputs';
import type { ClockInput, ComplaintClocks } from './clock-state';
import { ClockEvent } from './clock-event.entity';
import { clocksView, deadlineChangedEvent } from './deadline-changed';
import { ComplaintClocksRow } from './complaint-clocks.entity';

/**
 * Keeps each complaint's events and the clocks computed from all of them. Every event
 * recomputes the complaint from its whole log, so arrival order never matters and a replay
 * gives the same clocks.
 */
@Injectable()
export class ClockStore {
  constructor(
    private readonly policies: ClockPolicies,
    private readonly clock: Clock,
  ) {}

  /**
   * Keeps the event and recomputes the complaint. With `publish`, a change of the clocks (once
   * the receipt is known) goes out as complaints.deadline-changed.v1 in the same transaction.
   */
  async record(
    event: AnyEventEnvelope,
    manager: EntityManager,
    publish?: (changed: EnvelopeOf<'complaint.deadline-changed'>) => void,
  ): Promise<ComplaintClocks> {
    // A redelivered event (or the same one on replay) is kept once.
    await manager.query(
      `INSERT INTO clock_event (event_id, complaint_id, type, occurred_at, payload)
       VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT (event_id) DO NOTHING`,
      [
        event.eventId,
        event.complaintId,
        event.type,
        event.occurredAt,
        JSON.stringify(clockFacts(event)),
      ],
    );
    return this.recompute(event.complaintId, manager, publish ? { event, publish } : undefined);
  }

  async recompute(
    complaintId: string,
    manager: EntityManager,
    changes?: {
      event: AnyEventEnvelope;
      publish: (changed: EnvelopeOf<'complaint.deadline-changed'>) => void;
    },
  ): Promise<ComplaintClocks> {
    const existing = await manager.findOne(ComplaintClocksRow, {
      where: { complaintId },
      lock: { mode: 'pessimistic_write' },
    });
    const events = await this.events(complaintId, manager);
    // Chosen when the receipt is known, and kept: a complaint's deadlines never change policy.
    const received = events.find((e) => e.type === EVENT_TYPES.received);
    const policy =
      existing && existing.state !== 'waiting'
        ? existing.policy
        : this.policies.keyFor(received ? String(received.payload['callerSystem']) : undefined);
    const clocks = this.policies.engine(policy).compute(complaintId, events);
    const dues = clocks.clocks
      .filter((c) => c.watched && c.dueAt && c.status === 'open')
      .map((c) => Date.parse(c.dueAt as string));
    await manager.save(ComplaintClocksRow, {
      complaintId,
      policy,
      state: clocks.state,
      department: clocks.department,
      greenChannel: clocks.greenChannel,
      clocks,
      nextDueAt: dues.length > 0 ? new Date(Math.min(...dues)) : null,
      // The sweep looks at once: a late answer may be a breach, a new deadline may be near.
      nextCheckAt: this.clock.now(),
      breached: existing?.breached ?? false,
      eventCount: events.length,
      updatedAt: this.clock.now(),
    });
    if (changes && clocks.state !== 'waiting') {
      const rules = this.policies.policy(policy);
      const before = existing && existing.state !== 'waiting' ? existing.clocks : undefined;
      const changed =
        !before ||
        before.state !== clocks.state ||
        before.department !== clocks.department ||
        JSON.stringify(clocksView(rules, before)) !== JSON.stringify(clocksView(rules, clocks));
      if (changed) {
        const lastEventAt = new Date(Math.max(...events.map((e) => Date.parse(e.occurredAt))));
        changes.publish(
          deadlineChangedEvent(
            changes.event,
            rules,
            clocks,
            events.length,
            lastEventAt.toISOString(),
            this.clock.now(),
          ),
        );
      }
    }
    return clocks;
  }

  async events(complaintId: string, manager: EntityManager): Promise<ClockInput[]> {
    const rows = await manager.find(ClockEvent, { where: { complaintId } });
    return rows.map((r) => ({
      eventId: r.eventId,
      type: r.type,
      occurredAt: r.occurredAt.toISOString(),
      payload: r.payload,
    }));
  }
}
