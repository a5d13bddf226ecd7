import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AuditKind, EnvelopeOf, EVENT_TYPES } from '@complaints/contracts';

/**
 * One entry of the audit trail: a `complaints.audit.v1` event as consumed (the envelope's
 * producer is the service), or an entry archiving wrote itself (an auditor's read or query).
 * Keyed by event id, so an entry delivered twice is kept once.
 */
@Entity({ name: 'audit_entry' })
@Index('ix_audit_entry_at', ['at', 'eventId'])
export class AuditRecord {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId: string;

  /** When the action happened (UTC, millisecond precision). */
  @Column({ type: 'timestamptz', precision: 3 })
  at: Date;

  @Column('text')
  service: string;

  /** `<object>.<verb>` */
  @Column('text')
  action: string;

  @Column('text')
  kind: AuditKind;

  /** Null for entries about no complaint (an auditor's query of the trail). */
  @Column('uuid', { name: 'complaint_id', nullable: true })
  complaintId: string | null;

  @Column('text', { name: 'actor_subject', nullable: true })
  actorSubject: string | null;

  @Column('text', { name: 'actor_username', nullable: true })
  actorUsername: string | null;

  @Column('text', { name: 'actor_roles', array: true, default: () => `'{}'` })
  actorRoles: string[];

  @Column('text', { name: 'actor_department', nullable: true })
  actorDepartment: string | null;

  @Column('text', { name: 'caller_system', nullable: true })
  callerSystem: string | null;

  @Column('text', { name: 'origin_ip' })
  originIp: string;

  @Column('text', { name: 'origin_user_agent', nullable: true })
  originUserAgent: string | null;

  @Column('jsonb', { nullable: true })
  details: Record<string, string> | null;

  @Column('uuid', { name: 'correlation_id' })
  correlationId: string;

  @Column('uuid', { name: 'causation_id', nullable: true })
  causationId: string | null;

  /** The row of a consumed entry: the envelope's producer is the service that acted. */
  static fromEvent(event: EnvelopeOf<typeof EVENT_TYPES.audited>): AuditRecord {
    const p = event.payload;
    const row = new AuditRecord();
    row.eventId = event.eventId;
    row.at = new Date(p.at);
    row.service = event.producer;
    row.action = p.action;
    row.kind = p.kind;
    row.complaintId = event.complaintId;
    row.actorSubject = p.actor?.subject ?? null;
    row.actorUsername = p.actor?.username ?? null;
    row.actorRoles = p.actor ? [...p.actor.roles] : [];
    row.actorDepartment = p.actor?.department ?? null;
    row.callerSystem = p.callerSystem ?? null;
    row.originIp = p.origin.ip;
    row.originUserAgent = p.origin.userAgent ?? null;
    row.details = p.details ? { ...p.details } : null;
    row.correlationId = event.correlationId;
    row.causationId = event.causationId;
    return row;
  }
}
