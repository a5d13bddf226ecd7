import { Column, Entity, PrimaryColumn } from 'typeorm';

export const DELIVERY_STATUSES = [
  'printed',
  'sent',
  'delivered',
  'deferred',
  'bounced',
  'failed',
] as const;
/**
 * printed: a post letter printed, not yet posted. sent: the provider accepted it (for post: handed
 * to the post, the registered-mail number its provider id). delivered / failed: its receipt said so. deferred: a
 * transient refusal (retried). bounced: refused for good on this channel (the next is tried).
 */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Proof of notification: one row per send of a message on a channel. */
@Entity({ name: 'message_proof' })
export class MessageProof {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'message_id' })
  messageId: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  @Column('text')
  channel: string;

  @Column('text', { name: 'masked_address' })
  maskedAddress: string;

  @Column('text', { name: 'content_hash' })
  contentHash: string;

  @Column('text', { name: 'template_id' })
  templateId: string;

  @Column('integer', { name: 'template_version' })
  templateVersion: number;

  @Column('integer')
  attempt: number;

  @Column('timestamptz', { name: 'sent_at' })
  sentAt: Date;

  @Column('text', { name: 'provider_message_id', nullable: true })
  providerMessageId: string | null;

  @Column('text', { name: 'delivery_status' })
  deliveryStatus: DeliveryStatus;

  @Column('timestamptz', { name: 'status_at' })
  statusAt: Date;

  @Column('text', { nullable: true })
  error: string | null;
}
