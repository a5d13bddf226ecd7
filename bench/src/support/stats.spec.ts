import { percentile, ratio, spanRate, summarize } from './stats';

describe('benchmark statistics', () => {
  it('takes nearest-rank percentiles, so a percentile is always an observed value', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarises unsorted samples', () => {
    const s = summarize([5, 1, 3, 2, 4]);
    expect(s).toMatchObject({ count: 5, min: 1, max: 5, mean: 3, p50: 3 });
  });

  it('gives no ratio against a missing or zero baseline', () => {
    expect(ratio(10, 4)).toBe(2.5);
    expect(ratio(10, 0)).toBeNull();
    expect(ratio(null, 4)).toBeNull();
    expect(ratio(10, Number.NaN)).toBeNull();
  });

  it('measures a rate over the span the events took', () => {
    expect(spanRate([1000, 1500, 2000])).toBe(2);
    expect(spanRate([1000])).toBeNull();
  });
});
