import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PeriodQueryDto } from '../root-causes/dto/period-query.dto';

/**
 * The exportable read models and the rows of a period ($1 from, $2 to, local dates), each as
 * `row_to_json` (columns in table order, dates as YYYY-MM-DD, times with their offset).
 */
export const READ_MODEL_EXPORTS = {
  'complaint-fact': `SELECT row_to_json(f) AS r FROM complaint_fact f
                      WHERE received_on >= $1::date AND received_on < $2::date ORDER BY received_at, complaint_id`,
  'decision-fact': `SELECT row_to_json(d) AS r FROM decision_fact d JOIN complaint_fact f USING (complaint_id)
                     WHERE f.received_on >= $1::date AND f.received_on < $2::date
                     ORDER BY f.received_at, d.complaint_id, d.round`,
} as const;
export type ReadModelExport = keyof typeof READ_MODEL_EXPORTS;

export class ExportParamsDto {
  @ApiProperty({ enum: Object.keys(READ_MODEL_EXPORTS) })
  @IsIn(Object.keys(READ_MODEL_EXPORTS))
  model: ReadModelExport;
}

export class ExportQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'parquet'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'parquet'])
  format?: 'csv' | 'parquet';
}
