import { Type } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsUtcTimestamp, OptionalNotNull } from '../../validation/contract.decorators';
import { ActingPerson } from '../people/acting-person.payload';

/** Whether the audited action changed something or read personal data. */
export const AUDIT_KINDS = ['change', 'read'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** Where the request came from, as the service saw it. */
export class AuditOrigin {
  /** The client's address (the proxy's, unless the service is told to trust X-Forwarded-For). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  ip: string;

  @OptionalNotNull()
  @IsString()
  @MaxLength(512)
  userAgent?: string;
}

/**
 * `complaints.audit.v1`: one entry of the audit trail. Every change a person makes and every
 * read of personal data is published here by the service that did it (the envelope's producer), in the transaction of
 * the change (the outbox), so an entry exists exactly when the action happened. Archiving keeps
 * the trail for auditors and puts each entry in the complaint's timeline.
 */
export class ComplaintAuditedV1 {
  /** What was done, `<object>.<verb>`: `case.decided`, `complainant.read`, ... */
  @IsString()
  @Matches(/^[a-z][a-z-]*\.[a-z][a-z-]*$/)
  @MaxLength(64)
  action: string;

  @IsIn(AUDIT_KINDS)
  kind: AuditKind;

  /** The person; absent when a calling system acted with an API key (see callerSystem). */
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => ActingPerson)
  actor?: ActingPerson;

  /** The calling system, when it acted with intake's API key. */
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  callerSystem?: string;

  @ValidateNested()
  @Type(() => AuditOrigin)
  origin: AuditOrigin;

  /**
   * A few facts about the action (new handler, reason, outcome), string to string; never the
   * complainant's personal data itself.
   */
  @OptionalNotNull()
  @IsObject()
  details?: Record<string, string>;

  /** UTC. */
  @IsUtcTimestamp()
  at: string;
}
