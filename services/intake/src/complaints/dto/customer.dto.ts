import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn } from 'class-validator';
import { AGE_BANDS, OptionalNotNull } from '@complaints/contracts';
import type { AgeBand } from '@complaints/contracts';
import { IsText } from '../validation/text.validators';

/** The complainant. Which contact fields are required depends on the channel (README). */
export class CustomerDto {
  @ApiPropertyOptional({ maxLength: 64, description: "The insurer's customer id, where known" })
  @OptionalNotNull()
  @IsText({ max: 64 })
  customerId?: string;

  @ApiProperty({ maxLength: 200 })
  @IsText({ max: 200 })
  name: string;

  @ApiPropertyOptional({
    maxLength: 32,
    example: '+86 138 0013 8000',
    pattern: '^\\+?[0-9][0-9 ()-]{4,30}$',
  })
  @OptionalNotNull()
  @IsText({
    max: 32,
    pattern: /^\+?[0-9][0-9 ()-]{4,30}$/,
    patternReason: 'must be a telephone number',
  })
  phone?: string;

  @ApiPropertyOptional({ maxLength: 254, format: 'email' })
  @OptionalNotNull()
  @IsEmail({}, { message: '$property must be an e-mail address' })
  @IsText({ max: 254 })
  email?: string;

  @ApiPropertyOptional({
    maxLength: 32,
    description: 'National ID or passport number',
    pattern: '^[A-Za-z0-9][A-Za-z0-9 -]*$',
  })
  @OptionalNotNull()
  @IsText({
    max: 32,
    pattern: /^[A-Za-z0-9][A-Za-z0-9 -]*$/,
    patternReason: 'must be letters, digits, spaces and dashes',
  })
  idNumber?: string;

  @ApiPropertyOptional({
    enum: AGE_BANDS,
    description:
      "The customer's age band in years (a band only: no birth date is taken); analysts group by it",
  })
  @OptionalNotNull()
  @IsIn(AGE_BANDS)
  ageBand?: AgeBand;

  @ApiPropertyOptional({
    description: 'The insurer assessed the customer as vulnerable; analysts group by it',
  })
  @OptionalNotNull()
  @IsBoolean()
  vulnerable?: boolean;
}
