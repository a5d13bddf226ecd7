import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Period } from '../read-models/periods';
import { TaxonomyProvider } from '../root-causes/taxonomy.provider';

/** The regulator's causes, in the order its quarterly bulletin lists them. */
export const REGULATOR_CAUSES = ['sales', 'claims', 'surrender', 'other'] as const;
export type RegulatorCause = (typeof REGULATOR_CAUSES)[number];

export interface ReturnRow {
  productLine: string;
  /** `all` is the product line's total */
  cause: RegulatorCause | 'all';
  complaints: number;
  /** of the product line's complaints, 0..1 */
  share: number;
  /** complaints per 100 million yuan of premium (亿元保费投诉量); null without that denominator */
  per100mYuanPremium: number | null;
  /** per 10,000 policies (万张保单投诉量) */
  per10kPolicies: number | null;
  /** per 10,000 insured persons (万人次投诉量) */
  per10kInsured: number | null;
}

export interface CnQuarterlyReturn {
  quarter: string;
  region: string | null;
  taxonomyVersion: number;
  rows: ReturnRow[];
  /** what could not be divided, said instead of dividing by zero */
  notes: string[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * China's quarterly view: complaints received in the quarter by the regulator's cause (the
 * taxonomy maps every root cause onto sales, claims, surrender or other; unclassified and
 * unknown codes count as other) and product line, per 100 million yuan of premium, per 10,000
 * policies and per 10,000 insured persons, from the denominators the insurer loaded.
 */
@Injectable()
export class CnQuarterlyReturnService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyProvider,
  ) {}

  async build(quarter: Period, region?: string): Promise<CnQuarterlyReturn> {
    const taxonomy = this.taxonomy.taxonomy;
    const counts = (await this.dataSource.query(
      `SELECT product_line, root_cause_code AS code, count(*)::int AS n FROM complaint_fact
        WHERE received_on >= $1::date AND received_on < $2::date AND ($3::text IS NULL OR region = $3)
        GROUP BY 1, 2`,
      [quarter.from, quarter.to, region ?? null],
    )) as { product_line: string; code: string | null; n: number }[];
    const denominators = (await this.dataSource.query(
      `SELECT product_line, policies::float8 AS policies, premium_yuan::float8 AS premium,
              insured_persons::float8 AS insured
         FROM policy_count WHERE period = $1 AND region = $2`,
      [quarter.id, region ?? ''],
    )) as {
      product_line: string;
      policies: number;
      premium: number | null;
      insured: number | null;
    }[];
    const byLine = new Map<string, Record<RegulatorCause, number>>();
    for (const c of counts) {
      const cause: RegulatorCause = (c.code && taxonomy.get(c.code)?.regulatorCause) || 'other';
      const line = byLine.get(c.product_line) ?? { sales: 0, claims: 0, surrender: 0, other: 0 };
      line[cause] += c.n;
      byLine.set(c.product_line, line);
    }
    const notes: string[] = [];
    const rows: ReturnRow[] = [];
    for (const [productLine, causes] of [...byLine.entries()].sort(([a], [b]) =>
      a.localeCompare(b),
    )) {
      const d = denominators.find((x) => x.product_line === productLine);
      if (!d) notes.push(`${productLine}: no denominators loaded for ${quarter.id}; counts only`);
      else if (d.premium === null || d.insured === null)
        notes.push(
          `${productLine}: ${d.premium === null ? 'premium' : 'insured persons'} not loaded for ${quarter.id}`,
        );
      const total = REGULATOR_CAUSES.reduce((s, k) => s + causes[k], 0);
      const row = (cause: RegulatorCause | 'all', n: number): ReturnRow => ({
        productLine,
        cause,
        complaints: n,
        share: total ? Math.round((n / total) * 10_000) / 10_000 : 0,
        per100mYuanPremium: d?.premium ? round(n / (d.premium / 1e8)) : null,
        per10kPolicies: d ? round((n / d.policies) * 1e4) : null,
        per10kInsured: d?.insured ? round((n / d.insured) * 1e4) : null,
      });
      rows.push(...REGULATOR_CAUSES.map((k) => row(k, causes[k])), row('all', total));
    }
    return {
      quarter: quarter.id,
      region: region ?? null,
      taxonomyVersion: taxonomy.version,
      rows,
      notes,
    };
  }
}

/** Column order of the return (the bulletin's): quarter, line, cause, then the measures. */
export const CN_RETURN_COLUMNS = [
  'quarter',
  'product_line',
  'cause',
  'complaints',
  'share_of_product_line',
  'complaints_per_100m_yuan_premium',
  'complaints_per_10k_policies',
  'complaints_per_10k_insured_persons',
];

export function cnReturnCsv(r: CnQuarterlyReturn): string {
  const lines = [CN_RETURN_COLUMNS.join(',')];
  for (const x of r.rows)
    lines.push(
      [
        r.quarter,
        x.productLine,
        x.cause,
        x.complaints,
        x.share,
        x.per100mYuanPremium,
        x.per10kPolicies,
        x.per10kInsured,
      ]
        .map((v) => (v === null ? '' : String(v)))
        .join(','),
    );
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
