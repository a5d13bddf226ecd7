import { Injectable } from '@nestjs/common';
import { Clock } from '@complaints/platform';
import { IntakeConfig } from '../config/intake.config';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  /** ms since epoch when `tokens` was last brought up to date */
  updatedAt: number;
}

/**
 * One token bucket per API key, in this instance's memory: a key may burst up to
 * RATE_LIMIT_PER_MINUTE requests, and tokens come back evenly over the minute. Buckets are
 * per instance (N instances allow N times the rate) and start full after a restart; buckets
 * exist only for authenticated keys, so their number is bounded by the keys issued.
 */
@Injectable()
export class TokenBucketRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  /** tokens per ms */
  private readonly refillRate: number;

  constructor(
    private readonly clock: Clock,
    config: IntakeConfig,
  ) {
    this.capacity = config.RATE_LIMIT_PER_MINUTE;
    this.refillRate = config.RATE_LIMIT_PER_MINUTE / 60_000;
  }

  take(keyId: string): RateDecision {
    const now = this.clock.now().getTime();
    const bucket = this.buckets.get(keyId) ?? { tokens: this.capacity, updatedAt: now };
    bucket.tokens = Math.min(
      this.capacity,
      bucket.tokens + Math.max(0, now - bucket.updatedAt) * this.refillRate,
    );
    bucket.updatedAt = now;
    this.buckets.set(keyId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const waitMs = (1 - bucket.tokens) / this.refillRate;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
}
