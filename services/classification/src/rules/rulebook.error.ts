/**
 * The rulebook in the database cannot be used (a pattern that does not compile, a class with no
 * department, two rules with one id). Raised at start, so the service refuses to run on rules it
 * would misapply rather than route complaints wrongly.
 */
export class RulebookError extends Error {
  constructor(readonly problems: string[]) {
    super(`The classification rulebook is invalid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'RulebookError';
  }
}
