import { SAMPLE_COMPLAINTS } from './sample-complaints';

const HAN = /[\u4e00-\u9fff]/;

describe('the sample complaints the demo and end-to-end suite send', () => {
  it('cover all four classes of the industry plan', () => {
    expect(new Set(SAMPLE_COMPLAINTS.map((s) => s.expectedCategory))).toEqual(
      new Set(['product_service', 'business_handling', 'staff_service', 'technical']),
    );
  });

  it('come in Chinese and in English', () => {
    const chinese = SAMPLE_COMPLAINTS.filter((s) => HAN.test(s.subject + s.description));
    expect(chinese.length).toBeGreaterThan(0);
    expect(chinese.length).toBeLessThan(SAMPLE_COMPLAINTS.length);
  });

  it('include a regulator referral, the case the green channel exists for', () => {
    expect(SAMPLE_COMPLAINTS.some((s) => s.channel === 'regulator_referral')).toBe(true);
  });
});
