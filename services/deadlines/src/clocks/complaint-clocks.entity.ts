import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ComplaintClocks } from './clock-state';

/** The clocks computed from a complaint's events, and when the sweep looks at them next. */
@Entity({ name: 'complaint_clocks' })
@Index('ix_complaint_clocks_next_check', ['nextCheckAt'])
@Index('ix_complaint_clocks_next_due', ['nextDueAt'])
export class ComplaintClocksRow {
  @PrimaryColumn('uuid', { name: 'complaint_id' })
  complaintId: string;

  @Column('text')
  policy: string;

  @Column('text')
  state: ComplaintClocks['state'];

  @Column('text')
  department: string;

  @Column('boolean', { name: 'green_channel' })
  greenChannel: boolean;

  @Column('jsonb')
  clocks: ComplaintClocks;

  /** The nearest deadline of a watched clock still running; null: none. */
  @Column('timestamptz', { name: 'next_due_at', nullable: true })
  nextDueAt: Date | null;

  /** When the sweep must look again; null: nothing can fall due. */
  @Column('timestamptz', { name: 'next_check_at', nullable: true })
  nextCheckAt: Date | null;

  /** Whether any clock of the complaint was breached (a breach was published). */
  @Column('boolean')
  breached: boolean;

  @Column('integer', { name: 'event_count' })
  eventCount: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
