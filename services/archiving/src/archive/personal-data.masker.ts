/** What replaces each piece of personal data found in free text. */
export const REDACTED = '[redacted]';

/**
 * Full-width digits, Latin letters and the signs used in phone numbers and e-mail addresses
 * (U+FF0B..U+FF5A subset), as Chinese input methods type them; folded to ASCII before
 * matching so `１３８…` is caught like `138…`.
 */
const FULL_WIDTH = /[\uFF0B\uFF0D\uFF0E\uFF10-\uFF19\uFF20-\uFF3A\uFF3F\uFF41-\uFF5A]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

/** A pattern, and the fewest digits a match must hold to count as personal data. */
interface Detector {
  pattern: RegExp;
  minDigits: number;
}

/**
 * Applied in this order: e-mail first (addresses contain digits); the Chinese resident ID
 * (18 characters, the last a digit or X); bank-card style groups of four digits (before phones,
 * which would take only their tail); phone numbers as people write them; then any run of six
 * or more digits (policy, account, card, postal and old 15-digit ID numbers). Digit lookarounds
 * keep a match from starting or ending inside a longer number. Dates (2025-02-10), times, years
 * and amounts under six digits survive.
 */
const DETECTORS: readonly Detector[] = [
  { pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, minDigits: 0 },
  { pattern: /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, minDigits: 0 },
  // bank cards and similar, written in groups of four: 6222 0212 3456 7890
  { pattern: /(?<!\d)\d{4}(?:[ -]\d{4}){2,4}(?!\d)/g, minDigits: 0 },
  // international, written with a leading +: +86 138 0013 8000, +44 (0)20 7946 0958
  { pattern: /\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,6}(?!\d)/g, minDigits: 7 },
  // mainland mobile: 13800138000, 138 0013 8000, 138-0013-8000
  { pattern: /(?<!\d)1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g, minDigits: 0 },
  // mainland landline with area code: 010-12345678, (021) 6123 4567, 0755 8888 9999
  { pattern: /(?<!\d)\(?0\d{2,3}\)?[ -]?\d{3,4}[ -]?\d{4}(?!\d)/g, minDigits: 0 },
  // North American style: (555) 123-4567, 555.123.4567
  { pattern: /(?<!\d)\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}(?!\d)/g, minDigits: 0 },
  { pattern: /\d{6,}/g, minDigits: 0 },
];

/**
 * Replaces phone numbers, e-mail addresses, Chinese ID numbers and long digit runs in free
 * text with `[redacted]`, and every occurrence of `known` values (the customer's own name,
 * phone, ... when the caller has them), case-insensitively. Names that are not known cannot be
 * recognised in free text: fields that may hold them are dropped, not masked.
 */
export function maskPersonalData(text: string, known: readonly string[] = []): string {
  let masked = text.replace(FULL_WIDTH, (c) =>
    String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET),
  );
  for (const value of known) {
    const needle = value.trim();
    // One-letter values would shred ordinary words.
    if (needle.length < 2) continue;
    masked = masked.replace(new RegExp(escapeRegExp(needle), 'giu'), REDACTED);
  }
  for (const { pattern, minDigits } of DETECTORS) {
    masked = masked.replace(pattern, (match) =>
      digitCount(match) >= minDigits ? REDACTED : match,
    );
  }
  return masked;
}

/**
 * Masks and then keeps the text within `maxLength` characters: `[redacted]` can be longer than
 * what it replaces, and the contract caps the field.
 */
export function maskWithin(text: string, maxLength: number, known: readonly string[] = []): string {
  const masked = maskPersonalData(text, known);
  return masked.length <= maxLength ? masked : `${masked.slice(0, maxLength - 1)}…`;
}

function digitCount(s: string): number {
  return s.replace(/\D/g, '').length;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
