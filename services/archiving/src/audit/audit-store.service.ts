import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AuditKind, EnvelopeOf, EVENT_TYPES } from '@complaints/contracts';
import { actorOf, Clock } from '@complaints/platform';
import { AuditRecord } from './audit-record.entity';

/** The service name archiving's own entries carry. */
export const ARCHIVING_SERVICE = 'archiving';

const MAX_USER_AGENT = 512;

/** An action of archiving's own that the trail must hold. */
export interface OwnAuditEntry {
  action: string;
  kind: AuditKind;
  complaintId?: string;
  /** Strings only; never the complainant's personal data. */
  details?: Record<string, string>;
}

/** The audit trail's write side in archiving: consumed entries and archiving's own. */
@Injectable()
export class AuditStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Keeps a consumed entry; a redelivered one (same event id) changes nothing. */
  async ingest(
    manager: EntityManager,
    event: EnvelopeOf<typeof EVENT_TYPES.audited>,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditRecord)
      .values(AuditRecord.fromEvent(event))
      .orIgnore()
      .execute();
  }

  /**
   * Writes an entry of archiving's own straight into the trail, before the caller answers:
   * an auditor's read or query is on record whenever its answer is. The person is the request's
   * verified token, never a request field.
   */
  async recordOwn(request: FastifyRequest, entry: OwnAuditEntry): Promise<void> {
    const actor = actorOf(request);
    const userAgent = request.headers['user-agent'];
    const row = new AuditRecord();
    row.eventId = uuidv7();
    row.at = this.clock.now();
    row.service = ARCHIVING_SERVICE;
    row.action = entry.action;
    row.kind = entry.kind;
    row.complaintId = entry.complaintId ?? null;
    row.actorSubject = actor?.subject ?? null;
    row.actorUsername = actor?.username ?? null;
    row.actorRoles = actor ? [...actor.roles] : [];
    row.actorDepartment = actor?.department ?? null;
    row.callerSystem = null;
    row.originIp = request.ip || 'unknown';
    row.originUserAgent = userAgent ? userAgent.slice(0, MAX_USER_AGENT) : null;
    row.details = entry.details ?? null;
    row.correlationId = row.eventId;
    row.causationId = null;
    await this.dataSource.getRepository(AuditRecord).insert(row);
  }
}
