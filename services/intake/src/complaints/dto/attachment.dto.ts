import { ApiProperty } from '@nestjs/swagger';
import { MAX_ATTACHMENT_BYTES } from '@complaints/contracts';
import { IsIntegerBetween, IsText } from '../validation/text.validators';

/** A file the calling system keeps: described here, never uploaded. */
export class AttachmentDto {
  @ApiProperty({ maxLength: 255 })
  @IsText({ max: 255 })
  name: string;

  @ApiProperty({ example: 'application/pdf', maxLength: 255 })
  @IsText({
    max: 255,
    pattern: /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/,
    patternReason: 'must be a lower-case media type such as image/png',
  })
  mediaType: string;

  @ApiProperty({ description: 'bytes', minimum: 0, maximum: MAX_ATTACHMENT_BYTES, type: 'integer' })
  @IsIntegerBetween(0, MAX_ATTACHMENT_BYTES)
  sizeBytes: number;

  @ApiProperty({ pattern: '^[a-f0-9]{64}$' })
  @IsText({
    max: 64,
    pattern: /^[a-f0-9]{64}$/,
    patternReason: 'must be a lower-case hex SHA-256 digest',
  })
  sha256: string;

  @ApiProperty({
    maxLength: 2048,
    description: 'Where the calling system keeps the file (URI or document key)',
  })
  @IsText({ max: 2048 })
  location: string;
}
