/** Latency and rate summaries. Percentiles are nearest-rank: a reported p99 is a value that was observed. */

export interface Summary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile (0 < p <= 100) of an ascending array; NaN when it is empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    count: sorted.length,
    min: sorted.length ? sorted[0] : Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
  };
}

/** a / b, or null when either side is missing or b is 0: a ratio against nothing is not a figure. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return a / b;
}

/** Rounds to `digits` decimals; keeps NaN and null as they are so the JSON shows what was missing. */
export function round(value: number, digits = 1): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function roundSummary(s: Summary, digits = 1): Summary {
  return {
    count: s.count,
    min: round(s.min, digits),
    mean: round(s.mean, digits),
    p50: round(s.p50, digits),
    p95: round(s.p95, digits),
    p99: round(s.p99, digits),
    max: round(s.max, digits),
  };
}

/**
 * Events per second over the span the events actually took, from their timestamps (ms):
 * (n - 1) intervals over last - first. Excludes start-up and idle tails; null for fewer than two.
 */
export function spanRate(timestampsMs: readonly number[]): number | null {
  if (timestampsMs.length < 2) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const t of timestampsMs) {
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (max <= min) return null;
  return ((timestampsMs.length - 1) * 1000) / (max - min);
}
