import { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys per calling system, and Idempotency-Key records per calling system. */
export class CreateApiKeysAndIdempotencyRecords1795790609042 implements MigrationInterface {
  name = 'CreateApiKeysAndIdempotencyRecords1795790609042';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_key (
        id text CONSTRAINT pk_api_key PRIMARY KEY,
        caller_system text NOT NULL,
        scopes text[] NOT NULL,
        secret_hash bytea NOT NULL,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz,
        CONSTRAINT ck_api_key_caller_system CHECK (caller_system ~ '^[a-z][a-z0-9-]{1,63}$'),
        CONSTRAINT ck_api_key_scopes CHECK (
          cardinality(scopes) > 0 AND scopes <@ ARRAY['complaints:write', 'complaints:read']::text[]),
        CONSTRAINT ck_api_key_secret_hash CHECK (octet_length(secret_hash) = 32)
      )`);
    await q.query(`CREATE INDEX ix_api_key_caller_system ON api_key (caller_system)`);
    await q.query(`
      CREATE TABLE idempotency_record (
        caller_system text NOT NULL,
        idempotency_key text NOT NULL,
        request_hash text NOT NULL,
        complaint_id uuid,
        response jsonb,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        CONSTRAINT pk_idempotency_record PRIMARY KEY (caller_system, idempotency_key)
      )`);
    await q.query(
      `CREATE INDEX ix_idempotency_record_expires_at ON idempotency_record (expires_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_record`);
    await q.query(`DROP TABLE api_key`);
  }
}
