import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProductLine } from '@complaints/contracts';
import type { Grams } from './text-grams';

/** What matching a complaint against others needs, and nothing more (no identity, no text). */
@Entity({ name: 'complaint_fingerprint' })
export class ComplaintFingerprint {
  @PrimaryColumn('uuid', { name: 'complaint_id' })
  complaintId: string;

  /** intake's keyed hash of customer identity and policy; null when intake sent none */
  @Column('text', { name: 'repeat_key', nullable: true })
  repeatKey: string | null;

  @Column('text', { name: 'product_line' })
  productLine: ProductLine;

  @Column('text')
  department: string;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;

  @Column('jsonb')
  grams: Grams;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;
}
