import { Column, Entity, PrimaryColumn } from 'typeorm';

export const REPEAT_LINK_STATUSES = ['proposed', 'merged', 'restarted', 'split'] as const;
/**
 * proposed: found, awaiting the handler. merged: no new facts, joined the earlier complaint
 * (its clock runs on). restarted: new facts, joined it and its clock started again. split: not a
 * repeat, handled on its own.
 */
export type RepeatLinkStatus = (typeof REPEAT_LINK_STATUSES)[number];

/** A complaint found to repeat an earlier open one of the same customer and policy. */
@Entity({ name: 'repeat_link' })
export class RepeatLink {
  @PrimaryColumn('uuid')
  id: string;

  /** The later complaint: at most one link each. */
  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  @Column('uuid', { name: 'earlier_complaint_id' })
  earlierComplaintId: string;

  /** 0..1, cosine of the texts' character n-grams */
  @Column('real')
  similarity: number;

  @Column('text')
  status: RepeatLinkStatus;

  @Column('timestamptz', { name: 'proposed_at' })
  proposedAt: Date;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy: string | null;

  @Column('text', { name: 'decided_by_subject', nullable: true })
  decidedBySubject: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column('text', { nullable: true })
  reason: string | null;
}
