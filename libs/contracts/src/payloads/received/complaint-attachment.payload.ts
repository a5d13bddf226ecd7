import { IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { MEDIA_TYPE_PATTERN, SHA256_HEX_PATTERN } from '../../validation/contract.patterns';

/** 100 MiB: the largest file intake accepts. */
export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;

/**
 * A document the complainant supplied. Events carry a reference to the stored file, never its
 * bytes: Kafka messages stay small and the file is fetched only by those entitled to it.
 */
export class ComplaintAttachment {
  /** File name as uploaded. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name: string;

  @IsString()
  @Matches(MEDIA_TYPE_PATTERN, { message: '$property must be a media type such as image/png' })
  mediaType: string;

  @JSONSchema({ description: 'bytes' })
  @Max(MAX_ATTACHMENT_BYTES)
  @Min(0)
  @IsInt()
  sizeBytes: number;

  /** Lets any reader prove the file it fetched is the one received. */
  @IsString()
  @Matches(SHA256_HEX_PATTERN, { message: '$property must be a lower-case hex SHA-256 digest' })
  sha256: string;

  /** Where the file is stored (object-store URI or document-system key). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(2048)
  location: string;
}
