import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AnyEventEnvelope, EnvelopeOf, EVENT_TYPES } from '@complaints/contracts';
import { Clock } from '@complaints/platform';
import { ClockPolicies } from '../policy/clock-policy.service';
import { clockFacts } from './clock-inputs';
import type { ClockInput, ComplaintClocks } from './clock-state';
import { clocksView, deadlineChangedEvent } from './deadline-changed';

/** What a complaint's clocks row holds that the next computation reads (locked). */
interface StoredClocks {
  policy: string;
  state: ComplaintClocks['state'];
  clocks: ComplaintClocks;
  breached: boolean;
}

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
    // One statement keeps the event (a redelivered one, or the same on replay, once) and locks
    // the complaint's clocks row, so concurrent events of one complaint are computed in turn.
    // The events are read after the lock, by a statement of their own: it sees what the
    // transaction that held the lock committed.
    const locked = (await manager.query(
      `WITH kept AS (
         INSERT INTO clock_event (event_id, complaint_id, type, occurred_at, payload)
         VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT (event_id) DO NOTHING
       )
       SELECT policy, state, clocks, breached FROM complaint_clocks
       WHERE complaint_id = $2 FOR UPDATE`,
      [
        event.eventId,
        event.complaintId,
        event.type,
        event.occurredAt,
        JSON.stringify(clockFacts(event)),
      ],
    )) as StoredClocks[];
    return this.recomputeLocked(
      event.complaintId,
      manager,
      locked[0],
      publish ? { event, publish } : undefined,
    );
  }

  async recompute(
    complaintId: string,
    manager: EntityManager,
    changes?: {
      event: AnyEventEnvelope;
      publish: (changed: EnvelopeOf<'complaint.deadline-changed'>) => void;
    },
  ): Promise<ComplaintClocks> {
    const locked = (await manager.query(
      `SELECT policy, state, clocks, breached FROM complaint_clocks
       WHERE complaint_id = $1 FOR UPDATE`,
      [complaintId],
    )) as StoredClocks[];
    return this.recomputeLocked(complaintId, manager, locked[0], changes);
  }

  /** Computes the complaint from all its events and stores it; `existing` is locked. */
  private async recomputeLocked(
    complaintId: string,
    manager: EntityManager,
    existing: StoredClocks | undefined,
    changes?: {
      event: AnyEventEnvelope;
      publish: (changed: EnvelopeOf<'complaint.deadline-changed'>) => void;
    },
  ): Promise<ComplaintClocks> {
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
    const now = this.clock.now();
    const values = [
      complaintId,
      policy,
      clocks.state,
      clocks.department,
      clocks.greenChannel,
      JSON.stringify(clocks),
      dues.length > 0 ? new Date(Math.min(...dues)) : null,
      // The sweep looks at once: a late answer may be a breach, a new deadline may be near.
      now,
      events.length,
      now,
    ];
    if (existing)
      await manager.query(
        `UPDATE complaint_clocks SET policy = $2, state = $3, department = $4,
           green_channel = $5, clocks = $6::jsonb, next_due_at = $7, next_check_at = $8,
           event_count = $9, updated_at = $10
         WHERE complaint_id = $1`,
        values,
      );
    else
      // A first event of the complaint committed by another transaction meanwhile makes this
      // one fail on the primary key, and the consumer applies the event again.
      await manager.query(
        `INSERT INTO complaint_clocks (complaint_id, policy, state, department, green_channel,
           clocks, next_due_at, next_check_at, breached, event_count, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, false, $9, $10)`,
        values,
      );
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
    const rows = (await manager.query(
      `SELECT event_id, type, occurred_at, payload FROM clock_event WHERE complaint_id = $1`,
      [complaintId],
    )) as {
      event_id: string;
      type: string;
      occurred_at: Date;
      payload: Record<string, unknown>;
    }[];
    return rows.map((r) => ({
      eventId: r.event_id,
      type: r.type,
      occurredAt: r.occurred_at.toISOString(),
      payload: r.payload,
    }));
  }
}
