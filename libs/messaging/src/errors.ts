/**
 * Thrown by a handler for an event that can never succeed (it contradicts the state it
 * applies to). The consumer sends it to `<topic>.dlq` at once instead of retrying.
 */
export class PermanentEventError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PermanentEventError';
  }
}
