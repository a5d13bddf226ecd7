import { DomainError } from '@complaints/platform';

/** The archive's error codes and their HTTP statuses: the one place they are mapped. */
export const ArchiveErrors = {
  notFound: (id: string) =>
    new DomainError(
      'ARCHIVE.NOT_FOUND',
      404,
      `No sealed record for complaint ${id}: it is not closed, or its timeline is not complete yet.`,
    ),
  noTimeline: (id: string) =>
    new DomainError('ARCHIVE.TIMELINE_NOT_FOUND', 404, `No events recorded for complaint ${id}.`),
};
