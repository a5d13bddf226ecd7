import { Injectable, OnModuleInit } from '@nestjs/common';
import { AnyEventEnvelope, EVENT_TYPES, LifecycleStage } from '@complaints/contracts';
import { ConsumerHost, PermanentEventError, Transaction } from '@complaints/messaging';

/** The stage each lifecycle event moves a complaint to. */
const STAGE_OF: Partial<Record<string, LifecycleStage>> = {
  [EVENT_TYPES.routed]: 'routed',
  [EVENT_TYPES.investigated]: 'investigated',
  [EVENT_TYPES.responded]: 'responded',
  [EVENT_TYPES.feedbackReceived]: 'feedback_received',
  [EVENT_TYPES.reopened]: 'reopened',
  [EVENT_TYPES.closed]: 'closed',
};

/**
 * Order of stages that can share one instant: feedback's survey answer and the closure or
 * reopening it causes are written in one transaction with one clock reading.
 */
const RANK: Record<LifecycleStage, number> = {
  received: 0,
  routed: 1,
  investigated: 2,
  responded: 3,
  feedback_received: 4,
  reopened: 5,
  closed: 6,
};

/**
 * Keeps the status view current from the lifecycle topics. Topics are ordered only within
 * themselves, so an older event arriving late records its stage time but does not move the
 * status back; at the same instant the later stage wins.
 */
@Injectable()
export class LifecycleConsumer implements OnModuleInit {
  constructor(private readonly consumers: ConsumerHost) {}

  onModuleInit(): void {
    this.consumers.register(
      'status-view',
      [
        EVENT_TYPES.routed,
        EVENT_TYPES.investigated,
        EVENT_TYPES.responded,
        EVENT_TYPES.feedbackReceived,
        EVENT_TYPES.reopened,
        EVENT_TYPES.closed,
      ],
      (event, tx) => this.apply(event, tx),
    );
  }

  /**
   * One statement: the row's lock, the stage time, the status if this stage is the latest, the
   * round answered and routing's department and due date. Every right-hand side reads the row
   * as it was, so the conditions agree with each other.
   */
  async apply(event: AnyEventEnvelope, tx: Transaction): Promise<void> {
    const stage = STAGE_OF[event.type];
    if (!stage) return;
    const routed = event.type === EVENT_TYPES.routed ? event.payload : undefined;
    const round = event.type === EVENT_TYPES.responded ? event.payload.round : null;
    // TypeORM answers an UPDATE as [rows, rowCount].
    const [, updated] = (await tx.manager.query(
      `UPDATE complaint SET
         stage_times = stage_times || jsonb_build_object($2::text, $3::text),
         status = CASE WHEN ${LATER} THEN $2 ELSE status END,
         status_changed_at = CASE WHEN ${LATER} THEN $4 ELSE status_changed_at END,
         responded_round = CASE WHEN $6::int IS NULL THEN responded_round
                                ELSE GREATEST(COALESCE(responded_round, 0), $6::int) END,
         -- An assignment made after this routing (a reassignment, a correction) knows better.
         department = CASE WHEN $7::text IS NOT NULL AND (assigned_at IS NULL OR assigned_at <= $4)
                           THEN $7::text ELSE department END,
         decision_due_at = COALESCE($8::timestamptz, decision_due_at)
       WHERE id = $1`,
      [
        event.complaintId,
        stage,
        event.occurredAt,
        new Date(event.occurredAt),
        STAGE_ORDER,
        round,
        routed?.department ?? null,
        routed ? new Date(routed.decisionDueAt) : null,
      ],
    )) as [unknown[], number];
    if (updated === 0)
      throw new PermanentEventError(
        'COMPLAINT.NOT_FOUND',
        'no complaint with this id was received here',
      );
  }
}

/** Stages by rank, for the tie at one instant (array_position). */
const STAGE_ORDER = (Object.keys(RANK) as LifecycleStage[]).sort((a, b) => RANK[a] - RANK[b]);

/** This event's stage is later than the status: newer, or at the same instant of higher rank. */
const LATER = `($4::timestamptz > status_changed_at OR ($4::timestamptz = status_changed_at
  AND array_position($5::text[], $2::text) > array_position($5::text[], status)))`;
