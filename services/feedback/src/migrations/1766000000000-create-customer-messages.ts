import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCustomerMessages1766000000000 implements MigrationInterface {
  name = 'CreateCustomerMessages1766000000000';

  async up(q: QueryRunner): Promise<void> {
    // How to reach each complainant (personal data: kept here only, never logged or published).
    await q.query(`
      CREATE TABLE customer_contact (
        complaint_id uuid CONSTRAINT pk_customer_contact PRIMARY KEY,
        reference_number text NOT NULL,
        language text NOT NULL,
        intake_channel text NOT NULL,
        email text,
        phone text,
        received_at timestamptz NOT NULL
      )`);
    // Every message the rules require, from queued to told (or not): one row per message.
    await q.query(`
      CREATE TABLE customer_message (
        id uuid CONSTRAINT pk_customer_message PRIMARY KEY,
        complaint_id uuid NOT NULL,
        kind text NOT NULL,
        dedupe_key text NOT NULL,
        template_id text NOT NULL,
        template_version integer NOT NULL,
        language text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        content_hash text NOT NULL,
        status text NOT NULL,
        channel_index integer NOT NULL DEFAULT 0,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        correlation_id uuid NOT NULL,
        causation_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        told_at timestamptz,
        CONSTRAINT uq_customer_message_dedupe UNIQUE (complaint_id, dedupe_key)
      )`);
    await q.query(
      `CREATE INDEX ix_customer_message_due ON customer_message (next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX ix_customer_message_undeliverable ON customer_message (created_at) WHERE status = 'undeliverable'`,
    );
    // Proof of notification: one row per send on a channel, its address masked.
    await q.query(`
      CREATE TABLE message_proof (
        id uuid CONSTRAINT pk_message_proof PRIMARY KEY,
        message_id uuid NOT NULL CONSTRAINT fk_message_proof_message REFERENCES customer_message (id),
        complaint_id uuid NOT NULL,
        channel text NOT NULL,
        masked_address text NOT NULL,
        content_hash text NOT NULL,
        template_id text NOT NULL,
        template_version integer NOT NULL,
        attempt integer NOT NULL,
        sent_at timestamptz NOT NULL,
        provider_message_id text,
        delivery_status text NOT NULL,
        status_at timestamptz NOT NULL,
        error text
      )`);
    await q.query(`CREATE INDEX ix_message_proof_complaint ON message_proof (complaint_id)`);
    await q.query(
      `CREATE UNIQUE INDEX uq_message_proof_provider ON message_proof (channel, provider_message_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE message_proof`);
    await q.query(`DROP TABLE customer_message`);
    await q.query(`DROP TABLE customer_contact`);
  }
}
