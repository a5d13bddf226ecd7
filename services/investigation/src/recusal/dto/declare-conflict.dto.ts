import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** A handler declares a conflict of interest on the case they hold; who is the signed-in person. */
export class DeclareConflictDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 2000,
    description: 'What the interest is, kept in the audit trail',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
