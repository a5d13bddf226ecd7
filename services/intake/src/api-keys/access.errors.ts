import { DomainError } from '@complaints/platform';

/** Refusals before a request reaches its handler: who calls, how often, in what format. */
export const AccessErrors = {
  keyMissing: () =>
    new DomainError(
      'AUTH.API_KEY_MISSING',
      401,
      'Send your API key as `Authorization: Bearer <key>` or `X-API-Key: <key>`.',
    ),
  keyInvalid: () =>
    new DomainError('AUTH.API_KEY_INVALID', 401, 'The API key is unknown, malformed or revoked.'),
  scopeMissing: (scope: string) =>
    new DomainError(
      'AUTH.SCOPE_MISSING',
      403,
      `The API key lacks the scope ${scope} this operation needs.`,
    ),
  rateLimited: (retryAfterSeconds: number) =>
    new DomainError(
      'RATE_LIMIT.EXCEEDED',
      429,
      `Too many requests for this API key; retry in ${retryAfterSeconds} s.`,
    ),
  unsupportedMediaType: () =>
    new DomainError(
      'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      415,
      'The body must be JSON: Content-Type: application/json (UTF-8).',
    ),
  unavailable: () =>
    new DomainError(
      'SERVICE.UNAVAILABLE',
      503,
      'API keys cannot be checked right now; retry shortly.',
    ),
};
