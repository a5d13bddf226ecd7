import { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdent, schemaOf } from '../sql';

/**
 * The outbox and inbox every service keeps in its own schema. Services list this class in
 * their migrations; it runs before their own.
 *
 * outbox_message.tx_id is the writing transaction's id (xid8). The relay publishes in
 * (tx_id, id) order and only rows whose transaction is older than every running one, so a
 * row can never appear behind the relay's position later (see outbox-relay.ts).
 */
export class CreateMessagingTables1764230400000 implements MigrationInterface {
  name = 'CreateMessagingTables1764230400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(queryRunner.connection));
    await queryRunner.query(`
      CREATE TABLE ${s}.outbox_message (
        id bigserial CONSTRAINT pk_outbox_message PRIMARY KEY,
        tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id uuid NOT NULL,
        topic text NOT NULL,
        message_key text NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        payload text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT uq_outbox_message_event_id UNIQUE (event_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_outbox_message_pending ON ${s}.outbox_message (tx_id, id) WHERE sent_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_outbox_message_sent_at ON ${s}.outbox_message (sent_at) WHERE sent_at IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE ${s}.inbox_message (
        consumer_group text NOT NULL,
        event_id uuid NOT NULL,
        topic text NOT NULL,
        kafka_partition integer NOT NULL,
        kafka_offset bigint NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_inbox_message PRIMARY KEY (consumer_group, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(queryRunner.connection));
    await queryRunner.query(`DROP TABLE ${s}.inbox_message`);
    await queryRunner.query(`DROP TABLE ${s}.outbox_message`);
  }
}
