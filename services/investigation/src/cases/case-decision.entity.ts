import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { InvestigationOutcome } from '@complaints/contracts';

export interface CompensationRecord {
  /** minor units of currency, >= 0 */
  amountMinor: number;
  currency: string;
}

/** The decision of one round; at most one per round. */
@Entity({ name: 'case_decision' })
@Index('uq_case_decision_case_round', ['caseId', 'round'], { unique: true })
export class CaseDecision {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('integer')
  round: number;

  @Column('text')
  outcome: InvestigationOutcome;

  /** Findings, basis and reasons, as told to the customer. */
  @Column('text')
  summary: string;

  @Column('text', { name: 'root_cause' })
  rootCause: string;

  @Column('text', { nullable: true })
  remedy: string | null;

  @Column('jsonb', { nullable: true })
  compensation: CompensationRecord | null;

  /** Handler id. */
  @Column('text', { name: 'decided_by' })
  decidedBy: string;

  @Column('timestamptz', { name: 'decided_at' })
  decidedAt: Date;

  /** The `complaints.investigated.v1` event this decision published. */
  @Column('uuid', { name: 'event_id' })
  eventId: string;
}
