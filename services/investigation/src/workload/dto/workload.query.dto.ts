import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** Natural days ahead the due list looks, at most. */
export const MAX_DUE_WITHIN_DAYS = 60;

export class WorkloadQueryDto {
  @ApiPropertyOptional({
    example: 'claims',
    description: 'One department (supervisors: their own is the only one they see); default all',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'department must be a department code' })
  department?: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_DUE_WITHIN_DAYS,
    default: 3,
    description: 'Undecided cases due within this many natural days (overdue ones included)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_DUE_WITHIN_DAYS)
  dueWithinDays?: number;
}
