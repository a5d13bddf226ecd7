import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A breach the deadlines service published (complaints.deadline-breached.v1), once per clock. */
@Entity({ name: 'clock_breach' })
export class ClockBreachRow {
  @PrimaryColumn('uuid', { name: 'complaint_id' })
  complaintId: string;

  @PrimaryColumn('text', { name: 'clock_id' })
  clockId: string;

  @Column('timestamptz', { name: 'due_at' })
  dueAt: Date;

  @Column('timestamptz', { name: 'breached_at' })
  breachedAt: Date;

  @Column('uuid', { name: 'event_id' })
  eventId: string;
}
