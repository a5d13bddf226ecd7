import { DomainError } from '@complaints/platform';

/** The deadlines service's error codes and their HTTP statuses. */
export const ClockErrors = {
  /** Also a complaint of another department than the person's: its existence is not revealed. */
  notFound: (complaintId: string) =>
    new DomainError('DEADLINES.NOT_FOUND', 404, `No clocks for complaint ${complaintId}.`),
  /** A supervisor lists their own department only. */
  otherDepartment: (department: string) =>
    new DomainError(
      'DEADLINES.OTHER_DEPARTMENT',
      403,
      `A supervisor sees the clocks of their own department (${department}) only.`,
      [{ field: 'department', reason: `not ${department}` }],
    ),
};
