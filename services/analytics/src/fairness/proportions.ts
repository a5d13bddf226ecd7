import { normalCdf } from '../hotspots/significance';

/** z for a two-sided 95% interval. */
const Z95 = 1.959964;

/** Wilson score interval (95%) of a proportion k/n; [0, 1] when n is 0. */
export function wilson(k: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [round(Math.max(0, centre - half)), round(Math.min(1, centre + half))];
}

/**
 * Two-proportion z-test (pooled) of a group (k1 of n1) against the rest (k0 of n0), two-sided.
 * Undefined when either side has fewer than `minN` or the pooled proportion is 0 or 1.
 */
export function twoProportionTest(
  k1: number,
  n1: number,
  k0: number,
  n0: number,
  minN = 5,
): { z: number; pValue: number } | undefined {
  if (n1 < minN || n0 < minN) return undefined;
  const pooled = (k1 + k0) / (n1 + n0);
  if (pooled === 0 || pooled === 1) return undefined;
  const z = (k1 / n1 - k0 / n0) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
  return { z: round(z, 3), pValue: round(2 * (1 - normalCdf(Math.abs(z))), 6) };
}

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
