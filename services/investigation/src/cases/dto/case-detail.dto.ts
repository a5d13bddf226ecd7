import { ApiProperty } from '@nestjs/swagger';
import { CaseDecisionDto } from './case-decision.dto';
import { CaseNoteDto } from './case-note.dto';
import { CaseDto } from './case.dto';

export class CaseDetailDto extends CaseDto {
  @ApiProperty({ type: [CaseNoteDto], description: 'Oldest first' })
  notes: CaseNoteDto[];

  @ApiProperty({ type: [CaseDecisionDto], description: 'One per decided round, first round first' })
  decisions: CaseDecisionDto[];
}
