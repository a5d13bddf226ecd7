import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { CODE_PATTERN } from '@complaints/contracts';

export class RootCauseItemQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';
}

export class CloseRootCauseItemDto {
  @ApiProperty({ example: 'claims.delay', description: 'A code of the current taxonomy' })
  @Matches(CODE_PATTERN, { message: 'rootCauseCode must be a taxonomy code such as claims.delay' })
  @MaxLength(64)
  rootCauseCode: string;
}
