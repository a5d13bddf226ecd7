import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class SubmitFeedbackDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: '1 very dissatisfied .. 5 very satisfied' })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @ApiProperty({ description: 'Was the problem solved?' })
  @IsBoolean()
  solved: boolean;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'Why; becomes the reason when the complaint is reopened',
  })
  @IsOptional()
  // A blank comment is no comment: events carry optional fields absent, never empty.
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || undefined : value))
  @IsString()
  @MaxLength(2000)
  comment?: string;

  @ApiPropertyOptional({
    description:
      'The customer asks for an internal review: within REVIEW_REQUEST_DAYS (30) of the letter ' +
      '(later: 422 REVIEW.TOO_LATE), once per complaint (409 REVIEW.ALREADY_REVIEWED)',
  })
  @IsOptional()
  @IsBoolean()
  reviewRequested?: boolean;
}
