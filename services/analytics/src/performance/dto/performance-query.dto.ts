import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PeriodQueryDto } from '../../root-causes/dto/period-query.dto';

export class PerformanceQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ enum: ['handler', 'team'], default: 'handler' })
  @IsOptional()
  @IsIn(['handler', 'team'])
  by?: 'handler' | 'team';
}
