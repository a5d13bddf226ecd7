import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { OptionalNotNull } from '@complaints/contracts';
import { IsText } from '../../complaints/validation/text.validators';

/** The customer's answer to the satisfaction survey, as the calling system collected it. */
export class SubmitFeedbackDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: '1 very dissatisfied .. 5 very satisfied' })
  @Max(5)
  @Min(1)
  @IsInt()
  rating: number;

  @ApiProperty({ description: 'Whether the customer considers the matter solved' })
  @IsBoolean()
  solved: boolean;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: "The customer's own words; may hold line breaks",
  })
  @OptionalNotNull()
  @IsText({ max: 2000, multiline: true })
  comment?: string;

  @ApiPropertyOptional({
    description:
      'The customer asks for an internal review of the decision: taken within 30 days of the ' +
      'decision letter (later: 422 REVIEW.TOO_LATE), decided by someone who did not decide it',
  })
  @OptionalNotNull()
  @IsBoolean()
  reviewRequested?: boolean;
}
