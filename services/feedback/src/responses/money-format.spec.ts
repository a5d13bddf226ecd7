import { formatMoney } from './money-format';

describe('money in a letter, from minor units', () => {
  it('writes yuan with the symbol in Chinese and the code in English, grouped, two decimals', () => {
    expect(formatMoney({ amountMinor: 123_450, currency: 'CNY' }, 'zh')).toBe('¥1,234.50');
    expect(formatMoney({ amountMinor: 123_450, currency: 'CNY' }, 'en')).toBe('CNY 1,234.50');
  });

  it('keeps small and round amounts exact', () => {
    expect(formatMoney({ amountMinor: 0, currency: 'CNY' }, 'zh')).toBe('¥0.00');
    expect(formatMoney({ amountMinor: 5, currency: 'CNY' }, 'en')).toBe('CNY 0.05');
    expect(formatMoney({ amountMinor: 100_000_000, currency: 'CNY' }, 'zh')).toBe('¥1,000,000.00');
  });

  it("uses the currency's own decimals and its code where no symbol is set", () => {
    expect(formatMoney({ amountMinor: 1234, currency: 'JPY' }, 'zh')).toBe('JPY 1,234');
    expect(formatMoney({ amountMinor: 1234, currency: 'KWD' }, 'en')).toBe('KWD 1.234');
    expect(formatMoney({ amountMinor: 99_999, currency: 'USD' }, 'en')).toBe('USD 999.99');
  });
});
