import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { OptionalNotNull } from '../../validation/contract.decorators';

/**
 * The authenticated person who took an action, from their access token: never a request field.
 * Staff identity, not the complainant's; it stays off the analysts' stream.
 */
export class ActingPerson {
  /** `sub` at the identity provider. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  subject: string;

  /** `preferred_username`: the handler id for handlers. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  username: string;

  /** The realm roles the person held when acting. */
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(64, { each: true })
  roles: string[];

  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  department?: string;
}
