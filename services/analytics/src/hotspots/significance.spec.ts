import { compareCounts, normalCdf } from './significance';

describe('change against the previous period', () => {
  it('flags 30 against 10 and not 12 against 10', () => {
    const spike = compareCounts(30, 10, 0.05);
    expect(spike.significant).toBe(true);
    expect(spike.change).toBe(2);
    expect(spike.z).toBeGreaterThan(3);
    // Exact: P(X >= 30 or X <= 10) for X ~ Bin(40, 0.5) = 0.00222
    expect(spike.pValue).toBeCloseTo(0.00222, 4);

    const noise = compareCounts(12, 10, 0.05);
    expect(noise.significant).toBe(false);
    expect(noise.pValue).toBeGreaterThan(0.5);
  });

  it('weighs counts by the policies in force: twice the count on twice the policies is no change', () => {
    const same = compareCounts(40, 20, 0.05, { current: 20_000, previous: 10_000 });
    expect(same.change).toBe(0);
    expect(same.significant).toBe(false);
  });

  it('has no change ratio against an empty period, and nothing to test on two empty ones', () => {
    // 5 against 0: p = 2/32 = 0.0625, not enough; 6 against 0: 2/64 = 0.031.
    expect(compareCounts(5, 0, 0.05)).toMatchObject({ change: null, significant: false });
    expect(compareCounts(6, 0, 0.05)).toMatchObject({ change: null, pValue: 0.03125 });
    expect(compareCounts(0, 0, 0.05)).toEqual({
      change: null,
      z: 0,
      pValue: 1,
      significant: false,
    });
  });

  it('agrees with the normal approximation on large counts', () => {
    const big = compareCounts(5600, 5000, 0.05);
    expect(big.significant).toBe(true);
    expect(big.pValue).toBeLessThan(0.0001);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
  });
});
