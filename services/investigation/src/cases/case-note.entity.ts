import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A handler's working note on a case. The body may hold case facts: it is never logged. */
@Entity({ name: 'case_note' })
@Index('ix_case_note_case', ['caseId', 'createdAt'])
export class CaseNote {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  /** Handler id of the author. */
  @Column('text')
  author: string;

  @Column('text')
  body: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
