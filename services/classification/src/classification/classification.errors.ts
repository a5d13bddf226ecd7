import { DomainError } from '@complaints/platform';

/** Classification's error codes and their HTTP statuses: the one place they are mapped. */
export const ClassificationErrors = {
  notFound: (complaintId: string) =>
    new DomainError(
      'CLASSIFICATION.NOT_FOUND',
      404,
      `Complaint ${complaintId} has not been classified.`,
    ),
};
