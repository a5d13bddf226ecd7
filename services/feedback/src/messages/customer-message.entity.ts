import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Language } from '@complaints/contracts';

export const MESSAGE_KINDS = [
  'acknowledgement',
  'decision',
  'review-decision',
  'extension',
  'pause',
  'resume',
  'merge',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * The letters a customer gets on every channel they gave (e-mail and text), each with its own
 * proof: the decision and the review decision. Every other message goes on the preferred
 * channel only, falling back to the next when it fails.
 */
export const EVERY_CHANNEL_KINDS: readonly MessageKind[] = ['decision', 'review-decision'];

/**
 * pending: waiting to be sent (or retried at next_attempt_at). told: a channel accepted it
 * (its proof says what became of it). undeliverable: every channel the customer has failed
 * permanently; officers see it. refused: the message lacked a part the rules require and was
 * never sent.
 */
export const MESSAGE_STATUSES = ['pending', 'told', 'undeliverable', 'refused'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** One message the rules require, from queued to told. */
@Entity({ name: 'customer_message' })
export class CustomerMessage {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  @Column('text')
  kind: MessageKind;

  /** Unique per complaint: a redelivered cause never queues a second message. */
  @Column('text', { name: 'dedupe_key' })
  dedupeKey: string;

  @Column('text', { name: 'template_id' })
  templateId: string;

  @Column('integer', { name: 'template_version' })
  templateVersion: number;

  @Column('text')
  language: Language;

  @Column('text')
  subject: string;

  @Column('text')
  body: string;

  /** sha256 hex of subject + body as sent */
  @Column('text', { name: 'content_hash' })
  contentHash: string;

  @Column('text')
  status: MessageStatus;

  /** Position in the customer's channel list being tried (0 = preferred). */
  @Column('integer', { name: 'channel_index' })
  channelIndex: number;

  /**
   * Sent on every channel the customer has, one after another (EVERY_CHANNEL_KINDS); told once
   * one accepted it and each was tried. Otherwise: the first channel that works.
   */
  @Column('boolean', { name: 'every_channel' })
  everyChannel: boolean;

  /** Attempts on the current channel (>= 0). */
  @Column('integer')
  attempts: number;

  @Column('timestamptz', { name: 'next_attempt_at' })
  nextAttemptAt: Date;

  /** A code, never an address or provider text that might hold one. */
  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @Column('uuid', { name: 'correlation_id' })
  correlationId: string;

  /** eventId of the event that required the message. */
  @Column('uuid', { name: 'causation_id' })
  causationId: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'told_at', nullable: true })
  toldAt: Date | null;
}
