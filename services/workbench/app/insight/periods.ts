/** The current quarter and half-year of the browser's calendar, as the API names them. */
export function currentQuarter(now = new Date()): string {
  return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
}

export function currentHalfYear(now = new Date()): string {
  return `${now.getFullYear()}-H${now.getMonth() < 6 ? 1 : 2}`;
}
