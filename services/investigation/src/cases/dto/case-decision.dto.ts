import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INVESTIGATION_OUTCOMES } from '@complaints/contracts';
import type { InvestigationOutcome } from '@complaints/contracts';
import { MoneyAmountDto } from './money-amount.dto';

export class CaseDecisionDto {
  @ApiProperty({ format: 'uuid' })
  decisionId: string;

  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ minimum: 1 })
  round: number;

  @ApiProperty({ enum: INVESTIGATION_OUTCOMES })
  outcome: InvestigationOutcome;

  @ApiProperty()
  summary: string;

  @ApiProperty()
  rootCause: string;

  @ApiPropertyOptional()
  remedy?: string;

  @ApiPropertyOptional({ type: MoneyAmountDto })
  compensation?: MoneyAmountDto;

  @ApiProperty({ example: 'h-claims-01' })
  decidedBy: string;

  @ApiProperty({ format: 'date-time' })
  decidedAt: string;

  @ApiProperty({ format: 'uuid', description: 'The complaints.investigated.v1 event it published' })
  eventId: string;
}
