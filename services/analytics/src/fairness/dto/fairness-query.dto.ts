import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PeriodQueryDto } from '../../root-causes/dto/period-query.dto';
import { FAIRNESS_DIMENSIONS, FairnessDimension } from '../fairness.service';

const NAMES = Object.keys(FAIRNESS_DIMENSIONS);

export class FairnessQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ enum: NAMES, default: 'handler' })
  @IsOptional()
  @IsIn(NAMES)
  dimension?: FairnessDimension;
}
