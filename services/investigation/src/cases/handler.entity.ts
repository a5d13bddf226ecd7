import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A complaint handler of one department. Ids and role names only: no personal data. */
@Entity({ name: 'handler' })
@Index('ix_handler_department', ['department', 'id'])
export class Handler {
  /** Employee id, e.g. `h-claims-01`. */
  @PrimaryColumn('text')
  id: string;

  @Column('text')
  department: string;

  @Column('text', { name: 'display_name' })
  displayName: string;

  /** Inactive handlers (leave, left, recused from all work) get no new cases. */
  @Column('boolean')
  active: boolean;

  /** Open or reopened cases at once before assignment prefers a colleague; >= 1. */
  @Column('integer', { name: 'max_open_cases' })
  maxOpenCases: number;
}
