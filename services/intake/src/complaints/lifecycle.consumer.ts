import { Injectable, OnModuleInit } from '@nestjs/common';
import { AnyEventEnvelope, EVENT_TYPES, LifecycleStage } from '@complaints/contracts';
import { ConsumerHost, PermanentEventError, Transaction } from '@complaints/messaging';
import { Complaint } from './complaint.entity';

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

  async apply(event: AnyEventEnvelope, tx: Transaction): Promise<void> {
    const stage = STAGE_OF[event.type];
    if (!stage) return;
    const complaint = await tx.manager.findOne(Complaint, {
      where: { id: event.complaintId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!complaint)
      throw new PermanentEventError(
        'COMPLAINT.NOT_FOUND',
        'no complaint with this id was received here',
      );
    const at = new Date(event.occurredAt);
    complaint.stageTimes = { ...complaint.stageTimes, [stage]: event.occurredAt };
    const newer = at.getTime() - complaint.statusChangedAt.getTime();
    if (newer > 0 || (newer === 0 && RANK[stage] > RANK[complaint.status])) {
      complaint.status = stage;
      complaint.statusChangedAt = at;
    }
    if (event.type === EVENT_TYPES.responded) {
      complaint.respondedRound = Math.max(complaint.respondedRound ?? 0, event.payload.round);
    }
    if (event.type === EVENT_TYPES.routed) {
      // An assignment made after this routing (a reassignment, a correction) knows better.
      if (!complaint.assignedAt || complaint.assignedAt.getTime() <= at.getTime()) {
        complaint.department = event.payload.department;
      }
      complaint.decisionDueAt = new Date(event.payload.decisionDueAt);
    }
    await tx.manager.save(complaint);
  }
}
