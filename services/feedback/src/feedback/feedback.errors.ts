import { DomainError } from '@complaints/platform';

/** The feedback feature's error codes and their HTTP statuses: the one place they are mapped. */
export const FeedbackErrors = {
  noResponse: (complaintId: string) =>
    new DomainError(
      'FEEDBACK.NO_RESPONSE',
      404,
      `Complaint ${complaintId} has no response awaiting feedback.`,
    ),
  alreadyGiven: (complaintId: string, round: number) =>
    new DomainError(
      'FEEDBACK.ALREADY_GIVEN',
      409,
      `Feedback on round ${round} of complaint ${complaintId} was already given.`,
    ),
};

/** Codes of an answer that came too late or twice: refused, but nothing is wrong. */
export const FEEDBACK_NOT_APPLICABLE: readonly string[] = [
  'FEEDBACK.NO_RESPONSE',
  'FEEDBACK.ALREADY_GIVEN',
];
