import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ClockRequestKind = 'extension' | 'pause' | 'restart' | 'merge' | 'withdrawal';
/**
 * extension: pending, approved or refused; pause: active, then ended by a resume; restart,
 * merge and withdrawal: done when recorded.
 */
export type ClockRequestStatus = 'pending' | 'approved' | 'refused' | 'active' | 'ended' | 'done';

/** An action on a case's legal clock, as taken here; the deadlines service computes the clock. */
@Entity({ name: 'clock_request' })
@Index('ix_clock_request_complaint', ['complaintId', 'requestedAt'])
export class ClockRequest {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('integer')
  round: number;

  /** Restarts of this round before the action: a restart starts a new clock (generation + 1). */
  @Column('integer')
  generation: number;

  @Column('text')
  kind: ClockRequestKind;

  /** The extension's or pause's kind, or the complaint a merge went into. */
  @Column('text', { nullable: true })
  detail: string | null;

  @Column('text')
  reason: string;

  @Column('text')
  status: ClockRequestStatus;

  /** The signed-in person's username and subject (from the token). */
  @Column('text', { name: 'requested_by' })
  requestedBy: string;

  @Column('text', { name: 'requested_by_subject' })
  requestedBySubject: string;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt: Date;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column('text', { name: 'decision_reason', nullable: true })
  decisionReason: string | null;

  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt: Date | null;

  /** The complaints.clock.v1 event the action published. */
  @Column('uuid', { name: 'event_id' })
  eventId: string;
}
