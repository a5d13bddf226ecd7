import { Injectable, OnModuleInit } from '@nestjs/common';
import { AnyEventEnvelope, EVENT_TYPES, LifecycleStage, TOPICS } from '@complaints/contracts';
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
 * Keeps the status view current from the lifecycle topics. Topics are ordered only within
 * themselves, so an older event arriving late records its stage time but does not move the
 * status back.
 */
@Injectable()
export class LifecycleConsumer implements OnModuleInit {
  constructor(private readonly consumers: ConsumerHost) {}

  onModuleInit(): void {
    this.consumers.register(
      'status-view',
      [TOPICS.routed, TOPICS.investigated, TOPICS.responded, TOPICS.feedbackReceived, TOPICS.reopened, TOPICS.closed],
      (event, tx) => this.apply(event as AnyEventEnvelope, tx),
    );
  }

  async apply(event: AnyEventEnvelope, tx: Transaction): Promise<void> {
    const stage = STAGE_OF[event.type];
    if (!stage) return;
    const complaint = await tx.manager.findOne(Complaint, {
      where: { id: event.complaintId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!complaint) throw new PermanentEventError('COMPLAINT.NOT_FOUND', 'no complaint with this id was received here');
    const at = new Date(event.occurredAt);
    complaint.stageTimes = { ...complaint.stageTimes, [stage]: event.occurredAt };
    if (at >= complaint.statusChangedAt) {
      complaint.status = stage;
      complaint.statusChangedAt = at;
    }
    if (event.type === EVENT_TYPES.routed) {
      complaint.department = event.payload.department;
      complaint.decisionDueAt = new Date(event.payload.decisionDueAt);
    }
    await tx.manager.save(complaint);
  }
}
