import { RepeatKeys } from './repeat-keys';

const SECRET = 'a-test-repeat-key-that-is-long-enough-0123';

describe('RepeatKeys: the keyed hash investigation matches repeat complaints on', () => {
  const keys = new RepeatKeys(SECRET);

  it('is the same for one customer and policy however the numbers are typed', () => {
    const a = keys.of({ name: '王芳', phone: '+86 138 0013 8000' }, 'pol-2026 0001');
    const b = keys.of({ name: 'Wang Fang', phone: '13800138000' }, 'POL20260001');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).toBe(b);
  });

  it('differs for another policy, another customer or another secret', () => {
    const a = keys.of({ name: 'x', customerId: 'C-1' }, 'P-1');
    expect(keys.of({ name: 'x', customerId: 'C-1' }, 'P-2')).not.toBe(a);
    expect(keys.of({ name: 'x', customerId: 'C-2' }, 'P-1')).not.toBe(a);
    expect(new RepeatKeys(`${SECRET}!`).of({ name: 'x', customerId: 'C-1' }, 'P-1')).not.toBe(a);
  });

  it('contains nothing of the identity and is absent without a secret or an identifier', () => {
    const key = keys.of({ name: 'x', idNumber: '110101199003074512' }, 'P-1') ?? '';
    expect(key).not.toContain('110101');
    expect(keys.of({ name: 'only a name' }, 'P-1')).toBeUndefined();
    expect(new RepeatKeys(undefined).of({ name: 'x', customerId: 'C-1' }, 'P-1')).toBeUndefined();
  });
});
