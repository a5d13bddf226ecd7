import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The round of the latest letter (from complaints.responded.v1): a relayed survey answer names
 * the round it answers, so feedback never applies it to another letter.
 */
export class AddRespondedRound1796140000000 implements MigrationInterface {
  name = 'AddRespondedRound1796140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE complaint ADD COLUMN responded_round integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE complaint DROP COLUMN responded_round`);
  }
}
