import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export const WATCHLIST_STATUSES = ['near', 'overdue', 'breached'] as const;
export type WatchlistStatus = (typeof WATCHLIST_STATUSES)[number];

export class WatchlistQueryDto {
  @ApiPropertyOptional({
    enum: WATCHLIST_STATUSES,
    default: 'near',
    description:
      'near: a running deadline within `withinHours` (overdue ones included); overdue: past and unmet; breached: a breach was published',
  })
  @IsOptional()
  @IsIn(WATCHLIST_STATUSES)
  status?: WatchlistStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 24 * 60, default: 72 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  withinHours?: number;

  @ApiPropertyOptional({ example: 'claims' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  department?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
