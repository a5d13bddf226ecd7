import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ClockKind } from '@complaints/contracts';

/** A clock of the complaint whose deadline passed unmet: the case is flagged while it exists. */
@Entity({ name: 'case_breach' })
export class CaseBreach {
  @PrimaryColumn('uuid', { name: 'complaint_id' })
  complaintId: string;

  /** `<kind>:<round>:<restarts>`, as the deadlines service names it */
  @PrimaryColumn('text', { name: 'clock_id' })
  clockId: string;

  @Column('text', { name: 'clock_kind' })
  clockKind: ClockKind;

  @Column('timestamptz', { name: 'due_at' })
  dueAt: Date;

  @Column('timestamptz', { name: 'breached_at' })
  breachedAt: Date;

  /** The department whose supervisor the breach is escalated to (when it was detected). */
  @Column('text')
  department: string;

  @Column('uuid', { name: 'event_id' })
  eventId: string;
}
