import { ApiProperty } from '@nestjs/swagger';

export class FieldProblemDto {
  @ApiProperty({
    example: 'customer.phone',
    description: 'Dotted path of the field in the request',
  })
  field: string;

  @ApiProperty({ example: 'customer.phone is required for the phone channel' })
  reason: string;
}
