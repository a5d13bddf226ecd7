import { DomainError } from '@complaints/platform';

/**
 * Refusals of the public answer page. The same INVALID for a forged token and an unknown link,
 * so a guess learns nothing; USED and EXPIRED only for a token we signed.
 */
export const AnswerErrors = {
  invalid: () =>
    new DomainError('ANSWER_LINK.INVALID', 404, 'This answer link is not valid.', [
      { field: 'token', reason: 'not a link we sent' },
    ]),
  used: () =>
    new DomainError('ANSWER_LINK.USED', 410, 'This answer link has already been used.', [
      { field: 'token', reason: 'already used' },
    ]),
  expired: () =>
    new DomainError('ANSWER_LINK.EXPIRED', 410, 'This answer link has expired.', [
      { field: 'token', reason: 'expired' },
    ]),
  notAwaited: () =>
    new DomainError(
      'ANSWER_LINK.NOT_AWAITED',
      409,
      'An answer to this letter is no longer awaited (it was answered, replaced or closed).',
      [{ field: 'token', reason: 'the letter no longer awaits an answer' }],
    ),
};
