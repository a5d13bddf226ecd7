import { DomainError, RequestValidationException } from '@complaints/platform';

/** Visible ASCII, as header values can carry it unambiguously. */
export const IDEMPOTENCY_KEY_PATTERN = /^[!-~]{1,255}$/;

/** Intake's error codes and their HTTP statuses: the one place they are mapped. */
export const ComplaintErrors = {
  notFound: (id: string) => new DomainError('COMPLAINT.NOT_FOUND', 404, `No complaint ${id}.`),
  notFoundByReference: () =>
    new DomainError(
      'COMPLAINT.NOT_FOUND',
      404,
      'No complaint of yours has this externalReference.',
    ),
  idempotencyKeyReused: () =>
    new DomainError(
      'IDEMPOTENCY.KEY_REUSED',
      409,
      'This Idempotency-Key was already used with a different request body; use a new key for a new request.',
    ),
  badIdempotencyKey: () =>
    new RequestValidationException([
      {
        field: 'Idempotency-Key',
        reason: 'Idempotency-Key must be 1-255 visible ASCII characters',
      },
    ]),
  complainantNotAssigned: () =>
    new DomainError(
      'COMPLAINANT.NOT_ASSIGNED',
      403,
      "Only the handler the case is assigned to, a complaints officer or an auditor may read the complainant's details.",
    ),
  badId: () => new RequestValidationException([{ field: 'id', reason: 'id must be a UUID' }]),
};
