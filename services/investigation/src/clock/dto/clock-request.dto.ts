import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * A recorded clock action. Deadlines are the deadlines service's (GET /v1/deadlines/{id}): it
 * also judges timeliness, so a request made after its deadline shows there as refused
 * (EXTENSION.AFTER_DEADLINE).
 */
export class ClockRequestDto {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ enum: ['extension', 'pause', 'restart', 'merge', 'withdrawal'] }) kind: string;
  @ApiPropertyOptional() detail?: string;
  @ApiProperty({ enum: ['pending', 'approved', 'refused', 'active', 'ended', 'done'] })
  status: string;
  @ApiProperty() round: number;
  @ApiProperty() requestedBy: string;
  @ApiProperty() requestedAt: string;
  @ApiPropertyOptional() decidedBy?: string;
  @ApiPropertyOptional() decidedAt?: string;
  @ApiPropertyOptional() endedAt?: string;
  @ApiProperty({ format: 'uuid', description: 'the complaints.clock.v1 event' }) eventId: string;
}
