import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { OptionalNotNull } from '@complaints/contracts';

/** A person gives a case to another handler; who does it is the signed-in person. */
export class ReassignCaseDto {
  @ApiProperty({ example: 'h-claims-02', description: 'The handler who takes the case' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  handlerId: string;

  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'Why, kept in the audit trail' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  @ApiPropertyOptional({
    example: 'policy-services',
    description:
      "Complaints officers: the department whose queue takes the case (default: the handler's). " +
      'Supervisors: their own department only.',
  })
  @OptionalNotNull()
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'department must be a department code' })
  department?: string;
}
