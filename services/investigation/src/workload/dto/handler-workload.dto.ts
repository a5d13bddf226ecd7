import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One handler's undecided (open or reopened) cases. */
export class HandlerWorkloadDto {
  @ApiProperty({ example: 'h-claims-01' })
  handlerId: string;

  @ApiProperty({ example: 'claims' })
  department: string;

  @ApiProperty({ description: 'Inactive handlers get no new cases' })
  active: boolean;

  @ApiProperty({ minimum: 1, description: 'Open cases before assignment prefers a colleague' })
  maxOpenCases: number;

  @ApiProperty({ minimum: 0 })
  openCases: number;

  @ApiProperty({ minimum: 0, description: 'Of openCases, on the green channel (fast track)' })
  greenChannelCases: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'The nearest decision due date' })
  nearestDueAt?: string;
}
