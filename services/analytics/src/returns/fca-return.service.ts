import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AnalyticsConfig } from '../config/analytics.config';
import { FCA_COLUMNS, FCA_PRODUCTS, fcaCauseOf, FcaCause } from './fca-return.vocabulary';

export const HALF_YEAR_PATTERN = /^(\d{4})-H([12])$/;

export interface FcaRow {
  productGroup: string;
  product: string;
  /** Table 1: complaints opened (received) in the period, by the main cause */
  opened: Record<FcaCause, number> & { total: number };
  /** Table 2: complaints closed in the period */
  closed: {
    total: number;
    /** by the close of the third business day after the day of receipt (weekends skipped) */
    within3BusinessDays: number;
    after3BusinessDaysWithin8Weeks: number;
    after8Weeks: number;
    /** upheld wholly or in part, of those closed; null when none closed */
    upheldPercent: number | null;
    /** compensation of the complaints closed, in major units of `redressCurrency` */
    redressPaid: number;
  };
}

export interface FcaHalfYearlyReturn {
  period: { id: string; from: string; to: string };
  timeZone: string;
  /** received before the period, closed in it or later (only complaints archived so far) */
  outstandingAtStart: number;
  rows: FcaRow[];
  /** every product together */
  total: FcaRow;
  redressCurrency: string | null;
  notes: string[];
}

interface FactRow {
  product_line: string;
  code: string | null;
  opened: boolean;
  closed: boolean;
  outstanding: boolean;
  /** for those closed in the period: how fast (see FACTS_SQL) */
  speed: 'within3' | 'within8w' | 'after8w' | null;
  upheld: boolean;
  currency: string | null;
  /** complaints alike in every column above */
  n: number;
  /** their compensation, minor units (null when none had any) */
  redress_minor: string | null;
}

/**
 * Weekdays among the ISO days of the week 1..x of two consecutive weeks (x in 0..14: Monday
 * of the first week is 1, its Sunday 7, the second week's Sunday 14), as SQL. The weekdays
 * after a date d up to d + n (n <= 7) are weekdaysThrough(isodow(d) + n) - weekdaysThrough(isodow(d)).
 */
const weekdaysThrough = (x: string) => `(least(${x}, 5) + greatest(least(${x}, 12) - 7, 0))`;

/**
 * Complaints counted in PostgreSQL by every column the return needs (a few hundred groups,
 * not a row per complaint): whether opened and closed in the period, and how fast, in business
 * days (Monday to Friday, no bank holidays) and calendar days of local dates. Business days
 * are counted only for complaints closed within a week of receipt: any seven days hold five,
 * so a longer one is past three business days.
 */
const FACTS_SQL = `
  WITH f AS (
    SELECT product_line, root_cause_code, received_on, final_outcome, compensation_minor,
           compensation_currency, (closed_at AT TIME ZONE $3)::date AS closed_on
      FROM complaint_fact
     WHERE received_on < $2::date AND (closed_at AT TIME ZONE $3)::date >= $1::date)
  SELECT product_line, root_cause_code AS code,
         received_on >= $1::date AS opened,
         closed_on < $2::date AS closed,
         received_on < $1::date AS outstanding,
         CASE WHEN closed_on >= $2::date THEN NULL
              WHEN closed_on - received_on <= 7
               AND ${weekdaysThrough('extract(isodow FROM received_on)::int + (closed_on - received_on)')}
                 - ${weekdaysThrough('extract(isodow FROM received_on)::int')} <= 3 THEN 'within3'
              WHEN closed_on - received_on <= 56 THEN 'within8w'
              ELSE 'after8w' END AS speed,
         final_outcome IN ('upheld', 'partially_upheld') AS upheld,
         compensation_currency AS currency,
         count(*)::int AS n, sum(compensation_minor)::text AS redress_minor
    FROM f
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;

const emptyRow = (productGroup: string, product: string): FcaRow => ({
  productGroup,
  product,
  opened: {
    arrears_related: 0,
    general_admin_customer_service: 0,
    advising_selling_arranging: 0,
    terms_disputed_sums_charges: 0,
    other: 0,
    total: 0,
  },
  closed: {
    total: 0,
    within3BusinessDays: 0,
    after3BusinessDaysWithin8Weeks: 0,
    after8Weeks: 0,
    upheldPercent: null,
    redressPaid: 0,
  },
});

/**
 * The UK FCA's half-yearly complaints return (DISP 1 Annex 1R) shape: complaints opened by
 * product and main cause, closed by how fast, the share upheld and the redress, for the
 * half-year of the calendar (H1 January to June, H2 July to December) in REPORT_TIME_ZONE.
 */
@Injectable()
export class FcaReturnService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AnalyticsConfig,
  ) {}

  async build(id: string): Promise<FcaHalfYearlyReturn> {
    const [, year, half] = HALF_YEAR_PATTERN.exec(id) as RegExpExecArray;
    const from = half === '1' ? `${year}-01-01` : `${year}-07-01`;
    const to = half === '1' ? `${year}-07-01` : `${Number(year) + 1}-01-01`;
    const tz = this.config.REPORT_TIME_ZONE;
    const facts = (await this.dataSource.query(FACTS_SQL, [from, to, tz])) as FactRow[];
    const rows = new Map<string, FcaRow>();
    const total = emptyRow('all', 'all');
    const upheld = new Map<FcaRow, number>();
    const currencies = new Set<string>();
    let outstandingAtStart = 0;
    for (const f of facts) {
      const [group, product] = FCA_PRODUCTS[f.product_line] ?? FCA_PRODUCTS.other;
      const row = rows.get(product) ?? emptyRow(group, product);
      rows.set(product, row);
      if (f.outstanding) outstandingAtStart += f.n;
      for (const r of [row, total]) {
        if (f.opened) {
          r.opened[fcaCauseOf(f.code)] += f.n;
          r.opened.total += f.n;
        }
        if (!f.closed) continue;
        const c = r.closed;
        c.total += f.n;
        if (f.speed === 'within3') c.within3BusinessDays += f.n;
        else if (f.speed === 'within8w') c.after3BusinessDaysWithin8Weeks += f.n;
        else c.after8Weeks += f.n;
        if (f.upheld) upheld.set(r, (upheld.get(r) ?? 0) + f.n);
        if (f.redress_minor) c.redressPaid += Number(f.redress_minor);
      }
      if (f.closed && f.redress_minor && f.currency) currencies.add(f.currency);
    }
    const ordered = [...rows.values()].sort(
      (a, b) => FCA_ORDER.indexOf(a.product) - FCA_ORDER.indexOf(b.product),
    );
    for (const r of [...ordered, total]) {
      const c = r.closed;
      c.upheldPercent = c.total ? Math.round(((upheld.get(r) ?? 0) / c.total) * 1000) / 10 : null;
      c.redressPaid = c.redressPaid / 100;
    }
    const notes = [
      'Only complaints archived (closed) so far are known here: complaints still open are ' +
        'missing from the outstanding and opened counts.',
      'Business days are Monday to Friday; bank holidays are not known.',
    ];
    if (currencies.size > 1)
      notes.push(`redress is in more than one currency (${[...currencies].sort().join(', ')})`);
    return {
      period: { id, from, to },
      timeZone: tz,
      outstandingAtStart,
      rows: ordered,
      total,
      redressCurrency: currencies.size === 1 ? [...currencies][0] : null,
      notes,
    };
  }
}

const FCA_ORDER = [...new Set(Object.values(FCA_PRODUCTS).map(([, p]) => p))];

export function fcaReturnCsv(r: FcaHalfYearlyReturn): string {
  const lines = [FCA_COLUMNS.join(',')];
  for (const x of [...r.rows, r.total]) {
    const o = x.opened;
    const c = x.closed;
    lines.push(
      [
        r.period.id,
        x.productGroup,
        x.product,
        o.arrears_related,
        o.general_admin_customer_service,
        o.advising_selling_arranging,
        o.terms_disputed_sums_charges,
        o.other,
        o.total,
        c.total,
        c.within3BusinessDays,
        c.after3BusinessDaysWithin8Weeks,
        c.after8Weeks,
        c.upheldPercent,
        c.redressPaid.toFixed(2),
        r.redressCurrency,
      ]
        .map((v) => (v === null ? '' : /[",]/.test(String(v)) ? `"${v}"` : String(v)))
        .join(','),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
