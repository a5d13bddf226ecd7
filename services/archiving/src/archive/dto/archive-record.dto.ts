import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The sealed record for the OpenAPI document. The authoritative shape is the published JSON
 * Schema of complaints.archived.v1 (libs/contracts/schemas); the API returns exactly the
 * payload that topic carries.
 */
export class ArchiveRecordDto {
  @ApiProperty({ format: 'uuid' })
  complaintId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Pseudonymised complaint facts',
  })
  complaint: object;

  @ApiProperty({ type: 'object', additionalProperties: true })
  classification: object;

  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Every lifecycle stage in the order it happened',
  })
  timeline: object[];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Whether the first decision met its deadline',
  })
  sla: object;

  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'One per investigation round, round 1 first',
  })
  decisions: object[];

  @ApiProperty({ type: 'array', items: { type: 'object' } })
  feedback: object[];

  @ApiProperty({ type: 'object', additionalProperties: true })
  closure: object;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object' },
    description:
      'Every time the case was given to a handler, oldest first: at, cause, department, ' +
      'handlerRef (a keyed hash of the handler id). No reason, no assigner',
  })
  assignments?: object[];

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object' },
    description:
      'Audit-trail entries recorded before the seal, oldest first: at, action, kind, service, ' +
      'actorRole, actorRef (a keyed hash of the subject). Later entries stay in the audit store',
  })
  audit?: object[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Each legal clock (policy; per clock: deadline, outcome met / breached / ended / unwatched, ' +
      'extensions with requesterRef and approverRef as keyed hashes, pauses), as the deadlines ' +
      'service last published it before the seal. Absent when no clock state arrived',
  })
  clockHistory?: object;

  @ApiProperty({ format: 'date-time' })
  sealedAt: string;

  @ApiProperty({
    pattern: '^[0-9a-f]{64}$',
    description: 'SHA-256 (hex) of the canonical JSON of all other fields',
  })
  sealHash: string;
}
