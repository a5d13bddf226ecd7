import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPLAINT_CATEGORIES } from '@complaints/contracts';
import type { ComplaintCategory } from '@complaints/contracts';

/** What the trained classifier said; absent when the rules alone classified. */
export class ModelVerdictDto {
  @ApiProperty({ example: 'clf-20261201T140504/embedding', description: '<version>/<variant>' })
  version: string;

  @ApiProperty({
    example: {
      business_handling: 0.81,
      product_service: 0.12,
      staff_service: 0.05,
      technical: 0.02,
    },
    description: 'Probability of each class, summing to 1',
  })
  probabilities: Record<ComplaintCategory, number>;

  @ApiProperty({ example: 0.81, description: "The primary class's probability" })
  probability: number;

  @ApiPropertyOptional({
    enum: COMPLAINT_CATEGORIES,
    description: 'The runner-up class, when it is at least 0.2 probable',
  })
  secondaryCategory?: ComplaintCategory;

  @ApiProperty({
    description:
      "Below the triage threshold: routed to the complaints office's triage queue, not to the class's department",
  })
  triage: boolean;
}
