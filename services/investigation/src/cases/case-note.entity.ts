import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A working note on a case. The body may hold case facts: it is never logged. */
@Entity({ name: 'case_note' })
@Index('ix_case_note_case', ['caseId', 'createdAt'])
export class CaseNote {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  /** The author's username: the assigned handler, a supervisor or a complaints officer. */
  @Column('text')
  author: string;

  @Column('text')
  body: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
