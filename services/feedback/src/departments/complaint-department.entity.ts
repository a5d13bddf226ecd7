import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The department whose queue holds a complaint's case, from complaints.assigned.v1: who of
 * the department-bound roles may read its letters.
 */
@Entity({ name: 'complaint_department' })
export class ComplaintDepartment {
  @PrimaryColumn('uuid', { name: 'complaint_id' })
  complaintId: string;

  @Column('text')
  department: string;

  /** From the latest assignment applied; an older one arriving late changes nothing. */
  @Column('timestamptz', { name: 'assigned_at' })
  assignedAt: Date;
}
