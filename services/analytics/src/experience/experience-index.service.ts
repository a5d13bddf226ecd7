import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Period } from '../read-models/periods';

/** The measures an indicator may name: each 0..1 over a unit's complaints, higher is better. */
const MEASURES: Record<string, string> = {
  not_reopened: `avg((reopen_count = 0)::int)`,
  class_not_corrected: `avg((NOT class_corrected)::int)`,
  deadline_met: `avg(sla_met::int)`,
  not_staff_service: `avg((category <> 'staff_service')::int)`,
  mean_rating: `(avg(last_rating) - 1) / 4`,
  closed_satisfied: `avg((resolution = 'satisfied')::int)`,
};

export interface Indicator {
  code: string;
  dimension: string;
  measure: string;
  weight: number;
  labelEn: string;
  labelZh: string;
}

export interface UnitIndex {
  /** the department; `all` for the whole insurer */
  unit: string;
  complaints: number;
  /** per indicator, 0..1 (4 decimals); null when nothing measured it (no survey answers) */
  scores: Record<string, number | null>;
  /** 0..100, 2 decimals */
  index: number;
}

export interface ExperienceIndex {
  version: number;
  period: Period;
  formula: string;
  indicators: Indicator[];
  units: UnitIndex[];
}

const FORMULA =
  'index = 100 x sum(w_i x s_i) / sum(w_i), over the indicators i with a score for the unit; ' +
  's_i in 0..1 (rates as shares, the mean rating as (mean - 1) / 4), w_i the weights of the version';

/** The experience index per department and for the whole insurer, from the latest version. */
@Injectable()
export class ExperienceIndexService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async compute(period: Period): Promise<ExperienceIndex> {
    const rows = (await this.dataSource.query(
      `SELECT version, code, dimension, measure, weight::float8 AS weight, label_en, label_zh
         FROM experience_indicator
        WHERE version = (SELECT max(version) FROM experience_index_version) ORDER BY position`,
    )) as {
      version: number;
      code: string;
      dimension: string;
      measure: string;
      weight: number;
      label_en: string;
      label_zh: string;
    }[];
    const indicators: Indicator[] = rows.map((r) => ({
      code: r.code,
      dimension: r.dimension,
      measure: r.measure,
      weight: r.weight,
      labelEn: r.label_en,
      labelZh: r.label_zh,
    }));
    const columns = indicators
      .map((i, k) => {
        const sql = MEASURES[i.measure];
        if (!sql) throw new Error(`indicator ${i.code} names an unknown measure ${i.measure}`);
        return `(${sql})::float8 AS m${k}`;
      })
      .join(', ');
    const units = (await this.dataSource.query(
      `SELECT coalesce(department, 'all') AS unit, count(*)::int AS n, ${columns}
         FROM complaint_fact WHERE received_on >= $1::date AND received_on < $2::date
        GROUP BY ROLLUP (department) ORDER BY department NULLS LAST`,
      [period.from, period.to],
    )) as ({ unit: string; n: number } & Record<string, number | null>)[];
    return {
      version: rows[0]?.version ?? 0,
      period,
      formula: FORMULA,
      indicators,
      units: units.map((u) => {
        const scores: Record<string, number | null> = {};
        let weighted = 0;
        let weights = 0;
        indicators.forEach((i, k) => {
          const s = u[`m${k}`];
          scores[i.code] = s === null ? null : Math.round(s * 10_000) / 10_000;
          if (s !== null) {
            weighted += i.weight * s;
            weights += i.weight;
          }
        });
        return {
          unit: u.unit,
          complaints: u.n,
          scores,
          index: weights ? Math.round((100 * weighted * 100) / weights) / 100 : 0,
        };
      }),
    };
  }
}
