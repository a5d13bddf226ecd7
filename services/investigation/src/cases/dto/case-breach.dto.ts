import { ApiProperty } from '@nestjs/swagger';
import { CLOCK_KINDS } from '@complaints/contracts';
import type { ClockKind } from '@complaints/contracts';

/** A deadline of the complaint that passed unmet, as the deadlines service reported it. */
export class CaseBreachDto {
  @ApiProperty({ example: 'decision:1:0', description: '`<kind>:<round>:<restarts>`' })
  clockId: string;

  @ApiProperty({ enum: CLOCK_KINDS })
  clock: ClockKind;

  @ApiProperty({ format: 'date-time' })
  dueAt: string;

  @ApiProperty({ format: 'date-time', description: 'When the breach was detected' })
  breachedAt: string;

  @ApiProperty({ description: 'The department it was escalated to' })
  department: string;
}
