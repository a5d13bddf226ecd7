import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CODE_PATTERN, PRODUCT_LINES, ProductLine } from '@complaints/contracts';
import { PERIOD_PATTERN } from '../../read-models/periods';

/** Most rows one load takes. */
export const MAX_POLICY_ROWS = 10_000;

export class PolicyCountRowDto {
  @ApiProperty({ enum: PRODUCT_LINES })
  @IsIn(PRODUCT_LINES)
  productLine: ProductLine;

  @ApiPropertyOptional({ example: 'cn-sh', description: 'Absent: the whole insurer' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'region must be a code such as cn-sh' })
  @MaxLength(64)
  region?: string;

  @ApiProperty({ example: '2026-Q2' })
  @Matches(PERIOD_PATTERN, { message: 'period must be YYYY, YYYY-MM or YYYY-Qn' })
  period: string;

  @ApiProperty({ example: 120_000, description: 'Policies in force, 1..10^12' })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000_000)
  policies: number;

  @ApiPropertyOptional({ example: 300_000_000, description: 'Written premium in yuan, > 0' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(1e17)
  premiumYuan?: number;

  @ApiPropertyOptional({ example: 120_000, description: 'Insured persons, 1..10^12' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000_000)
  insuredPersons?: number;
}

/** A whole file of denominators: every row valid, or nothing loads. */
export class PolicyCountsDto {
  @ApiProperty({ type: [PolicyCountRowDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_POLICY_ROWS)
  @ValidateNested({ each: true })
  @Type(() => PolicyCountRowDto)
  rows: PolicyCountRowDto[];
}

export class PolicyCountsQueryDto {
  @ApiPropertyOptional({ example: '2026-Q2' })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: 'period must be YYYY, YYYY-MM or YYYY-Qn' })
  period?: string;
}
