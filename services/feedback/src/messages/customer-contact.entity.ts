import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { IntakeChannel, Language } from '@complaints/contracts';

/**
 * How to reach a complainant, from complaints.received.v1. Personal data: it stays in this
 * table, is read only to send a message, and never reaches logs, metrics or events.
 */
@Entity({ name: 'customer_contact' })
export class CustomerContact {
  @PrimaryColumn('uuid', { name: 'complaint_id' })
  complaintId: string;

  @Column('text', { name: 'reference_number' })
  referenceNumber: string;

  @Column('text')
  language: Language;

  @Column('text', { name: 'intake_channel' })
  intakeChannel: IntakeChannel;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;
}
