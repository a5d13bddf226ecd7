import { DomainError, RequestValidationException } from '@complaints/platform';

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
  badId: () => new RequestValidationException([{ field: 'id', reason: 'id must be a UUID' }]),
};
