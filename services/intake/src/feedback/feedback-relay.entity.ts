import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One relayed survey answer per response round of a complaint (the round: when it was responded to). */
@Entity({ name: 'feedback_relay' })
export class FeedbackRelay {
  @PrimaryColumn('uuid', { name: 'complaint_id' })
  complaintId: string;

  /** The complaint's `responded` stage time the answer is about. */
  @PrimaryColumn('timestamptz', { name: 'responded_at' })
  respondedAt: Date;

  @Column('text', { name: 'caller_system' })
  callerSystem: string;

  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey: string | null;

  /** SHA-256 (hex) of the body in canonical JSON: the same key with another body is refused. */
  @Column('text', { name: 'request_hash' })
  requestHash: string;

  /** The complaints.feedback-submitted.v1 event it was published as. */
  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt: Date;
}
