import { ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalNotNull } from '@complaints/contracts';
import { IsText } from '../validation/text.validators';

/** Who or what the complaint is about; at least one field when present. */
export class ComplainedAboutDto {
  @ApiPropertyOptional({ maxLength: 64 })
  @OptionalNotNull()
  @IsText({ max: 64 })
  staffId?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalNotNull()
  @IsText({ max: 200 })
  staffName?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Branch, department or agency' })
  @OptionalNotNull()
  @IsText({ max: 200 })
  unit?: string;
}
