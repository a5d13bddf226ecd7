import { errors, jwtVerify } from 'jose';
import type { Actor } from './actor';
import { ASYMMETRIC_ALGORITHMS, AuthSettings } from './auth.config';
import { InvalidTokenError, IssuerUnavailableError, TokenFault } from './auth.errors';
import { JwksCache } from './jwks-cache';
import { actorFromClaims, ClaimMapping } from './token-claims';

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  /** unset: from the issuer's discovery document */
  jwksUri?: string;
  /** Asymmetric signature algorithms only (see ASYMMETRIC_ALGORITHMS). */
  algorithms: readonly string[];
  claims: ClaimMapping;
  /** seconds */
  clockToleranceSeconds: number;
  /** ms at least between key-set fetches caused by unknown kids */
  jwksCooldownMs: number;
  /** ms a fetched key set is kept */
  jwksMaxAgeMs: number;
  /** ms per HTTP request to the issuer */
  fetchTimeoutMs?: number;
  /** ms since the epoch, for the key set's cooldown and age (tests) */
  now?: () => number;
}

/** Characters of a token read at most; Keycloak's are 1-3 KB. */
const MAX_TOKEN_CHARS = 16 * 1024;
/** A compact JWS: three base64url parts. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function tokenVerifierOptions(config: AuthSettings): TokenVerifierOptions {
  return {
    issuer: config.OIDC_ISSUER,
    audience: config.OIDC_AUDIENCE,
    ...(config.OIDC_JWKS_URI ? { jwksUri: config.OIDC_JWKS_URI } : {}),
    algorithms: config.OIDC_ALGORITHMS,
    claims: {
      roles: config.OIDC_ROLES_CLAIM,
      department: config.OIDC_DEPARTMENT_CLAIM,
      username: config.OIDC_USERNAME_CLAIM,
      staffId: config.OIDC_STAFF_ID_CLAIM,
    },
    clockToleranceSeconds: config.OIDC_CLOCK_TOLERANCE_SECONDS,
    jwksCooldownMs: config.OIDC_JWKS_COOLDOWN_SECONDS * 1000,
    jwksMaxAgeMs: config.OIDC_JWKS_CACHE_SECONDS * 1000,
  };
}

/**
 * Checks OIDC access tokens (JWTs) against the issuer's key set: signature with an allowed
 * asymmetric algorithm, `iss`, `aud`, `exp` and `nbf` (with a small clock tolerance), `sub`;
 * then reads the actor from the claims. Throws InvalidTokenError for anything a token can be
 * wrong in (401), IssuerUnavailableError when the keys cannot be had (503); nothing else.
 * Never logs or keeps the token.
 */
export class TokenVerifier {
  private readonly keys: JwksCache;
  private readonly algorithms: string[];

  constructor(private readonly o: TokenVerifierOptions) {
    const allowed = new Set<string>(ASYMMETRIC_ALGORITHMS);
    const refused = o.algorithms.filter((a) => !allowed.has(a));
    if (o.algorithms.length === 0 || refused.length > 0) {
      throw new Error(`TokenVerifier accepts only asymmetric algorithms; refused: ${refused}`);
    }
    this.algorithms = [...o.algorithms];
    this.keys = new JwksCache({
      issuer: o.issuer,
      ...(o.jwksUri ? { jwksUri: o.jwksUri } : {}),
      cooldownMs: o.jwksCooldownMs,
      maxAgeMs: o.jwksMaxAgeMs,
      timeoutMs: o.fetchTimeoutMs ?? 5000,
      ...(o.now ? { now: o.now } : {}),
    });
  }

  get issuer(): string {
    return this.o.issuer;
  }

  async verify(token: string): Promise<Actor> {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARS || !COMPACT_JWS.test(token)) {
      throw new InvalidTokenError('malformed');
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.keys.getKey, {
        issuer: this.o.issuer,
        audience: this.o.audience,
        algorithms: this.algorithms,
        clockTolerance: this.o.clockToleranceSeconds,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (err) {
      if (err instanceof IssuerUnavailableError) throw err;
      throw new InvalidTokenError(faultOf(err));
    }
    if (typeof payload.sub !== 'string' || payload.sub.length === 0) {
      throw new InvalidTokenError('claims');
    }
    return actorFromClaims({ ...payload, sub: payload.sub }, this.o.claims);
  }
}

/** What was wrong with a token, from jose's error; anything unexpected counts as malformed. */
function faultOf(err: unknown): TokenFault {
  if (!(err instanceof errors.JOSEError)) return 'malformed';
  switch (err.code) {
    case errors.JWTExpired.code:
      return 'expired';
    case errors.JWTClaimValidationFailed.code: {
      const claim = (err as errors.JWTClaimValidationFailed).claim;
      if (claim === 'iss') return 'issuer';
      if (claim === 'aud') return 'audience';
      if (claim === 'nbf') return 'not_yet_valid';
      return 'claims';
    }
    case errors.JOSEAlgNotAllowed.code:
    case errors.JOSENotSupported.code:
      return 'algorithm';
    case errors.JWSSignatureVerificationFailed.code:
      return 'signature';
    case errors.JWKSNoMatchingKey.code:
    case errors.JWKSMultipleMatchingKeys.code:
      return 'unknown_key';
    default:
      return 'malformed';
  }
}
