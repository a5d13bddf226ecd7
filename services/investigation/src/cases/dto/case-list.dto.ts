import { ApiProperty } from '@nestjs/swagger';
import { CaseDto } from './case.dto';

export class CaseListDto {
  @ApiProperty({ type: [CaseDto], description: 'Green channel first, then by decision due date' })
  items: CaseDto[];
}
