import { Injectable } from '@nestjs/common';
import { Clock } from '@complaints/platform';
import { IntakeConfig } from '../config/intake.config';
import { apiKeyId, apiKeyMatches } from './api-key-format';
import { ApiKey } from './api-key.entity';
import { ApiKeyService } from './api-key.service';
import { Caller } from './caller';

interface Cached {
  /** null: no such key; remembered too, so a flood of one bad key id is not a flood of queries. */
  key: ApiKey | null;
  /** ms since epoch, by the clock */
  fetchedAt: number;
}

/** Distinct key ids remembered at once; beyond that the oldest entry is dropped. */
const MAX_CACHED = 10_000;

/**
 * Turns a presented API key into a Caller. Each key is re-read from the database at most
 * every API_KEY_CACHE_SECONDS, so revoking a key takes effect on every instance within that
 * time, without a restart.
 */
@Injectable()
export class CallerAuthenticator {
  private readonly cache = new Map<string, Cached>();
  private readonly ttlMs: number;

  constructor(
    private readonly keys: ApiKeyService,
    private readonly clock: Clock,
    config: IntakeConfig,
  ) {
    this.ttlMs = config.API_KEY_CACHE_SECONDS * 1000;
  }

  /** The caller, or undefined for a malformed, unknown or revoked key. */
  async authenticate(presented: string): Promise<Caller | undefined> {
    const id = apiKeyId(presented);
    if (!id) return undefined;
    const key = await this.lookup(id);
    if (!key || key.revokedAt || !apiKeyMatches(presented, key.secretHash)) return undefined;
    return { system: key.callerSystem, keyId: key.id, scopes: key.scopes };
  }

  private async lookup(id: string): Promise<ApiKey | null> {
    const now = this.clock.now().getTime();
    const cached = this.cache.get(id);
    if (cached && now - cached.fetchedAt < this.ttlMs) return cached.key;
    const key = await this.keys.find(id);
    if (this.ttlMs > 0) {
      this.cache.delete(id);
      if (this.cache.size >= MAX_CACHED)
        this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(id, { key, fetchedAt: now });
    }
    return key;
  }
}
