import { DomainError } from '@complaints/platform';
import type { LifecycleStage } from '@complaints/contracts';

/** Refusals of a relayed survey answer; the one place their codes map to HTTP. */
export const FeedbackErrors = {
  notAwaited: (status: LifecycleStage) =>
    new DomainError(
      'FEEDBACK.NOT_AWAITED',
      409,
      `The complaint is ${status}: the customer's feedback is taken only once the complaint has ` +
        'been responded to and while that response awaits their answer.',
    ),
  alreadySubmitted: () =>
    new DomainError(
      'FEEDBACK.ALREADY_SUBMITTED',
      409,
      "The customer's feedback on this response was already relayed; a new answer is taken after the next response.",
    ),
  /** An internal review is asked within 30 days of the decision letter (China, 2020 rules). */
  reviewTooLate: (sentAt: Date, days: number) =>
    new DomainError(
      'REVIEW.TOO_LATE',
      422,
      `An internal review is taken within ${days} days of the decision letter; this one was sent ` +
        `${sentAt.toISOString()}.`,
      [{ field: 'reviewRequested', reason: `more than ${days} days after the decision letter` }],
    ),
};
