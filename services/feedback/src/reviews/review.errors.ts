import { DomainError } from '@complaints/platform';

/** Refusals of an internal review request, and of the officer's reopening. */
export const ReviewErrors = {
  tooLate: (sentAt: Date, days: number) =>
    new DomainError(
      'REVIEW.TOO_LATE',
      422,
      `An internal review is taken within ${days} days of the decision letter; this one was sent ` +
        `${sentAt.toISOString()}.`,
      [{ field: 'reviewRequested', reason: `more than ${days} days after the decision letter` }],
    ),
  alreadyReviewed: () =>
    new DomainError(
      'REVIEW.ALREADY_REVIEWED',
      409,
      'This complaint has had its internal review; the remedies left are mediation, arbitration ' +
        'and the courts.',
      [{ field: 'reviewRequested', reason: 'already reviewed' }],
    ),
  notAwaitingOfficer: (complaintId: string) =>
    new DomainError(
      'FEEDBACK.NOT_AWAITING_OFFICER',
      409,
      `Complaint ${complaintId} has no dissatisfied answer waiting for the complaints officer.`,
    ),
};

/** Refusals of a review request that leave the answer itself to apply. */
export const REVIEW_REFUSALS: readonly string[] = ['REVIEW.TOO_LATE', 'REVIEW.ALREADY_REVIEWED'];
