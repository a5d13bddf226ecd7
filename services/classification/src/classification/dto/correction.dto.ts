import { ApiProperty } from '@nestjs/swagger';
import { COMPLAINT_CATEGORIES } from '@complaints/contracts';
import type { ComplaintCategory } from '@complaints/contracts';

/** The latest correction of a classification by a complaints officer. */
export class CorrectionDto {
  @ApiProperty({ enum: COMPLAINT_CATEGORIES, description: 'The class before this correction' })
  previousCategory: ComplaintCategory;

  @ApiProperty()
  previousSubcategory: string;

  @ApiProperty()
  previousDepartment: string;

  @ApiProperty()
  reason: string;

  @ApiProperty({ description: "The officer's username" })
  correctedBy: string;

  @ApiProperty({ format: 'date-time' })
  correctedAt: string;
}
