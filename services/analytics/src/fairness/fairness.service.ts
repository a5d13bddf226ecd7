import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AnalyticsConfig } from '../config/analytics.config';
import { Period } from '../read-models/periods';
import { twoProportionTest, wilson } from './proportions';

/** What uphold rates can be compared across; `handler` is the deciding handler's pseudonym. */
export const FAIRNESS_DIMENSIONS = {
  handler: 'd.handler_ref',
  channel: 'f.channel',
  region: 'f.region',
  branch: 'f.branch',
  productLine: 'f.product_line',
  department: 'f.department',
  /** the customer segment: age band, and vulnerable as 'true' / 'false' */
  ageBand: 'f.age_band',
  vulnerable: 'f.vulnerable::text',
} as const;
export type FairnessDimension = keyof typeof FAIRNESS_DIMENSIONS;

export interface FairnessGroup {
  value: string | null;
  complaints: number;
  /** upheld or partially upheld in the last round */
  upheld: number;
  upholdRate: number;
  /** Wilson score 95% interval of the uphold rate */
  upholdRateCi95: [number, number];
  compensated: number;
  /** mean offer of the compensated complaints in `currency`, minor units; null when none */
  meanCompensationMinor: number | null;
  /** the group against all the others; absent when either has fewer than 5 complaints */
  test?: { z: number; pValue: number };
  /** differs from the rest more than chance would explain (Bonferroni over the groups tested) */
  flagged: boolean;
}

export interface Fairness {
  dimension: FairnessDimension;
  period: Period;
  currency: string | null;
  test: { name: string; alpha: number; adjustedAlpha: number; groupsTested: number };
  groups: FairnessGroup[];
}

/** Uphold rate and compensation per group of the complaints received in a period. */
@Injectable()
export class FairnessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AnalyticsConfig,
  ) {}

  async fairness(dimension: FairnessDimension, period: Period): Promise<Fairness> {
    const [{ currency }] = (await this.dataSource.query(
      `SELECT mode() WITHIN GROUP (ORDER BY compensation_currency) AS currency FROM complaint_fact
        WHERE received_on >= $1::date AND received_on < $2::date AND compensation_currency IS NOT NULL`,
      [period.from, period.to],
    )) as { currency: string | null }[];
    const rows = (await this.dataSource.query(
      `SELECT ${FAIRNESS_DIMENSIONS[dimension]} AS value, count(*)::int AS n,
              count(*) FILTER (WHERE f.final_outcome IN ('upheld', 'partially_upheld'))::int AS upheld,
              count(*) FILTER (WHERE f.compensation_currency = $3)::int AS compensated,
              avg(f.compensation_minor) FILTER (WHERE f.compensation_currency = $3)::float8 AS mean_comp
         FROM complaint_fact f
         JOIN decision_fact d ON d.complaint_id = f.complaint_id AND d.round = f.rounds
        WHERE f.received_on >= $1::date AND f.received_on < $2::date
        GROUP BY 1 ORDER BY 2 DESC, 1`,
      [period.from, period.to, currency],
    )) as {
      value: string | null;
      n: number;
      upheld: number;
      compensated: number;
      mean_comp: number | null;
    }[];
    const n = rows.reduce((s, r) => s + r.n, 0);
    const upheld = rows.reduce((s, r) => s + r.upheld, 0);
    const tests = rows.map((r) => twoProportionTest(r.upheld, r.n, upheld - r.upheld, n - r.n));
    const tested = tests.filter(Boolean).length;
    const alpha = this.config.HOTSPOT_ALPHA;
    const adjusted = tested ? alpha / tested : alpha;
    return {
      dimension,
      period,
      currency,
      test: {
        name: 'two-proportion-z (pooled), group against the rest, Bonferroni',
        alpha,
        adjustedAlpha: adjusted,
        groupsTested: tested,
      },
      groups: rows.map((r, i) => ({
        value: r.value,
        complaints: r.n,
        upheld: r.upheld,
        upholdRate: Math.round((r.upheld / r.n) * 10_000) / 10_000,
        upholdRateCi95: wilson(r.upheld, r.n),
        compensated: r.compensated,
        meanCompensationMinor: r.mean_comp === null ? null : Math.round(r.mean_comp),
        ...(tests[i] ? { test: tests[i] } : {}),
        flagged: tests[i] ? tests[i].pValue < adjusted : false,
      })),
    };
  }
}
