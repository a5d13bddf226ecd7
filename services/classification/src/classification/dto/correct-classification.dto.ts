import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { COMPLAINT_CATEGORIES } from '@complaints/contracts';
import type { ComplaintCategory } from '@complaints/contracts';

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

/** A complaints officer's correction of a complaint's class and, optionally, department. */
export class CorrectClassificationDto {
  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  @IsIn(COMPLAINT_CATEGORIES)
  category: ComplaintCategory;

  @ApiProperty({
    maxLength: 64,
    example: 'claims',
    description: 'A subcategory the rulebook knows',
  })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  subcategory: string;

  @ApiPropertyOptional({
    maxLength: 64,
    example: 'claims',
    description: "Default: the routing table's department for the corrected class",
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  department?: string;

  @ApiProperty({ maxLength: 2000, description: 'Why the rules got it wrong' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
