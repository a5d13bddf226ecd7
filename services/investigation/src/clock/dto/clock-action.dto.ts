import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { EXTENSION_KINDS, PAUSE_KINDS } from '@complaints/contracts';
import type { ExtensionKind, PauseKind } from '@complaints/contracts';

/** Why: the complainant is told of each extension and pause. The actor is the token's person. */
export class ClockReasonDto {
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class RequestExtensionDto extends ClockReasonDto {
  @ApiProperty({
    enum: EXTENSION_KINDS,
    description: 'complex: to 30 days; especially-complex: to 60',
  })
  @IsIn(EXTENSION_KINDS)
  kind: ExtensionKind;
}

export class DecideExtensionDto extends ClockReasonDto {
  @ApiProperty({ enum: ['approved', 'refused'] })
  @IsIn(['approved', 'refused'])
  outcome: 'approved' | 'refused';
}

export class PauseClockDto extends ClockReasonDto {
  @ApiProperty({ enum: PAUSE_KINDS })
  @IsIn(PAUSE_KINDS)
  kind: PauseKind;
}

export class MergeComplaintDto extends ClockReasonDto {
  @ApiProperty({ format: 'uuid', description: 'The earlier complaint this repeat joins' })
  @IsUUID()
  intoComplaintId: string;
}
