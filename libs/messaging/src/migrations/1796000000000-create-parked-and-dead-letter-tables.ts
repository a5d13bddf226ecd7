import { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdent, schemaOf } from '../sql';

/**
 * outbox_parked_message: outbox rows the broker will never take (too large), moved aside so the
 * rows behind them are published; kept whole for an operator.
 *
 * dead_letter: every event a consumer group gave up on, written in the same transaction as the
 * inbox row that makes its redelivery a no-op (inbox_message.outcome = 'dead_lettered'). It is
 * the record of truth; forwarding to `<topic>.dlq` happens after, from here (forwarded_at).
 *
 * inbox_message.complaint_id: the message key, so a replay can tell whether the group has
 * applied a later event of the same complaint since.
 */
export class CreateParkedAndDeadLetterTables1796000000000 implements MigrationInterface {
  name = 'CreateParkedAndDeadLetterTables1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(queryRunner.connection));
    await queryRunner.query(`
      CREATE TABLE ${s}.outbox_parked_message (
        id bigint CONSTRAINT pk_outbox_parked_message PRIMARY KEY,
        tx_id xid8 NOT NULL,
        event_id uuid NOT NULL,
        topic text NOT NULL,
        message_key text NOT NULL,
        headers jsonb NOT NULL,
        payload text NOT NULL,
        created_at timestamptz NOT NULL,
        parked_at timestamptz NOT NULL DEFAULT now(),
        reason text NOT NULL
      )`);
    await queryRunner.query(`
      ALTER TABLE ${s}.inbox_message
        ADD COLUMN complaint_id text,
        ADD COLUMN outcome text NOT NULL DEFAULT 'applied'
          CONSTRAINT ck_inbox_message_outcome CHECK (outcome IN ('applied', 'dead_lettered'))`);
    await queryRunner.query(`
      CREATE TABLE ${s}.dead_letter (
        id bigserial CONSTRAINT pk_dead_letter PRIMARY KEY,
        consumer_group text NOT NULL,
        event_id uuid NOT NULL,
        complaint_id text,
        topic text NOT NULL,
        kafka_partition integer NOT NULL,
        kafka_offset bigint NOT NULL,
        message_key bytea,
        message_value bytea,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        error_code text NOT NULL,
        error_name text NOT NULL,
        error_message text NOT NULL,
        attempts integer NOT NULL,
        dead_lettered_at timestamptz NOT NULL DEFAULT now(),
        forwarded_at timestamptz,
        forward_attempts integer NOT NULL DEFAULT 0,
        forward_error text,
        status text NOT NULL DEFAULT 'parked'
          CONSTRAINT ck_dead_letter_status CHECK (status IN ('parked', 'replayed', 'discarded')),
        resolved_at timestamptz,
        resolution text,
        CONSTRAINT uq_dead_letter_group_event UNIQUE (consumer_group, event_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_dead_letter_unforwarded ON ${s}.dead_letter (id) WHERE forwarded_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX ix_dead_letter_parked ON ${s}.dead_letter (consumer_group, complaint_id) WHERE status = 'parked'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(queryRunner.connection));
    await queryRunner.query(`DROP TABLE ${s}.dead_letter`);
    await queryRunner.query(
      `ALTER TABLE ${s}.inbox_message DROP COLUMN outcome, DROP COLUMN complaint_id`,
    );
    await queryRunner.query(`DROP TABLE ${s}.outbox_parked_message`);
  }
}
