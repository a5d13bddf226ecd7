import { DomainError } from '@complaints/platform';

/** Intake's error codes and their HTTP statuses: the one place they are mapped. */
export const ComplaintErrors = {
  notFound: (id: string) => new DomainError('COMPLAINT.NOT_FOUND', 404, `No complaint ${id}.`),
};
