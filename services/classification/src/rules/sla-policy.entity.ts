import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Deadlines by policy revision; a new revision is a new row, so old classifications still name theirs. */
@Entity({ name: 'sla_policy' })
export class SlaPolicy {
  /** `<name>@<revision>` */
  @PrimaryColumn('text')
  id: string;

  @Column('text')
  description: string;

  /** natural days */
  @Column('integer', { name: 'decision_days' })
  decisionDays: number;

  /** natural days */
  @Column('integer', { name: 'green_decision_days' })
  greenDecisionDays: number;

  /** hours */
  @Column('integer', { name: 'acknowledge_hours' })
  acknowledgeHours: number;

  /** hours */
  @Column('integer', { name: 'green_acknowledge_hours' })
  greenAcknowledgeHours: number;

  /** The one policy applied to new complaints. */
  @Column('boolean')
  active: boolean;
}
