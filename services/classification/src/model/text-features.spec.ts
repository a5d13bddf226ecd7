import { featureTokens, hashedFeatures, hashToken, normaliseText } from './text-features';

describe('text features', () => {
  it('reads Chinese as character 1- to 3-grams without segmentation', () => {
    const tokens = featureTokens('理赔被拒');
    expect(tokens).toEqual(
      expect.arrayContaining(['z:理', 'z:理赔', 'z:理赔被', 'z:被拒', 'z:赔被拒']),
    );
    expect(tokens.filter((t) => t.startsWith('z:'))).toHaveLength(4 + 3 + 2);
  });

  it('reads other scripts as words, word pairs and character 3- to 5-grams; digits fold to 0', () => {
    expect(normaliseText('Ｃｌａｉｍ  Denied ￥1,200')).toBe('claim denied ¥0,000');
    const tokens = featureTokens('Claim denied');
    expect(tokens).toEqual(
      expect.arrayContaining([
        'w:claim',
        'w:denied',
        'b:claim denied',
        'c: cl',
        'c:claim',
        'c:ied ',
      ]),
    );
  });

  it('hashes stably into the dimension, with a unit-length vector', () => {
    expect(hashToken('w:claim')).toBe(hashToken('w:claim'));
    const x = hashedFeatures('My claim was denied. 我的理赔被拒了。', 1 << 10);
    expect([...x.indices].every((i) => i < 1 << 10)).toBe(true);
    expect([...x.indices]).toEqual([...x.indices].sort((a, b) => a - b));
    const norm = Math.sqrt([...x.values].reduce((a, v) => a + v * v, 0));
    expect(norm).toBeCloseTo(1, 5);
  });
});
