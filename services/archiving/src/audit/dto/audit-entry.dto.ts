import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_KINDS } from '@complaints/contracts';
import type { AuditKind } from '@complaints/contracts';
import { AuditRecord } from '../audit-record.entity';

export class AuditActorDto {
  @ApiProperty({ description: "The token's subject" })
  subject: string;

  @ApiProperty()
  username: string;

  @ApiProperty({ type: [String] })
  roles: string[];

  @ApiPropertyOptional()
  department?: string;
}

export class AuditOriginDto {
  @ApiProperty()
  ip: string;

  @ApiPropertyOptional()
  userAgent?: string;
}

/** One entry of the trail as auditors read it: staff identities and origins in clear. */
export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ example: 'investigation' })
  service: string;

  @ApiProperty({ example: 'case.decided' })
  action: string;

  @ApiProperty({ enum: AUDIT_KINDS })
  kind: AuditKind;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  complaintId: string | null;

  @ApiPropertyOptional({ type: AuditActorDto })
  actor?: AuditActorDto;

  @ApiPropertyOptional({ description: 'The calling system, when it acted with an API key' })
  callerSystem?: string;

  @ApiProperty({ type: AuditOriginDto })
  origin: AuditOriginDto;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  details?: Record<string, string>;

  static of(row: AuditRecord): AuditEntryDto {
    return {
      eventId: row.eventId,
      at: row.at.toISOString(),
      service: row.service,
      action: row.action,
      kind: row.kind,
      complaintId: row.complaintId,
      ...(row.actorSubject
        ? {
            actor: {
              subject: row.actorSubject,
              username: row.actorUsername ?? row.actorSubject,
              roles: row.actorRoles,
              ...(row.actorDepartment ? { department: row.actorDepartment } : {}),
            },
          }
        : {}),
      ...(row.callerSystem ? { callerSystem: row.callerSystem } : {}),
      origin: {
        ip: row.originIp,
        ...(row.originUserAgent ? { userAgent: row.originUserAgent } : {}),
      },
      ...(row.details ? { details: row.details } : {}),
    };
  }
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto], description: 'Newest first' })
  entries: AuditEntryDto[];

  @ApiPropertyOptional({ description: 'Pass as `cursor` for the next page; absent on the last' })
  nextCursor?: string;
}
