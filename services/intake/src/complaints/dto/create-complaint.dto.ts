import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { INTAKE_CHANNELS, LANGUAGES, PRODUCT_LINES } from '@complaints/contracts';
import type { IntakeChannel, Language, ProductLine } from '@complaints/contracts';

/** Characters; a complaint's facts fit in this, attachments carry the rest. */
export const MAX_DESCRIPTION = 10_000;

export class CustomerDto {
  @ApiPropertyOptional({ maxLength: 64, description: "The insurer's customer id, where known" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  customerId?: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ maxLength: 32, example: '+86 138 0013 8000' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @Matches(/^\+?[0-9][0-9 ()-]{4,30}$/, { message: 'phone must be a telephone number' })
  phone?: string;

  @ApiPropertyOptional({ maxLength: 254 })
  @IsOptional()
  @MaxLength(254)
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ maxLength: 32, description: 'National ID or passport number' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  idNumber?: string;
}

export class ComplainedAboutDto {
  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  staffId?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  staffName?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Branch, department or agency' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  unit?: string;
}

export class AttachmentDto {
  @ApiProperty({ maxLength: 255 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name: string;

  @ApiProperty({ example: 'application/pdf' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/, { message: 'mediaType must be a media type such as image/png' })
  mediaType: string;

  @ApiProperty({ description: 'bytes', minimum: 0, maximum: 104857600 })
  @IsInt()
  @Min(0)
  @Max(104_857_600)
  sizeBytes: number;

  @ApiProperty({ pattern: '^[a-f0-9]{64}$' })
  @IsString()
  @Matches(/^[a-f0-9]{64}$/, { message: 'sha256 must be a lower-case hex SHA-256 digest' })
  sha256: string;

  @ApiProperty({ maxLength: 2048, description: 'Where the calling system keeps the file' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2048)
  location: string;
}

export class CreateComplaintDto {
  @ApiProperty({ enum: INTAKE_CHANNELS })
  @IsIn(INTAKE_CHANNELS)
  channel: IntakeChannel;

  @ApiProperty({ maxLength: 64, description: 'The calling system, e.g. call-centre' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'callerSystem must be a lower-case system name' })
  callerSystem: string;

  @ApiProperty({ maxLength: 128, description: "The calling system's own id; the same one twice is the same complaint" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  externalReference: string;

  @ApiProperty({ type: CustomerDto })
  @ValidateNested()
  @Type(() => CustomerDto)
  customer: CustomerDto;

  @ApiPropertyOptional({ type: ComplainedAboutDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ComplainedAboutDto)
  complainedAbout?: ComplainedAboutDto;

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  policyNumber?: string;

  @ApiProperty({ enum: PRODUCT_LINES })
  @IsIn(PRODUCT_LINES)
  productLine: ProductLine;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject: string;

  @ApiProperty({ maxLength: MAX_DESCRIPTION })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_DESCRIPTION)
  description: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  desiredOutcome?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the matter complained about happened' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  incidentOccurredAt?: string;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Detected from the text when absent' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ type: [AttachmentDto], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];
}
