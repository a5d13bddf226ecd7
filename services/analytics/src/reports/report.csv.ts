import { ComplaintReport } from './report.types';

export const REPORT_CSV_HEADER = [
  'section',
  'name',
  'value',
  'count',
  'previous_count',
  'change',
  'p_value',
  'significant',
  'rate_per_10k',
];

/**
 * The report as one CSV table (RFC 4180, UTF-8 with a byte-order mark so spreadsheet tools
 * read the Chinese labels): summary figures as `summary,<name>,<value>`, then one row per
 * group of each breakdown, cause and hotspot.
 */
export function reportCsv(r: ComplaintReport): string {
  const rows: unknown[][] = [REPORT_CSV_HEADER];
  const summary: [string, unknown][] = [
    ['period', r.period.id],
    ['previous_period', r.previousPeriod.id],
    ['time_zone', r.timeZone],
    ['taxonomy_version', r.taxonomyVersion],
    ['received', r.volumes.received],
    ['previous_received', r.volumes.previousReceived],
    ['received_change', r.volumes.change],
    ['received_rate_per_10k', r.volumes.ratePer10k],
    ['days_to_decision_mean', r.handling.daysToDecision.mean],
    ['days_to_decision_median', r.handling.daysToDecision.median],
    ['days_to_decision_p90', r.handling.daysToDecision.p90],
    ['days_to_close_mean', r.handling.daysToClose.mean],
    ['days_to_close_median', r.handling.daysToClose.median],
    ['deadlines_met', r.deadlines.met],
    ['deadlines_breached', r.deadlines.breached],
    ['deadlines_met_rate', r.deadlines.metRate],
    ['upheld', r.outcomes.upheld],
    ['partially_upheld', r.outcomes.partially_upheld],
    ['rejected', r.outcomes.rejected],
    ['satisfaction_answered', r.satisfaction.answered],
    ['satisfaction_mean_rating', r.satisfaction.meanRating],
    ['closed_satisfied', r.satisfaction.closedSatisfied],
    ['closed_escalated', r.satisfaction.closedEscalated],
    ['reopened', r.reopened.complaints],
    ['reopen_rate', r.reopened.rate],
    ['review_requested', r.reviews.complaints],
    ['review_rate', r.reviews.rate],
    ['reviews_decided', r.reviews.decided],
    ['reviews_overturned', r.reviews.overturned],
    ['review_overturn_rate', r.reviews.overturnRate],
  ];
  for (const [name, value] of summary) rows.push(['summary', name, value]);
  for (const [dimension, groups] of Object.entries(r.breakdowns))
    for (const g of groups)
      rows.push([
        `by_${dimension}`,
        g.value ?? '',
        '',
        g.count,
        g.previousCount,
        g.change,
        g.pValue,
        g.significant,
        g.ratePer10k,
      ]);
  for (const c of r.causes)
    rows.push(['cause', c.code ?? 'unclassified', c.labelZh ?? '', c.count, '', '', '', '', '']);
  for (const h of r.hotspots)
    rows.push([
      `hotspot_${h.dimension}`,
      h.value,
      '',
      h.count,
      h.previousCount,
      h.change,
      h.pValue,
      h.significant,
      h.ratePer10k,
    ]);
  for (const a of r.actions)
    rows.push([
      `action_${a.kind}`,
      a.rootCauseCode,
      a.takenOn,
      a.effect.after,
      a.effect.before,
      a.effect.change,
      a.effect.pValue,
      a.effect.significant,
    ]);
  const width = REPORT_CSV_HEADER.length;
  const padded = rows.map((row) => [...row, ...Array<unknown>(width - row.length).fill('')]);
  return `\ufeff${padded.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // Formula injection: a cell a spreadsheet would evaluate is quoted with a leading apostrophe.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
