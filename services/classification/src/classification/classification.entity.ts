import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ComplaintCategory, Priority, Severity } from '@complaints/contracts';
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
}
