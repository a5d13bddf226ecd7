/** UPU S10 weights of the eight serial digits. */
const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/**
 * Why a registered-mail number is not a UPU S10 item number (two letters, eight digits and a
 * check digit, two letters of the country: EA123456785CN), or undefined when it is one.
 */
export function registeredNumberProblem(value: string): string | undefined {
  const m = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/.exec(value);
  if (!m) return 'must be two letters, nine digits and two letters (UPU S10, e.g. EA123456785CN)';
  const digits = [...(m[2] ?? '')].map(Number);
  const sum = digits.reduce((s, d, i) => s + d * (WEIGHTS[i] ?? 0), 0);
  const check = 11 - (sum % 11);
  const expected = check === 10 ? 0 : check === 11 ? 5 : check;
  return Number(m[3]) === expected ? undefined : 'its check digit does not match (UPU S10)';
}
