import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A warning or breach published: the key makes each one happen once, ever. */
@Entity({ name: 'clock_signal' })
export class ClockSignal {
  @PrimaryColumn('uuid', { name: 'complaint_id' })
  complaintId: string;

  @PrimaryColumn('text', { name: 'signal_key' })
  signalKey: string;

  @Column('text')
  kind: 'warning' | 'breach';

  @Column('text', { name: 'clock_kind' })
  clockKind: string;

  @Column('text')
  department: string;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('timestamptz', { name: 'published_at' })
  publishedAt: Date;
}
