import { totalExtra } from './checks';
import { ScenarioResult } from './scenario';

export interface Totals {
  scenarios: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  /** scenarios that did not recover within the bound (or were not run) */
  unrecovered: number;
}

export function totals(results: readonly ScenarioResult[], skipped = 0): Totals {
  return {
    scenarios: results.length,
    lost: results.reduce((n, r) => n + r.lost.length, 0),
    duplicated: results.reduce((n, r) => n + totalExtra(r.duplicates), 0),
    outOfOrder: results.reduce((n, r) => n + r.outOfOrderComplaints, 0),
    unrecovered: results.filter((r) => !r.recovered).length + skipped,
  };
}

/** The suite's last line, exactly as issue 8 words it. */
export function lastLine(t: Totals): string {
  return `faults: ${t.scenarios} scenarios, ${t.lost} lost, ${t.duplicated} duplicated effects, ${t.outOfOrder} out of order`;
}

/** Non-zero when anything was lost, duplicated or out of order, or a scenario did not recover. */
export function exitCode(t: Totals): number {
  return t.lost || t.duplicated || t.outOfOrder || t.unrecovered ? 1 : 0;
}

const COLUMNS = [
  'scenario',
  'accepted',
  'archived',
  'lost',
  'dup effects',
  'out of order',
  'recovery s',
  '/health/ready truthful',
  'result',
];

export function rows(results: readonly ScenarioResult[]): string[][] {
  return results.map((r) => [
    r.name,
    String(r.accepted),
    String(r.archived),
    String(r.lost.length),
    String(totalExtra(r.duplicates)),
    String(r.outOfOrderComplaints),
    r.recoveryS === undefined ? 'not recovered' : r.recoveryS.toFixed(1),
    r.health.summary === 'yes' || r.health.summary.startsWith('yes ') ? r.health.summary : 'no',
    r.ok ? 'ok' : 'FAIL',
  ]);
}

/** A plain-text table for the terminal. */
export function textTable(results: readonly ScenarioResult[]): string {
  const body = rows(results);
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(COLUMNS), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** What went wrong, per scenario that is not clean: the evidence a reader needs. */
export function details(results: readonly ScenarioResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    const lines: string[] = [];
    if (!r.health.truthful) lines.push(`health: ${r.health.summary}`);
    if (r.lost.length)
      lines.push(`lost: ${r.lost.slice(0, 3).join(', ')}${r.lost.length > 3 ? ', ...' : ''}`);
    for (const d of r.duplicates.slice(0, 5))
      lines.push(`duplicate: ${d.what}: ${d.key} (+${d.extra})`);
    for (const o of r.outOfOrder.slice(0, 5))
      lines.push(`out of order: ${o.complaintId}: ${o.what}`);
    lines.push(...r.notes.map((n) => `note: ${n}`));
    if (!r.ok) {
      for (const [service, problems] of Object.entries(r.problems)) {
        for (const p of problems.slice(0, 4)) lines.push(`${service} logged: ${p}`);
      }
    }
    if (lines.length) out.push(`${r.name} (${r.description}):`, ...lines.map((l) => `  ${l}`));
  }
  return out;
}

export function markdown(
  results: readonly ScenarioResult[],
  meta: { mode: string; startedAt: string; durationS: number; commit: string },
  t: Totals,
): string {
  const body = rows(results);
  const table = [
    `| ${COLUMNS.join(' | ')} |`,
    `| ${COLUMNS.map(() => '---').join(' | ')} |`,
    ...body.map((r) => `| ${r.join(' | ')} |`),
  ];
  return [
    `# Fault suite (${meta.mode})`,
    '',
    `${meta.startedAt}, ${meta.durationS} s, commit ${meta.commit}`,
    '',
    ...table,
    '',
    '```',
    ...details(results),
    '```',
    '',
    lastLine(t),
    '',
  ].join('\n');
}
