import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ClockState } from '@complaints/contracts';

/** The latest clocks the deadlines service published for a complaint (the highest `basis`). */
@Entity({ name: 'complaint_deadline' })
export class ComplaintDeadline {
  @PrimaryColumn('uuid', { name: 'complaint_id' })
  complaintId: string;

  /** input events the clocks were computed from; a state with a higher basis replaces this one */
  @Column('integer')
  basis: number;

  /** The latest `occurredAt` among those events. */
  @Column('timestamptz', { name: 'last_event_at' })
  lastEventAt: Date;

  @Column('text')
  policy: string;

  @Column('jsonb')
  clocks: ClockState[];

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
