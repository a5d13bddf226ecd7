import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPLAINT_CATEGORIES, PRIORITIES } from '@complaints/contracts';
import type { ComplaintCategory, Priority } from '@complaints/contracts';

/** A complaint the classifier was not sure of, waiting for an officer to give it its class. */
export class TriageItemDto {
  @ApiProperty({ format: 'uuid' })
  complaintId: string;

  @ApiProperty({ enum: COMPLAINT_CATEGORIES, description: "The model's best guess" })
  category: ComplaintCategory;

  @ApiProperty({ example: 'claims' })
  subcategory: string;

  @ApiPropertyOptional({ enum: COMPLAINT_CATEGORIES })
  secondaryCategory?: ComplaintCategory;

  @ApiProperty({ example: { business_handling: 0.41, product_service: 0.33 } })
  probabilities: Record<ComplaintCategory, number>;

  @ApiProperty({ example: 0.41 })
  probability: number;

  @ApiProperty({ example: 'clf-20261201T140504/embedding' })
  modelVersion: string;

  @ApiProperty({ enum: PRIORITIES })
  priority: Priority;

  @ApiProperty()
  greenChannel: boolean;

  @ApiProperty({ format: 'date-time' })
  decisionDueAt: string;

  @ApiProperty({ format: 'date-time' })
  classifiedAt: string;
}

export class TriageListDto {
  @ApiProperty({ type: [TriageItemDto], description: 'Oldest first' })
  items: TriageItemDto[];
}
