import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AnalyticsConfig } from '../config/analytics.config';
import { Period, previousPeriod } from '../read-models/periods';
import { PolicyCountsRepository } from '../reference/policy-counts.repository';
import { Dimension, DIMENSIONS } from './dimensions';
import { compareCounts, TEST_NAME } from './significance';

export interface HotspotRow {
  /** the group's value; null: not recorded (region, branch) or unclassified (rootCause) */
  value: string | null;
  count: number;
  previousCount: number;
  /** relative change of the rate (of the count when no policies are loaded); null from 0 */
  change: number | null;
  z: number;
  pValue: number;
  /** the change is more than chance at HOTSPOT_ALPHA */
  significant: boolean;
  /** per 10,000 policies in force, when the insurer loaded them for this group and period */
  ratePer10k?: number;
  previousRatePer10k?: number;
}

export interface Hotspots {
  dimension: Dimension;
  period: Period;
  previousPeriod: Period;
  test: { name: string; alpha: number; exposure: string };
  total: HotspotRow;
  /** the biggest groups of this period first */
  rows: HotspotRow[];
  /** why rates are missing, when they are */
  rates: string;
}

const RATED: Partial<Record<Dimension, 'productLine' | 'region'>> = {
  productLine: 'productLine',
  region: 'region',
};

/** Complaints per group received in a period against the period before, with the test. */
@Injectable()
export class HotspotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: PolicyCountsRepository,
    private readonly config: AnalyticsConfig,
  ) {}

  async hotspots(dimension: Dimension, period: Period): Promise<Hotspots> {
    const before = previousPeriod(period);
    const column = DIMENSIONS[dimension];
    const counts = (await this.dataSource.query(
      `SELECT ${column} AS value,
              count(*) FILTER (WHERE received_on >= $2::date)::int AS current,
              count(*) FILTER (WHERE received_on < $2::date)::int AS previous
         FROM complaint_fact
        WHERE received_on >= $1::date AND received_on < $3::date
        GROUP BY 1`,
      [before.from, period.from, period.to],
    )) as { value: string | null; current: number; previous: number }[];
    const rated = RATED[dimension];
    const [now, then, totalNow, totalThen] = await Promise.all([
      rated ? this.policies.denominators(period.id, rated) : new Map<string, number>(),
      rated ? this.policies.denominators(before.id, rated) : new Map<string, number>(),
      this.policies.denominators(period.id, 'total'),
      this.policies.denominators(before.id, 'total'),
    ]);
    const row = (
      value: string | null,
      current: number,
      previous: number,
      e1?: number,
      e0?: number,
    ) => this.row(value, current, previous, e1, e0);
    const rows = counts
      .map((c) =>
        row(c.value, c.current, c.previous, now.get(c.value ?? ''), then.get(c.value ?? '')),
      )
      .sort(
        (a, b) =>
          b.count - a.count ||
          b.previousCount - a.previousCount ||
          String(a.value).localeCompare(String(b.value)),
      );
    const sum = (k: 'current' | 'previous') => counts.reduce((s, c) => s + c[k], 0);
    const total = row(
      'total',
      sum('current'),
      sum('previous'),
      totalNow.get('total'),
      totalThen.get('total'),
    );
    return {
      dimension,
      period,
      previousPeriod: before,
      test: {
        name: TEST_NAME,
        alpha: this.config.HOTSPOT_ALPHA,
        exposure: 'policies in force when loaded for both periods, else equal exposure',
      },
      total,
      rows,
      rates: !rated
        ? 'rates per 10,000 policies are computed for productLine, region and the total'
        : now.size > 0
          ? 'per 10,000 policies in force, where loaded'
          : `no policy counts loaded for ${period.id}: counts only`,
    };
  }

  private row(
    value: string | null,
    current: number,
    previous: number,
    e1?: number,
    e0?: number,
  ): HotspotRow {
    const exposure = e1 && e0 ? { current: e1, previous: e0 } : undefined;
    const test = compareCounts(current, previous, this.config.HOTSPOT_ALPHA, exposure);
    return {
      value,
      count: current,
      previousCount: previous,
      ...test,
      ...(e1 ? { ratePer10k: per10k(current, e1) } : {}),
      ...(e0 ? { previousRatePer10k: per10k(previous, e0) } : {}),
    };
  }
}

function per10k(count: number, policies: number): number {
  return Math.round((count / policies) * 10_000 * 1000) / 1000;
}
