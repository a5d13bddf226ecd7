import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { StoredEvent, TimelineEventType } from './stored-event.types';

/**
 * One lifecycle or people event (assignment, class correction) of one complaint, as the archive keeps it: the envelope's metadata and
 * the payload pseudonymised at ingestion (see event-sanitiser.ts). Keyed by event id, so an
 * event delivered twice is kept once.
 */
@Entity({ name: 'timeline_event' })
@Index('ix_timeline_event_complaint', ['complaintId', 'occurredAt'])
export class TimelineEvent {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  @Column('text')
  type: TimelineEventType;

  @Column('integer')
  version: number;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  @Column('text')
  producer: string;

  @Column('uuid', { name: 'correlation_id' })
  correlationId: string;

  @Column('uuid', { name: 'causation_id', nullable: true })
  causationId: string | null;

  /** The pseudonymised payload: the StoredPayloadMap entry for `type`. */
  @Column('jsonb')
  payload: object;

  static from(event: StoredEvent): TimelineEvent {
    const row = new TimelineEvent();
    row.eventId = event.eventId;
    row.complaintId = event.complaintId;
    row.type = event.type;
    row.version = event.version;
    row.occurredAt = new Date(event.occurredAt);
    row.producer = event.producer;
    row.correlationId = event.correlationId;
    row.causationId = event.causationId;
    row.payload = event.payload;
    return row;
  }

  toStoredEvent(): StoredEvent {
    // `type` and `payload` were written together from one StoredEvent, so they agree.
    return {
      eventId: this.eventId,
      complaintId: this.complaintId,
      type: this.type,
      version: this.version,
      occurredAt: this.occurredAt.toISOString(),
      producer: this.producer,
      correlationId: this.correlationId,
      causationId: this.causationId,
      payload: this.payload,
    } as StoredEvent;
  }
}
