import { DomainError } from '../http/domain.error';

/** Why a presented token was refused; said to the client (coarsely) and never with the token. */
export type TokenFault =
  | 'malformed'
  | 'algorithm'
  | 'unknown_key'
  | 'signature'
  | 'expired'
  | 'not_yet_valid'
  | 'issuer'
  | 'audience'
  | 'claims';

const FAULT_DETAIL: Record<TokenFault, string> = {
  malformed: 'The access token is not a well-formed JWT.',
  algorithm: 'The access token is signed with an algorithm this service does not accept.',
  unknown_key: "The access token is signed with a key the issuer's key set does not hold.",
  signature: 'The access token signature does not verify.',
  expired: 'The access token has expired.',
  not_yet_valid: 'The access token is not valid yet.',
  issuer: 'The access token comes from an issuer this service does not trust.',
  audience: 'The access token is not meant for this service (audience).',
  claims: 'The access token lacks a required claim (sub, exp).',
};

/** A token that can never be accepted: 401. */
export class InvalidTokenError extends Error {
  constructor(readonly fault: TokenFault) {
    super(FAULT_DETAIL[fault]);
    this.name = 'InvalidTokenError';
  }
}

/** The issuer's discovery document or key set cannot be had now: 503, the client may retry. */
export class IssuerUnavailableError extends Error {
  constructor(reason: string) {
    super(`The identity provider cannot be reached: ${reason}`);
    this.name = 'IssuerUnavailableError';
  }
}

/** Seconds a client waits before retrying when the issuer cannot be reached. */
export const ISSUER_RETRY_AFTER_SECONDS = 5;

/** The codes every service answers with for people's credentials, and their statuses. */
export const AuthErrors = {
  tokenMissing: () =>
    new DomainError('AUTH.TOKEN_MISSING', 401, 'This operation needs a bearer access token.'),
  tokenInvalid: (fault: TokenFault) =>
    new DomainError('AUTH.TOKEN_INVALID', 401, FAULT_DETAIL[fault]),
  credentialsMissing: () =>
    new DomainError(
      'AUTH.CREDENTIALS_MISSING',
      401,
      'This operation needs the caller credentials.',
    ),
  roleMissing: (roles: readonly string[]) =>
    new DomainError(
      'AUTH.ROLE_MISSING',
      403,
      `This operation needs one of the roles: ${roles.join(', ')}.`,
    ),
  noAccessDeclared: () =>
    new DomainError('AUTH.ROUTE_CLOSED', 403, 'This operation is open to no role.'),
  issuerUnavailable: () =>
    new DomainError(
      'AUTH.ISSUER_UNAVAILABLE',
      503,
      'The identity provider cannot be reached to check the token; retry later.',
    ),
};
