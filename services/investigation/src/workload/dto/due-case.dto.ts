import { ApiProperty } from '@nestjs/swagger';
import { CASE_STATUSES } from '../../cases/complaint-case.entity';
import type { CaseStatus } from '../../cases/complaint-case.entity';

/** An undecided case near (or past) its decision due date; no complaint text. */
export class DueCaseDto {
  @ApiProperty({ format: 'uuid' })
  complaintId: string;

  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty()
  department: string;

  @ApiProperty({ example: 'h-claims-01' })
  handlerId: string;

  @ApiProperty({ enum: CASE_STATUSES })
  status: CaseStatus;

  @ApiProperty()
  greenChannel: boolean;

  @ApiProperty({ format: 'date-time' })
  decisionDueAt: string;
}
