import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LifecycleStage } from '@complaints/contracts';
import { ComplaintAcceptedDto } from './complaint-accepted.dto';

export class ComplaintStatusDto extends ComplaintAcceptedDto {
  @ApiProperty()
  externalReference: string;

  @ApiPropertyOptional({ description: 'Department the complaint was routed to' })
  department?: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', format: 'date-time' },
    description: 'When each stage was last reached (ISO 8601 UTC), by stage',
    example: { received: '2026-01-05T09:00:00.000Z', routed: '2026-01-05T09:00:01.000Z' },
  })
  stageTimes: Partial<Record<LifecycleStage, string>>;
}
