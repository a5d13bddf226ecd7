/**
 * The share of decision and review clocks met on time, for every department, from the
 * deadlines service's Prometheus text (`complaints_deadline_met_ratio{department="all"}`).
 */
export function metRatio(text: string): number | undefined {
  const line = text
    .split('\n')
    .find((l) => l.startsWith('complaints_deadline_met_ratio{') && l.includes('department="all"'));
  if (!line) return undefined;
  const value = Number(line.trim().split(/\s+/).pop());
  return Number.isFinite(value) ? value : undefined;
}
