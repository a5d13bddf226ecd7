import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A handler who declared a conflict of interest on a case: never given it again. */
@Entity({ name: 'case_recusal' })
@Index('uq_case_recusal_complaint_handler', ['complaintId', 'handlerId'], { unique: true })
export class CaseRecusal {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  @Column('text', { name: 'handler_id' })
  handlerId: string;

  /** Why, in the handler's words (stays in investigation and the audit entry). */
  @Column('text')
  reason: string;

  @Column('timestamptz', { name: 'declared_at' })
  declaredAt: Date;
}
