import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { CODE_PATTERN } from '@complaints/contracts';

export const ACTION_KINDS = [
  'training',
  'process_change',
  'product_change',
  'system_fix',
  'relationship_management',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export class RecordActionDto {
  @ApiProperty({ example: 'claims.delay', description: 'A code of the current taxonomy' })
  @Matches(CODE_PATTERN, { message: 'rootCauseCode must be a taxonomy code such as claims.delay' })
  @MaxLength(64)
  rootCauseCode: string;

  @ApiProperty({ enum: ACTION_KINDS })
  @IsIn(ACTION_KINDS)
  kind: ActionKind;

  @ApiProperty({ example: 'claims', description: 'The unit (department) that owns it, a code' })
  @Matches(CODE_PATTERN, { message: 'ownerUnit must be a unit code such as claims' })
  @MaxLength(64)
  ownerUnit: string;

  @ApiProperty({ example: '2026-03-01', description: 'The local date it took effect' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'takenOn must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'takenOn must be a real calendar date' })
  takenOn: string;
}

export class ActionsQueryDto {
  @ApiPropertyOptional({
    description: 'days compared on each side of the date, 7..365',
    default: 90,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(7)
  @Max(365)
  windowDays?: number;
}
