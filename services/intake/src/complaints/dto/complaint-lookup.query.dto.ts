import { ApiProperty } from '@nestjs/swagger';
import { IsText } from '../validation/text.validators';
import { EXTERNAL_REFERENCE_PATTERN, EXTERNAL_REFERENCE_REASON } from './create-complaint.dto';

export class ComplaintLookupQueryDto {
  @ApiProperty({ maxLength: 128, description: 'Your own reference, as you submitted it' })
  @IsText({
    max: 128,
    pattern: EXTERNAL_REFERENCE_PATTERN,
    patternReason: EXTERNAL_REFERENCE_REASON,
  })
  externalReference: string;
}
