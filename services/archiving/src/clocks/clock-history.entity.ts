import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ArchivedClockExtension, ClockState } from '@complaints/contracts';

/** A clock as the archive keeps it: the requester and approver only as keyed pseudonyms. */
export type StoredClock = Omit<ClockState, 'extensions' | 'extensionsAvailable'> & {
  extensions: ArchivedClockExtension[];
};

/** The latest clocks the deadlines service published for a complaint (the highest `basis`). */
@Entity({ name: 'clock_history' })
export class ClockHistoryRow {
  @PrimaryColumn('uuid', { name: 'complaint_id' })
  complaintId: string;

  /** input events the clocks were computed from */
  @Column('integer')
  basis: number;

  /** The latest `occurredAt` among those events: lifecycle events after it are not in them. */
  @Column('timestamptz', { name: 'last_event_at' })
  lastEventAt: Date;

  @Column('text')
  policy: string;

  @Column('jsonb')
  clocks: StoredClock[];

  @Column('uuid', { name: 'event_id' })
  eventId: string;
}
