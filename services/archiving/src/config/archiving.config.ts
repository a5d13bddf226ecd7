import { IsString, MinLength } from 'class-validator';
import { ServiceConfig, WithAuthConfig } from '@complaints/platform';

export class ArchivingConfig extends WithAuthConfig(ServiceConfig) {
  override PORT: number = 3005;

  /**
   * Secret key of the HMAC that turns customer and policy identifiers into pseudonyms. No
   * default on purpose: a key anyone can read in the source would let them re-identify
   * customers by hashing guesses. Changing it changes every pseudonym, so repeat complainants
   * are no longer counted across the change.
   */
  @IsString()
  @MinLength(32, { message: 'PSEUDONYM_KEY must be at least 32 characters' })
  PSEUDONYM_KEY!: string;
}
