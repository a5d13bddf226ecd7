import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { InvestigationOutcome, Language, ResponseChannel } from '@complaints/contracts';

/**
 * awaiting_feedback: sent, survey open. feedback_received: the complaint went back to
 * investigation (an internal review, or the officer's reopening); the next round's response
 * follows. awaiting_officer: the customer was dissatisfied without asking for review; the
 * complaints officer may reopen it, else it closes as escalated when the review period ends. closed: the
 * complaint closed on this response (satisfied, escalated or no feedback). superseded: a newer
 * decision arrived while this one still awaited feedback; it no longer closes anything.
 */
export const RESPONSE_STATUSES = [
  'awaiting_feedback',
  'feedback_received',
  'awaiting_officer',
  'closed',
  'superseded',
] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

/** The decision as sent to the customer for one investigation round. */
@Entity({ name: 'response' })
@Index('uq_response_complaint_round', ['complaintId', 'round'], { unique: true })
export class Response {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  /** The investigation round answered (1 = first decision). */
  @Column('integer')
  round: number;

  /** Kept for the closed event's finalOutcome. */
  @Column('text')
  outcome: InvestigationOutcome;

  @Column('text')
  language: Language;

  @Column('text')
  channel: ResponseChannel;

  @Column('text')
  body: string;

  @Column('timestamptz', { name: 'sent_at' })
  sentAt: Date;

  @Column('timestamptz', { name: 'survey_due_at' })
  surveyDueAt: Date;

  @Column('text')
  status: ResponseStatus;

  /** Times the complaint had been reopened when this response was sent (>= 0). */
  @Column('integer', { name: 'reopen_count' })
  reopenCount: number;

  /** The complaint's correlation chain, so events started by HTTP or the timer stay in it. */
  @Column('uuid', { name: 'correlation_id' })
  correlationId: string;

  /** eventId of the responded event: the cause of the survey's follow-up events. */
  @Column('uuid', { name: 'responded_event_id' })
  respondedEventId: string;
}
