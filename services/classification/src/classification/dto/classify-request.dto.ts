import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { INTAKE_CHANNELS, LANGUAGES, PRODUCT_LINES } from '@complaints/contracts';
import type { IntakeChannel, Language, ProductLine } from '@complaints/contracts';

/** A complaint's words to try the rules on; the same limits as a received complaint. */
export class ClassifyRequestDto {
  @ApiProperty({ maxLength: 200, example: '理赔被拒' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject: string;

  @ApiProperty({
    maxLength: 10000,
    example: '我父亲住院治疗后申请理赔，保险公司以既往症为由拒赔。',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  description: string;

  @ApiPropertyOptional({
    enum: INTAKE_CHANNELS,
    description: 'Rules that depend on the channel fire only when it is given',
  })
  @IsOptional()
  @IsIn(INTAKE_CHANNELS)
  channel?: IntakeChannel;

  @ApiPropertyOptional({
    enum: PRODUCT_LINES,
    description: 'Rules that depend on the product line fire only when it is given',
  })
  @IsOptional()
  @IsIn(PRODUCT_LINES)
  productLine?: ProductLine;

  @ApiPropertyOptional({
    enum: LANGUAGES,
    description: "The classifier's language; detected from the text when not given",
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}
