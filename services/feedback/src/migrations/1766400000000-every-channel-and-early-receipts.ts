import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Letters that go to every channel the customer has (the decision and the review decision):
 * a flag on the message. Delivery receipts that arrive before their send is committed (the
 * gateway answers the send and calls back at once): held until the proof they name is written.
 */
export class EveryChannelAndEarlyReceipts1766400000000 implements MigrationInterface {
  name = 'EveryChannelAndEarlyReceipts1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE customer_message ADD COLUMN every_channel boolean NOT NULL DEFAULT false`,
    );
    await q.query(`
      CREATE TABLE early_receipt (
        channel text NOT NULL,
        provider_message_id text NOT NULL,
        status text NOT NULL,
        status_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        CONSTRAINT pk_early_receipt PRIMARY KEY (channel, provider_message_id)
      )`);
    await q.query(`CREATE INDEX ix_early_receipt_received ON early_receipt (received_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE early_receipt`);
    await q.query(`ALTER TABLE customer_message DROP COLUMN every_channel`);
  }
}
