import { DomainError } from '@complaints/platform';

/** The post letters' error codes and their HTTP statuses: the one place they are mapped. */
export const LetterErrors = {
  notFound: (complaintId: string) =>
    new DomainError('LETTER.NOT_FOUND', 404, `No such letter for complaint ${complaintId}.`),
  nothingToPrint: (complaintId: string, kind: string) =>
    new DomainError(
      'LETTER.NOTHING_TO_PRINT',
      404,
      `Complaint ${complaintId} has no ${kind} message that could be sent.`,
      [{ field: 'kind', reason: `no ${kind} message to print` }],
    ),
  badNumber: (reason: string) =>
    new DomainError('LETTER.BAD_REGISTERED_NUMBER', 400, `registeredNumber ${reason}.`, [
      { field: 'registeredNumber', reason },
    ]),
  postedInFuture: () =>
    new DomainError('LETTER.POSTED_IN_FUTURE', 422, 'postedAt is in the future.', [
      { field: 'postedAt', reason: 'postedAt must not be in the future' },
    ]),
  postedBeforePrinted: () =>
    new DomainError(
      'LETTER.POSTED_BEFORE_PRINTED',
      422,
      'postedAt is before the letter was printed.',
      [{ field: 'postedAt', reason: 'postedAt must not be before the letter was printed' }],
    ),
  alreadyPosted: () =>
    new DomainError('LETTER.ALREADY_POSTED', 409, 'This letter was already recorded as posted.'),
  numberInUse: () =>
    new DomainError(
      'LETTER.NUMBER_IN_USE',
      409,
      'That registered-mail number is recorded for another letter.',
      [{ field: 'registeredNumber', reason: 'already recorded for another letter' }],
    ),
};
