import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MajorIncidentTrigger, ProductLine } from '@complaints/contracts';
import type { Grams } from '../repeats/text-grams';

/** A major complaint handled under the contingency plan, for the complaints officer. */
@Entity({ name: 'major_incident' })
export class MajorIncident {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  trigger: MajorIncidentTrigger;

  @Column('text', { name: 'product_line', nullable: true })
  productLine: ProductLine | null;

  /** The complaint its events are keyed by: the earliest when found, the first named when declared. */
  @Column('uuid', { name: 'anchor_complaint_id' })
  anchorComplaintId: string;

  /** The matter's text n-grams later complaints are compared with; null for a declaration. */
  @Column('jsonb', { nullable: true })
  grams: Grams | null;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('timestamptz', { name: 'raised_at' })
  raisedAt: Date;

  /** The officer who declared it (username); null when the threshold raised it. */
  @Column('text', { name: 'raised_by', nullable: true })
  raisedBy: string | null;

  @Column('text', { name: 'raised_by_subject', nullable: true })
  raisedBySubject: string | null;

  @Column('uuid', { name: 'correlation_id' })
  correlationId: string;
}
