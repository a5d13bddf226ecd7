import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** Most entries one page holds. */
export const MAX_AUDIT_PAGE = 500;
export const DEFAULT_AUDIT_PAGE = 100;

/** Filters of a complaint's trail (GET /v1/audit/complaints/:complaintId); all optional. */
export class ComplaintAuditQueryDto {
  @ApiPropertyOptional({ description: "The person: their token's subject or their username" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  actor?: string;

  @ApiPropertyOptional({ example: 'case.decided' })
  @IsOptional()
  @Matches(/^[a-z][a-z-]*\.[a-z][a-z-]*$/, { message: 'action must look like case.decided' })
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional({ example: 'investigation' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]*$/, { message: 'service must be a service name' })
  @MaxLength(64)
  service?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries at or after (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries before (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date-time' })
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_AUDIT_PAGE, default: DEFAULT_AUDIT_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_AUDIT_PAGE)
  limit?: number;

  @ApiPropertyOptional({ description: "The previous page's nextCursor" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  cursor?: string;
}

/** Filters of the whole trail (GET /v1/audit). Newest first. */
export class AuditQueryDto extends ComplaintAuditQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  complaintId?: string;
}
