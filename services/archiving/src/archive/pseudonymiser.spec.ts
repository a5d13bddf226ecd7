import { Pseudonymiser } from './pseudonymiser';

const KEY = 'unit-test-pseudonym-key-0123456789abcdef';

describe('pseudonymiser', () => {
  const p = new Pseudonymiser(KEY);

  it('gives the same customer the same pseudonym, and a different key a different one', () => {
    const customer = { customerId: 'C-1002003', name: 'Li Wei' };
    expect(p.customer(customer)).toMatch(/^[0-9a-f]{64}$/);
    expect(p.customer({ ...customer, phone: '+86 138 0013 8000' })).toBe(p.customer(customer));
    expect(new Pseudonymiser(`${KEY}-rotated`).customer(customer)).not.toBe(p.customer(customer));
  });

  it('normalises phone numbers, e-mail addresses and names before hashing', () => {
    expect(p.customer({ name: 'A', phone: '+86 138-0013-8000' })).toBe(
      p.customer({ name: 'B', phone: '13800138000' }),
    );
    expect(p.customer({ name: 'A', email: ' Li.Wei@Example.com' })).toBe(
      p.customer({ name: 'B', email: 'li.wei@example.com' }),
    );
    expect(p.customer({ name: ' Li  Wei ' })).toBe(p.customer({ name: 'li wei' }));
    expect(p.policy('p-mot 2024 778899')).toBe(p.policy('P-MOT-2024-778899'));
  });

  it('keeps kinds of identifier apart', () => {
    expect(p.customer({ name: 'x', customerId: '13800138000' })).not.toBe(
      p.customer({ name: 'x', phone: '13800138000' }),
    );
  });

  it('refuses a short key', () => {
    expect(() => new Pseudonymiser('short')).toThrow(/at least 32/);
  });
});
