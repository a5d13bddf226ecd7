import { DomainError } from '@complaints/platform';

/** Refusals of clock actions, and their HTTP statuses: the one place they are mapped. */
export const ClockErrors = {
  caseDecided: (round: number) =>
    new DomainError('CLOCK.CASE_DECIDED', 409, `Round ${round} is decided: its clock has stopped.`),
  ended: () =>
    new DomainError(
      'CLOCK.ENDED',
      409,
      'The complaint was withdrawn or merged: its clock has ended.',
    ),
  alreadyPaused: () => new DomainError('CLOCK.ALREADY_PAUSED', 409, 'The clock is already paused.'),
  notPaused: () =>
    new DomainError('CLOCK.NOT_PAUSED', 409, 'The clock is not paused: nothing to resume.'),
  pending: () =>
    new DomainError(
      'EXTENSION.PENDING',
      409,
      'An extension request of this case awaits an approver.',
    ),
  beyondMaximum: (kind: string) =>
    new DomainError('EXTENSION.BEYOND_MAXIMUM', 422, `A ${kind} extension was already granted.`, [
      { field: 'kind', reason: 'beyond the policy maximum' },
    ]),
  afterDeadline: (dueAt: string) =>
    new DomainError(
      'EXTENSION.AFTER_DEADLINE',
      422,
      `The deadline (${dueAt}) has passed: an extension is asked before it.`,
      [{ field: 'kind', reason: `asked after the deadline ${dueAt}` }],
    ),
  notInPolicy: (kind: string, policy: string) =>
    new DomainError(
      'EXTENSION.BEYOND_MAXIMUM',
      422,
      `The complaint's policy (${policy}) grants no ${kind} extension of this clock.`,
      [{ field: 'kind', reason: 'beyond the policy maximum' }],
    ),
  outOfOrder: () =>
    new DomainError(
      'EXTENSION.OUT_OF_ORDER',
      422,
      'An especially complex extension follows a granted complex one.',
      [{ field: 'kind', reason: 'needs a granted complex extension first' }],
    ),
  notAllowed: () =>
    new DomainError('EXTENSION.NOT_ALLOWED', 422, 'An internal review has a fixed period.', [
      { field: 'kind', reason: 'no extension of a review round' },
    ]),
  notFound: (requestId: string) =>
    new DomainError('EXTENSION.NOT_FOUND', 404, `No extension request ${requestId} on this case.`),
  alreadyDecided: () =>
    new DomainError('EXTENSION.ALREADY_DECIDED', 409, 'The extension request is already decided.'),
  ownRequest: () =>
    new DomainError(
      'EXTENSION.OWN_REQUEST',
      403,
      'An extension is approved or refused by someone other than its requester.',
    ),
  mergeIntoItself: () =>
    new DomainError('CLOCK.MERGE_INTO_ITSELF', 422, 'A complaint is merged into another one.', [
      { field: 'intoComplaintId', reason: 'the complaint itself' },
    ]),
};
