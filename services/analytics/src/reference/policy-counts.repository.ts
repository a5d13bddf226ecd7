import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@complaints/platform';

export interface PolicyCount {
  productLine: string;
  /** absent: the whole insurer */
  region?: string;
  /** `2026-03`, `2026-Q1` or `2026` */
  period: string;
  policies: number;
  /** written premium, yuan */
  premiumYuan?: number;
  insuredPersons?: number;
}

/** Policies in force per product line, region and period: the denominators of rates. */
@Injectable()
export class PolicyCountsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Replaces the rows for the same keys; all of them in one transaction (or none). */
  async load(rows: readonly PolicyCount[]): Promise<number> {
    await this.dataSource.query(
      `INSERT INTO policy_count (product_line, region, period, policies, premium_yuan, insured_persons, loaded_at)
       SELECT r.product_line, coalesce(r.region, ''), r.period, r.policies, r.premium_yuan, r.insured_persons, $2
         FROM jsonb_to_recordset($1::jsonb)
           AS r(product_line text, region text, period text, policies bigint, premium_yuan numeric, insured_persons bigint)
       ON CONFLICT (product_line, region, period)
       DO UPDATE SET policies = excluded.policies, premium_yuan = excluded.premium_yuan,
                     insured_persons = excluded.insured_persons, loaded_at = excluded.loaded_at`,
      [
        JSON.stringify(
          rows.map((r) => ({
            product_line: r.productLine,
            region: r.region ?? null,
            period: r.period,
            policies: r.policies,
            premium_yuan: r.premiumYuan ?? null,
            insured_persons: r.insuredPersons ?? null,
          })),
        ),
        this.clock.now(),
      ],
    );
    return rows.length;
  }

  async list(period?: string): Promise<PolicyCount[]> {
    const rows = (await this.dataSource.query(
      `SELECT product_line, region, period, policies::float8 AS policies,
              premium_yuan::float8 AS premium_yuan, insured_persons::float8 AS insured_persons
         FROM policy_count
        WHERE $1::text IS NULL OR period = $1 ORDER BY period, product_line, region`,
      [period ?? null],
    )) as {
      product_line: string;
      region: string;
      period: string;
      policies: number;
      premium_yuan: number | null;
      insured_persons: number | null;
    }[];
    return rows.map((r) => ({
      productLine: r.product_line,
      ...(r.region ? { region: r.region } : {}),
      period: r.period,
      policies: r.policies,
      ...(r.premium_yuan !== null ? { premiumYuan: r.premium_yuan } : {}),
      ...(r.insured_persons !== null ? { insuredPersons: r.insured_persons } : {}),
    }));
  }

  /**
   * Policies behind a group's complaints in a period: a product line's whole-insurer row, a
   * region's rows summed over product lines, the insurer's whole-insurer rows summed (`total`).
   * Absent when the insurer loaded none for it.
   */
  async denominators(
    period: string,
    dimension: 'productLine' | 'region' | 'total',
  ): Promise<Map<string, number>> {
    const sql =
      dimension === 'productLine'
        ? `SELECT product_line AS key, sum(policies)::float8 AS n FROM policy_count
            WHERE period = $1 AND region = '' GROUP BY 1`
        : dimension === 'region'
          ? `SELECT region AS key, sum(policies)::float8 AS n FROM policy_count
              WHERE period = $1 AND region <> '' GROUP BY 1`
          : `SELECT 'total' AS key, sum(policies)::float8 AS n FROM policy_count
              WHERE period = $1 AND region = '' HAVING count(*) > 0`;
    const rows = (await this.dataSource.query(sql, [period])) as { key: string; n: number }[];
    return new Map(rows.map((r) => [r.key, r.n]));
  }
}
