import { ApiProperty } from '@nestjs/swagger';

export class MatchedRuleDto {
  @ApiProperty({ example: 'R-BH-CLAIM-DENIED' })
  id: string;

  @ApiProperty({ example: 'A claim refused or not paid' })
  description: string;
}
