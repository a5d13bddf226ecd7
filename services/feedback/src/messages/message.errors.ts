import { DomainError } from '@complaints/platform';

/** The messages feature's error codes and their HTTP statuses: the one place they are mapped. */
export const MessageErrors = {
  notFound: (complaintId: string) =>
    new DomainError(
      'MESSAGE.NOT_FOUND',
      404,
      `No message has been queued for complaint ${complaintId}.`,
    ),
  callInFuture: () =>
    new DomainError('MESSAGE.CALL_IN_FUTURE', 422, 'calledAt is in the future.', [
      { field: 'calledAt', reason: 'calledAt must not be in the future' },
    ]),
  badCallbackToken: () =>
    new DomainError(
      'MESSAGE.CALLBACK_UNAUTHORIZED',
      401,
      'The receipt does not carry the callback token.',
    ),
};
