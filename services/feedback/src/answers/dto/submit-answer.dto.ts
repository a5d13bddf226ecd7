import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class AnswerTokenDto {
  @ApiProperty({ description: "The token from the letter's answer link (after #t=)" })
  @IsString()
  @MinLength(10)
  @MaxLength(100)
  token: string;
}

/** The customer's answer on the public page. No field names a person: the link is the customer. */
export class SubmitAnswerDto extends AnswerTokenDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: '1 very dissatisfied .. 5 very satisfied' })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @ApiProperty({ description: 'Was the problem solved?' })
  @IsBoolean()
  solved: boolean;

  @ApiPropertyOptional({ description: 'The customer asks for an internal review of the decision' })
  @IsOptional()
  @IsBoolean()
  reviewRequested?: boolean;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Why (and why a review, when asked)' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || undefined : value))
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class AnswerLinkDto {
  @ApiProperty({ nullable: true, type: String })
  referenceNumber: string | null;

  @ApiProperty()
  round: number;

  @ApiProperty({ enum: ['zh', 'en'] })
  language: string;

  @ApiProperty({ description: 'UTC' })
  expiresAt: string;
}

export class AnswerTakenDto {
  @ApiProperty()
  round: number;

  @ApiProperty({ description: 'The answer is taken; the complaint is closed or reopened from it.' })
  status: 'received';
}
