import { DomainError } from '@complaints/platform';

/** Refusals of repeat decisions, and their HTTP statuses: the one place they are mapped. */
export const RepeatErrors = {
  notFound: (complaintId: string) =>
    new DomainError(
      'REPEAT.NOT_FOUND',
      404,
      `Complaint ${complaintId} is not proposed as a repeat of another.`,
    ),
  alreadyDecided: (status: string) =>
    new DomainError('REPEAT.ALREADY_DECIDED', 409, `The repeat was already decided (${status}).`),
};
