import { twoProportionTest, wilson } from './proportions';

describe('proportions', () => {
  it('gives the Wilson interval', () => {
    // 4 of 20: 0.0807 .. 0.4160 (Newcombe 1998, method 3)
    expect(wilson(4, 20)).toEqual([0.0807, 0.416]);
    expect(wilson(0, 10)[0]).toBe(0);
    expect(wilson(0, 0)).toEqual([0, 1]);
  });

  it('tests a group against the rest, and declines with too few or no variation', () => {
    const test = twoProportionTest(4, 20, 58, 80);
    expect(test?.z).toBeCloseTo(-4.327, 2);
    expect(test?.pValue).toBeLessThan(0.0001);
    expect(twoProportionTest(30, 40, 32, 60)?.pValue).toBeCloseTo(0.0287, 3);
    expect(twoProportionTest(2, 4, 30, 60)).toBeUndefined();
    expect(twoProportionTest(10, 10, 60, 60)).toBeUndefined();
  });
});
