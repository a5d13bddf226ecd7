import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  ActingPerson,
  AuditKind,
  CausationLink,
  createEnvelope,
  EVENT_TYPES,
  EnvelopeOf,
} from '@complaints/contracts';
import { Transaction, UnitOfWork } from '@complaints/messaging';
import { Actor, actorOf } from '../auth/actor';
import { Clock } from '../clock/clock';

/** One audited action, as the service that performs it describes it. */
export interface AuditEntry {
  /** `<object>.<verb>`: `case.decided`, `complainant.read`, `case.reassigned`. */
  action: string;
  kind: AuditKind;
  complaintId: string;
  /** A few facts (new handler, reason, outcome); never the complainant's personal data. */
  details?: Record<string, string>;
  /** The calling system, when an API key rather than a person acted. */
  callerSystem?: string;
  /** Chains the entry to the event the action caused or acted on, when there is one. */
  causedBy?: CausationLink;
}

const MAX_USER_AGENT = 512;

/** The token's person as payloads carry them. */
export function actingPerson(actor: Actor): ActingPerson {
  return {
    subject: actor.subject,
    username: actor.username,
    roles: [...actor.roles],
    ...(actor.department ? { department: actor.department } : {}),
  };
}

/**
 * The audit trail's write side: every change a person makes and every read of personal data
 * becomes a `complaints.audit.v1` event, published through the outbox in the transaction of the
 * change, so the entry exists exactly when the change does. Archiving keeps the trail for
 * auditors and in each complaint's timeline. The actor is always the request's authenticated
 * subject (or calling system), never a request field.
 */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** Adds the entry to a change's transaction: it is published if, and only if, that commits. */
  record(tx: Transaction, request: FastifyRequest, entry: AuditEntry): void {
    tx.publish(this.event(request, entry));
  }

  /** Records a read (or a refused attempt) in a transaction of its own, before the answer. */
  async recordRead(request: FastifyRequest, entry: AuditEntry): Promise<void> {
    await this.unitOfWork.run(async (tx) => this.record(tx, request, entry));
  }

  event(request: FastifyRequest, entry: AuditEntry): EnvelopeOf<typeof EVENT_TYPES.audited> {
    const actor = actorOf(request);
    const now = this.clock.now();
    const userAgent = request.headers['user-agent'];
    return createEnvelope({
      type: EVENT_TYPES.audited,
      complaintId: entry.complaintId,
      ...(entry.causedBy ?? {}),
      occurredAt: now,
      payload: {
        action: entry.action,
        kind: entry.kind,
        ...(actor ? { actor: actingPerson(actor) } : {}),
        ...(entry.callerSystem ? { callerSystem: entry.callerSystem } : {}),
        origin: {
          ip: request.ip || 'unknown',
          ...(userAgent ? { userAgent: userAgent.slice(0, MAX_USER_AGENT) } : {}),
        },
        ...(entry.details ? { details: entry.details } : {}),
        at: now.toISOString(),
      },
    });
  }
}
