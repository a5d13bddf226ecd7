import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Every event a complaint's clocks are computed from, as consumed: the clocks' own log. */
@Entity({ name: 'clock_event' })
@Index('ix_clock_event_complaint', ['complaintId', 'occurredAt'])
export class ClockEvent {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  @Column('text')
  type: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  /** The facts the clock reads (no personal data: lifecycle payloads are reduced first). */
  @Column('jsonb')
  payload: Record<string, unknown>;
}
