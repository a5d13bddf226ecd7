import { DomainError } from '@complaints/platform';

/** Investigation's error codes and their HTTP statuses: the one place they are mapped. */
export const CaseErrors = {
  /** Also a case of another department than the person's: its existence is not revealed. */
  notFound: (complaintId: string) =>
    new DomainError('CASE.NOT_FOUND', 404, `No case for complaint ${complaintId}.`),
  alreadyDecided: (round: number) =>
    new DomainError('CASE.ALREADY_DECIDED', 409, `Round ${round} of this case is already decided.`),
  /** Recusal: only the handler the case is assigned to decides it (and notes it, of handlers). */
  notAssigned: (username: string) =>
    new DomainError('CASE.NOT_ASSIGNED', 403, `The case is not assigned to ${username}.`),
  alreadyAssigned: (handlerId: string, department: string) =>
    new DomainError(
      'CASE.ALREADY_ASSIGNED',
      409,
      `The case is already assigned to ${handlerId} in ${department}.`,
    ),
  unknownHandler: (field: string, handlerId: string) =>
    new DomainError('HANDLER.NOT_FOUND', 422, `No handler ${handlerId}.`, [
      { field, reason: `no handler ${handlerId}` },
    ]),
  inactiveHandler: (handlerId: string) =>
    new DomainError('HANDLER.INACTIVE', 422, `Handler ${handlerId} takes no new cases.`, [
      { field: 'handlerId', reason: 'inactive handler' },
    ]),
  /** An officer named a department the handler does not work in. */
  handlerNotInDepartment: (handlerId: string, department: string) =>
    new DomainError(
      'HANDLER.NOT_IN_DEPARTMENT',
      422,
      `Handler ${handlerId} does not work in ${department}.`,
      [{ field: 'handlerId', reason: `not a handler of ${department}` }],
    ),
  /** A supervisor reassigns within their own department only. */
  outsideDepartment: (field: string, department: string) =>
    new DomainError(
      'ASSIGNMENT.OUTSIDE_DEPARTMENT',
      422,
      `A supervisor reassigns within their own department (${department}) only.`,
      [{ field, reason: `outside ${department}` }],
    ),
  /** A review finding (upheld/overturned) on a round that is not an internal review. */
  notAReview: () =>
    new DomainError(
      'REVIEW.NOT_A_REVIEW',
      422,
      'This round is not an internal review: reviewOutcome does not apply.',
      [{ field: 'reviewOutcome', reason: 'the round is not an internal review' }],
    ),
};
