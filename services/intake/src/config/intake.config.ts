import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { ServiceConfig, WithAuthConfig } from '@complaints/platform';

/** Intake's settings; people's access tokens are checked with the OIDC_* settings. */
export class IntakeConfig extends WithAuthConfig(ServiceConfig) {
  override PORT: number = 3001;

  /** Natural days from receipt to the decision, the legal default before routing sets its own. */
  @IsInt()
  @Min(1)
  @Max(60)
  DECISION_DAYS: number = 15;

  /** bytes; larger request bodies are refused with 413 */
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024)
  MAX_BODY_BYTES: number = 256 * 1024;

  /** hours an Idempotency-Key is remembered; after that the same key starts afresh */
  @IsInt()
  @Min(1)
  @Max(720)
  IDEMPOTENCY_TTL_HOURS: number = 24;

  /**
   * Requests per minute per API key on one instance (token bucket: bursts up to this many,
   * refilled evenly over the minute). With N instances a key may reach N times this.
   */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE: number = 600;

  /**
   * seconds an API key lookup is cached per instance; the longest a revoked key keeps working.
   * 0 checks the database on every request.
   */
  @IsInt()
  @Min(0)
  @Max(300)
  API_KEY_CACHE_SECONDS: number = 5;

  /**
   * Secret of the keyed hash of customer identity and policy that complaints.received.v1
   * carries as `repeatKey`, so investigation can link a repeat complaint without seeing who
   * complained. Unset: no key is sent and no complaint is taken for a repeat. Changing it
   * unlinks every complaint received before from those after.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'REPEAT_KEY must be at least 32 characters' })
  REPEAT_KEY?: string;
}
