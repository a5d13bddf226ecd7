import { Transform } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
} from 'class-validator';

/**
 * Signature algorithms a service may be told to accept: asymmetric only. `none` and HS* are
 * never on the list: an HMAC "verified" with the issuer's public key is forgeable by anyone.
 */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;

/** What the token verifier needs; a service's config class gets these through WithAuthConfig. */
export interface AuthSettings {
  OIDC_ISSUER: string;
  OIDC_AUDIENCE: string;
  OIDC_JWKS_URI?: string;
  OIDC_ALGORITHMS: string[];
  OIDC_ROLES_CLAIM: string[];
  OIDC_DEPARTMENT_CLAIM: string;
  OIDC_USERNAME_CLAIM: string;
  OIDC_STAFF_ID_CLAIM: string;
  OIDC_CLOCK_TOLERANCE_SECONDS: number;
  OIDC_JWKS_COOLDOWN_SECONDS: number;
  OIDC_JWKS_CACHE_SECONDS: number;
}

const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T = object> = new (...args: any[]) => T;

/**
 * Adds the OIDC resource-server settings to a config class, validated like its own:
 * `export class InvestigationConfig extends WithAuthConfig(ServiceConfig) { ... }`.
 * Defaults name the local Keycloak realm infra:up starts.
 */
export function WithAuthConfig<TBase extends Constructor>(Base: TBase) {
  class WithAuth extends Base implements AuthSettings {
    /** Exactly the `iss` of accepted tokens; its discovery document names the key set. */
    @IsUrl(URL_OPTIONS, { message: 'OIDC_ISSUER must be an http(s) URL' })
    OIDC_ISSUER: string = 'http://127.0.0.1:18080/realms/complaints';

    /** Accepted tokens carry it in `aud`. */
    @IsString()
    @IsNotEmpty()
    OIDC_AUDIENCE: string = 'complaints-api';

    /** The issuer's key set; unset: the `jwks_uri` of the issuer's discovery document. */
    @IsOptional()
    @IsUrl(URL_OPTIONS, { message: 'OIDC_JWKS_URI must be an http(s) URL' })
    OIDC_JWKS_URI?: string;

    /** Comma-separated signature algorithms accepted. */
    @Transform(commaList)
    @ArrayNotEmpty()
    @IsIn(ASYMMETRIC_ALGORITHMS, {
      each: true,
      message: `OIDC_ALGORITHMS may hold only ${ASYMMETRIC_ALGORITHMS.join(', ')}`,
    })
    OIDC_ALGORITHMS: string[] = ['RS256', 'ES256'];

    /**
     * Comma-separated claim paths holding roles (dots walk into objects; a claim whose own name
     * has dots is found too), each an array of strings or a space-separated string.
     */
    @Transform(commaList)
    @ArrayNotEmpty()
    @IsString({ each: true })
    OIDC_ROLES_CLAIM: string[] = ['realm_access.roles'];

    /** Claim path of the person's department (a string). */
    @IsString()
    @IsNotEmpty()
    OIDC_DEPARTMENT_CLAIM: string = 'department';

    /** Claim path of the display name; `sub` when the claim is absent. */
    @IsString()
    @IsNotEmpty()
    OIDC_USERNAME_CLAIM: string = 'preferred_username';

    /**
     * Claim path of the person's employee number (a string), matched against the staff member a
     * complaint is about for recusal; absent for people the identity provider gives none.
     */
    @IsString()
    @IsNotEmpty()
    OIDC_STAFF_ID_CLAIM: string = 'staff_id';

    /** seconds of clock skew allowed on exp and nbf */
    @IsInt()
    @Min(0)
    @Max(300)
    OIDC_CLOCK_TOLERANCE_SECONDS: number = 30;

    /** seconds, at least, between two fetches of the key set for a token with an unknown kid */
    @IsInt()
    @Min(1)
    @Max(3600)
    OIDC_JWKS_COOLDOWN_SECONDS: number = 30;

    /** seconds a fetched key set is used before it is fetched again (removed keys stop working) */
    @IsInt()
    @Min(10)
    @Max(86400)
    OIDC_JWKS_CACHE_SECONDS: number = 600;
  }
  return WithAuth;
}

/** The OIDC settings alone, for a process that needs nothing else: `loadConfig(AuthConfig)`. */
export class AuthConfig extends WithAuthConfig(class {}) {}
