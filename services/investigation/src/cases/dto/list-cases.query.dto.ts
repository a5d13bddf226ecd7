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
import { CASE_STATUSES } from '../complaint-case.entity';
import type { CaseStatus } from '../complaint-case.entity';

/** Cases returned at most per request. */
export const MAX_CASES_PER_PAGE = 200;

export class ListCasesQueryDto {
  @ApiPropertyOptional({ example: 'claims', description: "The department's queue" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  department?: string;

  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ example: 'h-claims-01', description: "One handler's cases" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  handlerId?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: only cases with a breached deadline; false: only those without',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  breached?: 'true' | 'false';

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_CASES_PER_PAGE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_CASES_PER_PAGE)
  limit?: number;
}
