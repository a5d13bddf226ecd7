import type { Language } from '@complaints/contracts';

export interface Money {
  /** minor units of currency, >= 0 */
  amountMinor: number;
  /** ISO 4217 */
  currency: string;
}

/** Symbols a Chinese letter uses instead of the code; every other currency shows its code. */
const ZH_SYMBOLS: Record<string, string> = { CNY: '¥' };

/**
 * Formats an amount held in minor units without floating point: ¥1,234.50 in a Chinese
 * letter, CNY 1,234.50 in an English one. The number of decimals is the currency's own
 * (JPY 0, CNY 2, KWD 3).
 */
export function formatMoney(money: Money, language: Language): string {
  const digits = minorDigits(money.currency);
  const minor = BigInt(money.amountMinor);
  const scale = 10n ** BigInt(digits);
  const major = (minor / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = digits > 0 ? `.${(minor % scale).toString().padStart(digits, '0')}` : '';
  const amount = `${major}${fraction}`;
  const symbol = language === 'zh' ? ZH_SYMBOLS[money.currency] : undefined;
  return symbol ? `${symbol}${amount}` : `${money.currency} ${amount}`;
}

function minorDigits(currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  return digits ?? 2;
}
