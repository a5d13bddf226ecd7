import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, MaxLength } from 'class-validator';

export class SentMailQueryDto {
  @ApiPropertyOptional({ description: 'Only mail to this address' })
  @IsOptional()
  @MaxLength(254)
  @IsEmail()
  to?: string;
}

export class SentMailDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ type: [String] })
  to: string[];

  @ApiProperty()
  subject: string;

  @ApiProperty({ description: 'The text as received, answer-link tokens hidden' })
  text: string;

  @ApiProperty({ description: 'UTC, when the sink received it' })
  receivedAt: string;
}
