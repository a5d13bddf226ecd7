/**
 * Reporting periods: months (`2026-03`), quarters (`2026-Q1`) and years (`2026`) of the
 * calendar of REPORT_TIME_ZONE. A period is a half-open range of local dates [from, to).
 */
export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  /** `2026-03`, `2026-Q1` or `2026` */
  id: string;
  /** first local date in the period, `YYYY-MM-DD` */
  from: string;
  /** first local date after it, `YYYY-MM-DD` */
  to: string;
}

export const PERIOD_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

/**
 * The local calendar date (`YYYY-MM-DD`) of an instant in the zone. The zone's formatter is
 * made once and kept (making one per call was a third of the rebuild's time).
 */
export function localDate(instant: string | Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  let year = '';
  let month = '';
  let day = '';
  for (const part of format.formatToParts(
    typeof instant === 'string' ? new Date(instant) : instant,
  )) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year}-${month}-${day}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Parses `2026-03`, `2026-Q1` or `2026`; undefined for anything else. */
export function parsePeriod(id: string): Period | undefined {
  const m = PERIOD_PATTERN.exec(id);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2]) return monthsPeriod('month', id, year, Number(m[2]), 1);
  if (m[3]) return monthsPeriod('quarter', id, year, (Number(m[3]) - 1) * 3 + 1, 3);
  return monthsPeriod('year', id, year, 1, 12);
}

/** The period of the kind that contains the local date. */
export function periodOf(kind: PeriodKind, date: string): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (kind === 'month') return parsePeriod(`${year}-${pad(month)}`) as Period;
  if (kind === 'quarter') return parsePeriod(`${year}-Q${Math.ceil(month / 3)}`) as Period;
  return parsePeriod(String(year)) as Period;
}

/** The period of the same kind just before. */
export function previousPeriod(period: Period): Period {
  const year = Number(period.from.slice(0, 4));
  const month = Number(period.from.slice(5, 7));
  const span = period.kind === 'month' ? 1 : period.kind === 'quarter' ? 3 : 12;
  const index = year * 12 + (month - 1) - span;
  return periodOf(period.kind, `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`);
}

function monthsPeriod(
  kind: PeriodKind,
  id: string,
  year: number,
  month: number,
  span: number,
): Period {
  const end = year * 12 + (month - 1) + span;
  return {
    kind,
    id,
    from: `${year}-${pad(month)}-01`,
    to: `${Math.floor(end / 12)}-${pad((end % 12) + 1)}-01`,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
