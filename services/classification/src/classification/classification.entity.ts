import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ComplaintCategory, Language, Priority, Severity } from '@complaints/contracts';
import type { Confidence } from '../rules/rule.types';

/**
 * The verdict on one complaint, stored in the transaction that queues its routed event. One
 * row per complaint: a complaint is classified once, whatever is redelivered.
 */
@Entity({ name: 'classification' })
@Index('ix_classification_department_priority', ['department', 'priority'])
export class Classification {
  @PrimaryColumn('uuid', { name: 'complaint_id' })
  complaintId: string;

  @Column('text')
  category: ComplaintCategory;

  @Column('text')
  subcategory: string;

  @Column('text')
  severity: Severity;

  @Column('text')
  priority: Priority;

  @Column('boolean', { name: 'green_channel' })
  greenChannel: boolean;

  @Column('text')
  department: string;

  @Column('text')
  confidence: Confidence;

  /** In evaluation order. */
  @Column('text', { name: 'matched_rule_ids', array: true })
  matchedRuleIds: string[];

  /** From the received event: the SLA clock starts here. */
  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;

  @Column('timestamptz', { name: 'acknowledge_due_at' })
  acknowledgeDueAt: Date;

  @Column('timestamptz', { name: 'decision_due_at' })
  decisionDueAt: Date;

  @Column('text', { name: 'sla_policy_id' })
  slaPolicyId: string;

  /** The complaint.received event classified: the routed event's causation. */
  @Column('uuid', { name: 'received_event_id' })
  receivedEventId: string;

  @Column('timestamptz', { name: 'classified_at' })
  classifiedAt: Date;

  /** `model` when the trained classifier gave the class, `rules` when the keyword rules did */
  @Column('text', { name: 'classified_by', default: 'rules' })
  classifiedBy: 'model' | 'rules';

  @Column('text', { name: 'model_version', nullable: true })
  modelVersion: string | null;

  @Column('jsonb', { name: 'class_probabilities', nullable: true })
  classProbabilities: Record<ComplaintCategory, number> | null;

  @Column('text', { name: 'secondary_category', nullable: true })
  secondaryCategory: ComplaintCategory | null;

  /** the primary class's probability, 0..1 */
  @Column('real', { name: 'model_confidence', nullable: true })
  modelConfidence: number | null;

  /** routed to the triage queue because the model was not confident enough */
  @Column('boolean', { default: false })
  triage: boolean;

  /** The words classified, kept so an officer's correction can become a training example. */
  @Column('text', { nullable: true })
  language: Language | null;

  @Column('text', { nullable: true })
  subject: string | null;

  @Column('text', { nullable: true })
  description: string | null;
}
