import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { Clock } from '@complaints/platform';
import { generateApiKey, hashApiKey, SYSTEM_NAME_PATTERN } from './api-key-format';
import { ApiKey } from './api-key.entity';
import { isScope, Scope, SCOPES } from './api-key.scopes';

export interface CreatedApiKey {
  id: string;
  system: string;
  scopes: Scope[];
  /** The key itself: returned once, stored nowhere. */
  key: string;
}

/**
 * Issues, lists and revokes calling systems' API keys. Used by the service and, without
 * Nest, by the `intake:key` command line (the same code against the same table).
 */
@Injectable()
export class ApiKeyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async create(system: string, scopes: readonly string[]): Promise<CreatedApiKey> {
    if (!SYSTEM_NAME_PATTERN.test(system)) {
      throw new Error(`system must be kebab-case, 2-64 characters (${SYSTEM_NAME_PATTERN.source})`);
    }
    const unknown = scopes.filter((s) => !isScope(s));
    if (unknown.length > 0 || scopes.length === 0) {
      throw new Error(
        `scopes must be one or more of ${SCOPES.join(', ')} (got ${scopes.join(',') || 'none'})`,
      );
    }
    const granted = [...new Set(scopes)].sort() as Scope[];
    const { id, key } = generateApiKey();
    await this.dataSource.getRepository(ApiKey).insert({
      id,
      callerSystem: system,
      scopes: granted,
      secretHash: hashApiKey(key),
      createdAt: this.clock.now(),
      revokedAt: null,
    });
    return { id, system, scopes: granted, key };
  }

  /** Returns the revoked key, or undefined when no active key has this id. */
  async revoke(id: string): Promise<ApiKey | undefined> {
    const repository = this.dataSource.getRepository(ApiKey);
    const result = await repository.update(
      { id, revokedAt: IsNull() },
      { revokedAt: this.clock.now() },
    );
    if (!result.affected) return undefined;
    return (await repository.findOneBy({ id })) ?? undefined;
  }

  list(system?: string): Promise<ApiKey[]> {
    return this.dataSource.getRepository(ApiKey).find({
      where: system ? { callerSystem: system } : {},
      order: { callerSystem: 'ASC', createdAt: 'ASC' },
    });
  }

  find(id: string): Promise<ApiKey | null> {
    return this.dataSource.getRepository(ApiKey).findOneBy({ id });
  }
}
