import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CLOCK_KINDS, EXTENSION_KINDS, PAUSE_KINDS } from '@complaints/contracts';

export class ExtensionDto {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ enum: EXTENSION_KINDS }) kind: string;
  @ApiProperty({ enum: ['requested', 'approved', 'refused'] }) status: string;
  @ApiProperty() requestedAt: string;
  @ApiPropertyOptional() decidedAt?: string;
  @ApiPropertyOptional({
    description:
      'A rule (EXTENSION.AFTER_DEADLINE, EXTENSION.SELF_APPROVAL) or EXTENSION.REFUSED by the approver',
  })
  refusal?: string;
}

export class PauseDto {
  @ApiProperty({ enum: PAUSE_KINDS }) kind: string;
  @ApiProperty() from: string;
  @ApiPropertyOptional() to?: string;
}

export class ClockDto {
  @ApiProperty({ example: 'decision:1:0' }) id: string;
  @ApiProperty({ enum: CLOCK_KINDS }) kind: string;
  @ApiProperty() round: number;
  @ApiProperty() startedAt: string;
  @ApiProperty({ description: 'natural days of the period in force (0 for hour clocks)' })
  periodDays: number;
  @ApiProperty() periodHours: number;
  @ApiPropertyOptional({ description: 'absent while paused' }) dueAt?: string;
  @ApiProperty({ enum: ['open', 'paused', 'met', 'ended'] }) status: string;
  @ApiPropertyOptional() metAt?: string;
  @ApiPropertyOptional() endedAt?: string;
  @ApiPropertyOptional() endReason?: string;
  @ApiProperty({ description: 'ms stopped by finished pauses' }) pausedMs: number;
  @ApiProperty({ description: 'false: shown, never warned about or breached' }) watched: boolean;
  @ApiProperty() breached: boolean;
  @ApiProperty({ type: [ExtensionDto] }) extensions: ExtensionDto[];
  @ApiProperty({ type: [PauseDto] }) pauses: PauseDto[];
}

export class IgnoredActionDto {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty() action: string;
  @ApiProperty({ example: 'CLOCK.NOT_PAUSED' }) code: string;
}

/** A complaint's clocks: figures only, no personal data and no names of staff. */
export class ComplaintClocksDto {
  @ApiProperty({ format: 'uuid' }) complaintId: string;
  @ApiProperty({ example: 'cn-2020@1' }) policy: string;
  @ApiProperty({ enum: ['waiting', 'open', 'ended'] }) state: string;
  @ApiProperty() department: string;
  @ApiProperty() greenChannel: boolean;
  @ApiPropertyOptional() receivedAt?: string;
  @ApiPropertyOptional() endedAt?: string;
  @ApiPropertyOptional({ enum: ['closed', 'withdrawn', 'merged'] }) endReason?: string;
  @ApiProperty({ type: [ClockDto] }) clocks: ClockDto[];
  @ApiProperty({ type: [IgnoredActionDto] }) ignored: IgnoredActionDto[];
}

export class WatchlistItemDto {
  @ApiProperty({ format: 'uuid' }) complaintId: string;
  @ApiProperty() department: string;
  @ApiProperty() greenChannel: boolean;
  @ApiPropertyOptional({ description: 'the nearest running deadline' }) dueAt?: string;
  @ApiPropertyOptional({ description: 'minutes to dueAt (negative: overdue)' })
  minutesLeft?: number;
  @ApiProperty() breached: boolean;
  @ApiProperty({ enum: ['waiting', 'open', 'ended'] }) state: string;
}

export class WatchlistDto {
  @ApiProperty({ type: [WatchlistItemDto] }) items: WatchlistItemDto[];
}
