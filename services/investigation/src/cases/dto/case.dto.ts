import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPLAINT_CATEGORIES, PRIORITIES, SEVERITIES } from '@complaints/contracts';
import type { ComplaintCategory, Priority, Severity } from '@complaints/contracts';
import { CASE_STATUSES } from '../complaint-case.entity';
import type { CaseStatus } from '../complaint-case.entity';
import { CaseBreachDto } from './case-breach.dto';
import { CaseReviewDto } from './case-review.dto';
import { ComplaintSummaryDto } from './complaint-summary.dto';

export class CaseDto {
  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ format: 'uuid' })
  complaintId: string;

  @ApiProperty({ description: 'The queue the case sits in' })
  department: string;

  @ApiProperty({
    description: 'The department classification routed to; differs when it had no handler',
  })
  routedDepartment: string;

  @ApiProperty({ example: 'h-claims-01' })
  handlerId: string;

  @ApiProperty({ enum: CASE_STATUSES })
  status: CaseStatus;

  @ApiProperty({ minimum: 1, description: '1, then +1 per reopening' })
  round: number;

  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  category: ComplaintCategory;

  @ApiProperty()
  subcategory: string;

  @ApiProperty({ enum: SEVERITIES })
  severity: Severity;

  @ApiProperty({ enum: PRIORITIES })
  priority: Priority;

  @ApiProperty({ description: 'Fast track: shown first in the queue' })
  greenChannel: boolean;

  @ApiProperty({ format: 'date-time' })
  decisionDueAt: string;

  @ApiProperty({ format: 'date-time' })
  openedAt: string;

  @ApiPropertyOptional({ format: 'date-time' })
  reopenedAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the current round was decided' })
  decidedAt?: string;

  @ApiProperty({ minimum: 0 })
  reopenCount: number;

  @ApiPropertyOptional({
    type: CaseReviewDto,
    description: "Present while the current round is the customer's internal review",
  })
  review?: CaseReviewDto;

  @ApiPropertyOptional({ type: ComplaintSummaryDto })
  complaint?: ComplaintSummaryDto;

  @ApiProperty({
    description:
      'A deadline of the complaint passed unmet (complaints.deadline-breached.v1): escalated to ' +
      "the department's supervisor and the complaints officer; the flag stays",
  })
  breached: boolean;

  @ApiPropertyOptional({ type: [CaseBreachDto], description: 'Each breach, oldest first' })
  breaches?: CaseBreachDto[];
}
