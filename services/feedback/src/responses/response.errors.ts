import { DomainError } from '@complaints/platform';

/** The responses feature's error codes and their HTTP statuses: the one place they are mapped. */
export const ResponseErrors = {
  notFound: (complaintId: string) =>
    new DomainError(
      'RESPONSE.NOT_FOUND',
      404,
      `No response has been sent for complaint ${complaintId}.`,
    ),
};
