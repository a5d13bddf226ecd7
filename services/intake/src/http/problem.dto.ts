import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldProblemDto } from './field-problem.dto';

/** RFC 9457 problem details, as every error of the API. */
export class ProblemDto {
  @ApiProperty({ format: 'uri', example: 'https://complaints.example/problems/request-invalid' })
  type: string;

  @ApiProperty({ example: 'Bad Request' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiPropertyOptional()
  detail?: string;

  @ApiPropertyOptional({ description: 'The request path' })
  instance?: string;

  @ApiProperty({ example: 'REQUEST.INVALID', description: 'Stable error code' })
  code: string;

  @ApiPropertyOptional({
    type: [FieldProblemDto],
    description: 'For invalid input: each bad field and why',
  })
  errors?: FieldProblemDto[];
}
