import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Period } from '../read-models/periods';
import { TaxonomyProvider } from './taxonomy.provider';

export interface CauseCount {
  /** null: no code chosen and none could be derived */
  code: string | null;
  labelEn: string | null;
  labelZh: string | null;
  /** null for a code the current taxonomy does not list, and for unclassified */
  regulatorCause: string | null;
  count: number;
  /** of the period's complaints, 0..1 */
  share: number;
  chosen: number;
  derived: number;
}

export interface CauseCounts {
  period: Period;
  taxonomyVersion: number;
  total: number;
  causes: CauseCount[];
}

/** Complaints received in a period by their (last round's) root cause, most frequent first. */
@Injectable()
export class RootCauseCountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyProvider,
  ) {}

  async counts(period: Period): Promise<CauseCounts> {
    const rows = (await this.dataSource.query(
      `SELECT root_cause_code AS code, count(*)::int AS n,
              count(*) FILTER (WHERE root_cause_source = 'chosen')::int AS chosen,
              count(*) FILTER (WHERE root_cause_source = 'derived')::int AS derived
         FROM complaint_fact WHERE received_on >= $1::date AND received_on < $2::date
        GROUP BY 1`,
      [period.from, period.to],
    )) as { code: string | null; n: number; chosen: number; derived: number }[];
    const taxonomy = this.taxonomy.taxonomy;
    const total = rows.reduce((s, r) => s + r.n, 0);
    const causes = rows
      .map((r): CauseCount => {
        const cause = r.code ? taxonomy.get(r.code) : undefined;
        return {
          code: r.code,
          labelEn: cause?.labelEn ?? null,
          labelZh: cause?.labelZh ?? null,
          regulatorCause: cause?.regulatorCause ?? null,
          count: r.n,
          share: total ? Math.round((r.n / total) * 10_000) / 10_000 : 0,
          chosen: r.chosen,
          derived: r.derived,
        };
      })
      .sort((a, b) => b.count - a.count || String(a.code).localeCompare(String(b.code)));
    return { period, taxonomyVersion: taxonomy.version, total, causes };
  }
}
