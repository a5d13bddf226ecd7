import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Why the complaints officer sends a dissatisfied customer's complaint back to investigation. */
export class ReopenComplaintDto {
  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'Kept on the reopening and audited' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
