import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPLAINT_CATEGORIES, PRIORITIES, SEVERITIES } from '@complaints/contracts';
import type { ComplaintCategory, Priority, Severity } from '@complaints/contracts';
import type { Confidence } from '../../rules/rule.types';
import { MatchedRuleDto } from './matched-rule.dto';
import { ModelVerdictDto } from './model-verdict.dto';

const CONFIDENCES: Confidence[] = ['low', 'medium', 'high'];

/** What the rules and the trained classifier make of a complaint's words. */
export class ClassifyResultDto {
  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  category: ComplaintCategory;

  @ApiProperty({ example: 'claims' })
  subcategory: string;

  @ApiProperty({ enum: SEVERITIES })
  severity: Severity;

  @ApiProperty({ enum: PRIORITIES, description: 'P1 is handled first' })
  priority: Priority;

  @ApiProperty({ description: 'Fast track with shorter deadlines' })
  greenChannel: boolean;

  @ApiProperty({ example: 'claims' })
  department: string;

  @ApiProperty({
    enum: CONFIDENCES,
    description: 'low: no class rule fired, so the fallback class was given',
  })
  confidence: Confidence;

  @ApiProperty({
    type: [MatchedRuleDto],
    description: 'Every rule that fired, in evaluation order',
  })
  matchedRules: MatchedRuleDto[];

  @ApiPropertyOptional({
    type: ModelVerdictDto,
    description: "The trained classifier's verdict, when it classified (absent: the rules alone)",
  })
  model?: ModelVerdictDto;
}
