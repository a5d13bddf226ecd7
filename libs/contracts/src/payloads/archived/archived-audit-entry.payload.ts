import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsUtcTimestamp, OptionalNotNull } from '../../validation/contract.decorators';
import { SERVICE_NAME_PATTERN, SHA256_HEX_PATTERN } from '../../validation/contract.patterns';
import { AUDIT_KINDS, AuditKind } from '../audited/complaint-audited-v1.payload';

/**
 * One audit-trail entry of the complaint (from `complaints.audit.v1`), pseudonymised: who acted
 * appears only as their roles and a keyed hash of their subject. Never their name, username,
 * address, user agent or the entry's details (which may hold reasons naming people).
 */
export class ArchivedAuditEntry {
  /** UTC. */
  @IsUtcTimestamp()
  at: string;

  /** `<object>.<verb>`, e.g. `case.decided`. */
  @IsString()
  @Matches(/^[a-z][a-z-]*\.[a-z][a-z-]*$/)
  @MaxLength(64)
  action: string;

  @IsIn(AUDIT_KINDS)
  kind: AuditKind;

  /** The service that performed the action. */
  @Matches(SERVICE_NAME_PATTERN)
  @MaxLength(64)
  service: string;

  /** The realm roles the person held when acting; empty when a calling system acted. */
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(64, { each: true })
  actorRole: string[];

  /** Keyed hash of the person's subject: equal for the same person, not reversible. */
  @JSONSchema({ description: 'stable, non-reversible pseudonym of the acting person' })
  @OptionalNotNull()
  @Matches(SHA256_HEX_PATTERN, { message: '$property must be a lower-case hex pseudonym' })
  actorRef?: string;
}
