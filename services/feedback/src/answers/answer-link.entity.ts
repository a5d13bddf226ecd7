import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Language } from '@complaints/contracts';

/** The customer's one-time answer link of one letter (response round). */
@Entity({ name: 'answer_link' })
export class AnswerLink {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  @Column('uuid', { name: 'response_id' })
  responseId: string;

  @Column('integer')
  round: number;

  @Column('text')
  language: Language;

  @Column('text', { name: 'reference_number', nullable: true })
  referenceNumber: string | null;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  /** Set once, when the customer's answer is taken: the link never works again. */
  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
