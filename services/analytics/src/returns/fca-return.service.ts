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
  business_days: number;
  calendar_days: number;
  upheld: boolean;
  redress_minor: string | null;
  currency: string | null;
}

/**
 * One complaint per row: whether it was opened and closed in the period, and how long it took
 * in business days (Monday to Friday, no bank holidays) and calendar days, local dates.
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
         (closed_on - received_on) AS calendar_days,
         5 * ((closed_on - received_on) / 7) + (
           SELECT count(*) FROM generate_series(1, (closed_on - received_on) % 7) AS i
            WHERE extract(isodow FROM received_on + 7 * ((closed_on - received_on) / 7) + i) < 6
         )::int AS business_days,
         final_outcome IN ('upheld', 'partially_upheld') AS upheld,
         compensation_minor::text AS redress_minor, compensation_currency AS currency
    FROM f`;

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
      if (f.outstanding) outstandingAtStart += 1;
      for (const r of [row, total]) {
        if (f.opened) {
          r.opened[fcaCauseOf(f.code)] += 1;
          r.opened.total += 1;
        }
        if (!f.closed) continue;
        const c = r.closed;
        c.total += 1;
        if (f.business_days <= 3) c.within3BusinessDays += 1;
        else if (f.calendar_days <= 56) c.after3BusinessDaysWithin8Weeks += 1;
        else c.after8Weeks += 1;
        if (f.upheld) upheld.set(r, (upheld.get(r) ?? 0) + 1);
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
