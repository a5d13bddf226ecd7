import { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteIdent, schemaOf } from '../sql';

/**
 * The index retention walks to prune the inbox oldest first, in bounded batches (see
 * retention/table-pruner.ts); the outbox's sent rows already have ix_outbox_message_sent_at.
 * Only applied events' rows are pruned: a dead-lettered event's row stays for the dead-letter
 * tools (replay, discard) to settle. Building the index over a large inbox may outlast the
 * pool's statement_timeout, which is lifted for this transaction only.
 */
export class AddRetentionIndexes1796100000000 implements MigrationInterface {
  name = 'AddRetentionIndexes1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(queryRunner.connection));
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(
      `CREATE INDEX ix_inbox_message_processed_at ON ${s}.inbox_message (processed_at)
        WHERE outcome = 'applied'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(queryRunner.connection));
    await queryRunner.query(`DROP INDEX ${s}.ix_inbox_message_processed_at`);
  }
}
