/**
 * Is a change between two periods' complaint counts more than chance?
 *
 * The test: the conditional (binomial) test for two Poisson counts (Przyborowski and Wilenski,
 * 1940). Complaints arrive as Poisson processes with rates r1 (this period) and r0 (the one
 * before) over exposures e1 and e0 (policies in force when loaded, else 1 each: equal
 * exposure). Given N = x1 + x0 complaints in both, under H0 (r1 = r0) x1 ~ Binomial(N, p) with
 * p = e1 / (e1 + e0). The two-sided p-value is exact (the sum of the probabilities of every
 * outcome no likelier than x1) up to EXACT_MAX, and the normal approximation with continuity
 * correction beyond it, where the two agree to well under 0.001.
 */
export const TEST_NAME = 'poisson-conditional-binomial';

const EXACT_MAX = 5000;

export interface ChangeTest {
  /** (x1/e1 - x0/e0) / (x0/e0); null when the previous period had none */
  change: number | null;
  /** signed: > 0 when this period is higher than expected */
  z: number;
  pValue: number;
  significant: boolean;
}

export function compareCounts(
  current: number,
  previous: number,
  alpha: number,
  exposure: { current: number; previous: number } = { current: 1, previous: 1 },
): ChangeTest {
  const n = current + previous;
  const p = exposure.current / (exposure.current + exposure.previous);
  const rate1 = current / exposure.current;
  const rate0 = previous / exposure.previous;
  const change = previous === 0 ? null : round((rate1 - rate0) / rate0, 4);
  if (n === 0) return { change, z: 0, pValue: 1, significant: false };
  const sd = Math.sqrt(n * p * (1 - p));
  const z = sd === 0 ? 0 : (current - n * p) / sd;
  const pValue = n <= EXACT_MAX ? exactTwoSided(current, n, p) : normalTwoSided(current, n, p);
  return { change, z: round(z, 3), pValue: round(pValue, 6), significant: pValue < alpha };
}

/** Sum of Binomial(n, p) probabilities no greater than that of k (with a relative tolerance). */
function exactTwoSided(k: number, n: number, p: number): number {
  const logFact = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) logFact[i] = logFact[i - 1] + Math.log(i);
  const lp = Math.log(p);
  const lq = Math.log(1 - p);
  const logPmf = (i: number) => logFact[n] - logFact[i] - logFact[n - i] + i * lp + (n - i) * lq;
  const observed = logPmf(k);
  let total = 0;
  for (let i = 0; i <= n; i++) {
    const l = logPmf(i);
    if (l <= observed + 1e-7) total += Math.exp(l);
  }
  return Math.min(1, total);
}

function normalTwoSided(k: number, n: number, p: number): number {
  const mean = n * p;
  const sd = Math.sqrt(n * p * (1 - p));
  const z = Math.max(0, Math.abs(k - mean) - 0.5) / sd;
  return Math.min(1, 2 * (1 - normalCdf(z)));
}

/** Standard normal CDF (Zelen and Severo 26.2.17; absolute error < 7.5e-8). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989422804014327 * Math.exp((-z * z) / 2);
  const tail =
    d *
    t *
    (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z >= 0 ? 1 - tail : tail;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
