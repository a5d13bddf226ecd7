import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ComplaintCategory } from '@complaints/contracts';

/**
 * A complaints officer's correction of a classification: the class and department the
 * complaint should have had, beside what the rules gave it. The classifier learns from these
 * labels; the classification row holds what the rules saw (matched rules, confidence).
 */
@Entity({ name: 'classification_label' })
@Index('ix_classification_label_complaint', ['complaintId', 'correctedAt'])
export class ClassificationLabel {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  @Column('text')
  category: ComplaintCategory;

  @Column('text')
  subcategory: string;

  @Column('text')
  department: string;

  @Column('text', { name: 'previous_category' })
  previousCategory: ComplaintCategory;

  @Column('text', { name: 'previous_subcategory' })
  previousSubcategory: string;

  @Column('text', { name: 'previous_department' })
  previousDepartment: string;

  /** `sub` of the officer's token. */
  @Column('text', { name: 'corrected_by_subject' })
  correctedBySubject: string;

  @Column('text', { name: 'corrected_by_username' })
  correctedByUsername: string;

  /** The officer's words on why; about the classification, not the complainant. */
  @Column('text')
  reason: string;

  @Column('timestamptz', { name: 'corrected_at' })
  correctedAt: Date;
}
