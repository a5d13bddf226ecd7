import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPLAINT_CATEGORIES, PRIORITIES, SEVERITIES } from '@complaints/contracts';
import type { ComplaintCategory, Priority, Severity } from '@complaints/contracts';
import type { Confidence } from '../../rules/rule.types';
import { CorrectionDto } from './correction.dto';
import { ModelVerdictDto } from './model-verdict.dto';

/**
 * A stored classification: what was published on complaints.routed.v1 for the complaint, with
 * the class and department an officer's correction gave it since.
 */
export class ClassificationDto {
  @ApiProperty({ format: 'uuid' })
  complaintId: string;

  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  category: ComplaintCategory;

  @ApiProperty({ example: 'claims' })
  subcategory: string;

  @ApiProperty({ enum: SEVERITIES })
  severity: Severity;

  @ApiProperty({ enum: PRIORITIES })
  priority: Priority;

  @ApiProperty()
  greenChannel: boolean;

  @ApiProperty({ example: 'claims' })
  department: string;

  @ApiProperty({ enum: ['low', 'medium', 'high'] })
  confidence: Confidence;

  @ApiProperty({ type: [String], description: 'Rules that fired, in evaluation order' })
  matchedRuleIds: string[];

  @ApiPropertyOptional({
    type: ModelVerdictDto,
    description: "The trained classifier's verdict, when it classified (absent: the rules alone)",
  })
  model?: ModelVerdictDto;

  @ApiProperty({ format: 'date-time' })
  receivedAt: string;

  @ApiProperty({ format: 'date-time' })
  acknowledgeDueAt: string;

  @ApiProperty({ format: 'date-time' })
  decisionDueAt: string;

  @ApiProperty({ example: 'cn-2020-standard@1' })
  slaPolicyId: string;

  @ApiProperty({ format: 'date-time' })
  classifiedAt: string;

  @ApiProperty({ description: 'A complaints officer corrected the class or department' })
  corrected: boolean;

  @ApiPropertyOptional({
    type: CorrectionDto,
    description: 'The latest correction, when corrected',
  })
  correction?: CorrectionDto;
}
