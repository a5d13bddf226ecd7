import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ReviewRequestChannel } from '@complaints/contracts';

/** A customer's request for internal review of a decision: granted, or refused with why. */
@Entity({ name: 'review_request' })
@Index('ix_review_request_complaint', ['complaintId'])
export class ReviewRequestRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  /** The response (decision letter) whose decision the customer wants reviewed. */
  @Column('uuid', { name: 'response_id' })
  responseId: string;

  @Column('integer')
  round: number;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt: Date;

  @Column('text', { name: 'requested_through' })
  requestedThrough: ReviewRequestChannel;

  @Column('text')
  status: 'granted' | 'refused';

  /** REVIEW.TOO_LATE, REVIEW.ALREADY_REVIEWED; null when granted. */
  @Column('text', { name: 'refusal_code', nullable: true })
  refusalCode: string | null;
}
