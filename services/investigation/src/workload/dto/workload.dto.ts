import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DueCaseDto } from './due-case.dto';
import { HandlerWorkloadDto } from './handler-workload.dto';

export class WorkloadDto {
  @ApiPropertyOptional({ description: 'The department shown; absent: every department' })
  department?: string;

  @ApiProperty({ minimum: 0 })
  dueWithinDays: number;

  @ApiProperty({ type: [HandlerWorkloadDto], description: 'By department, then handler id' })
  handlers: HandlerWorkloadDto[];

  @ApiProperty({ type: [DueCaseDto], description: 'Nearest due date first' })
  dueSoon: DueCaseDto[];
}
