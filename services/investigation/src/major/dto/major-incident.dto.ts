import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import {
  MAJOR_INCIDENT_STEPS,
  MAJOR_INCIDENT_TRIGGERS,
  PRODUCT_LINES,
} from '@complaints/contracts';
import type { MajorIncidentStep } from '@complaints/contracts';

export const DECLARED_TRIGGERS = ['disaster', 'public-health', 'regulator-designation'] as const;
export type DeclaredTrigger = (typeof DECLARED_TRIGGERS)[number];

/** A complaints officer declares a disaster or public-health event, or records a designation. */
export class DeclareMajorIncidentDto {
  @ApiProperty({ enum: DECLARED_TRIGGERS })
  @IsIn(DECLARED_TRIGGERS)
  trigger: DeclaredTrigger;

  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'The event or the designation' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Complaints on the matter (at least one); later similar ones join by themselves',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  complaintIds: string[];
}

export class TickStepDto {
  @ApiProperty({ enum: MAJOR_INCIDENT_STEPS })
  @IsIn(MAJOR_INCIDENT_STEPS)
  step: MajorIncidentStep;

  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'What was done' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;
}

export class MajorIncidentStepDto {
  @ApiProperty({ enum: MAJOR_INCIDENT_STEPS }) step: string;
  @ApiProperty() done: boolean;
  @ApiPropertyOptional() note?: string;
  @ApiPropertyOptional() doneBy?: string;
  @ApiPropertyOptional() doneAt?: string;
}

export class MajorIncidentDto {
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty({ enum: MAJOR_INCIDENT_TRIGGERS }) trigger: string;
  @ApiPropertyOptional({ enum: PRODUCT_LINES }) productLine?: string;
  @ApiProperty() raisedAt: string;
  @ApiPropertyOptional({
    description: 'The declaring officer; absent when the threshold raised it',
  })
  raisedBy?: string;
  @ApiPropertyOptional() reason?: string;
  @ApiProperty({ description: 'Distinct complainants linked' }) complainantCount: number;
  @ApiProperty() complaintCount: number;
  @ApiProperty({ type: [MajorIncidentStepDto], description: 'The contingency checklist' })
  steps: MajorIncidentStepDto[];
}

export class MajorIncidentDetailDto extends MajorIncidentDto {
  @ApiProperty({ type: [String], format: 'uuid' }) complaintIds: string[];
}

export class MajorIncidentListDto {
  @ApiProperty({ type: [MajorIncidentDto] }) items: MajorIncidentDto[];
}

/** Whether a case is part of a major incident (shown on the case). */
export class CaseMajorIncidentDto {
  @ApiProperty() flagged: boolean;
  @ApiPropertyOptional({ type: MajorIncidentDto }) incident?: MajorIncidentDto;
}
