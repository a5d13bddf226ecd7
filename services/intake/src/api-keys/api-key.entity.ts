import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Scope } from './api-key.scopes';

/** One key of one calling system. Only the key's hash is stored; the key is shown once. */
@Entity({ name: 'api_key' })
@Index('ix_api_key_caller_system', ['callerSystem'])
export class ApiKey {
  /** Public part of the key (`ik_<id>_...`), used to find it and to name it when revoking. */
  @PrimaryColumn('text')
  id: string;

  @Column('text', { name: 'caller_system' })
  callerSystem: string;

  @Column('text', { array: true })
  scopes: Scope[];

  /** SHA-256 of the whole key. */
  @Column('bytea', { name: 'secret_hash' })
  secretHash: Buffer;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  /** Set once; a revoked key is refused from then on (after at most API_KEY_CACHE_SECONDS). */
  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}
