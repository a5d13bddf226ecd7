import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The customer's answer to one response's satisfaction survey; at most one per response. */
@Entity({ name: 'survey' })
@Index('uq_survey_response', ['responseId'], { unique: true })
export class Survey {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'response_id' })
  responseId: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  @Column('integer')
  round: number;

  /** 1 (very dissatisfied) .. 5 (very satisfied) */
  @Column('smallint')
  rating: number;

  @Column('boolean')
  solved: boolean;

  /** Free text; may hold personal data, so it is never logged. */
  @Column('text', { nullable: true })
  comment: string | null;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;
}
