import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Policies in force that the insurer loads, per product line, region (empty: the whole
 * insurer) and period (`2026-03`, `2026-Q1` or `2026`): the denominators of rates per 10,000.
 */
export class CreatePolicyCount1797100100000 implements MigrationInterface {
  name = 'CreatePolicyCount1797100100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE policy_count (
        product_line text NOT NULL,
        region text NOT NULL DEFAULT '',
        period text NOT NULL,
        policies bigint NOT NULL,
        loaded_at timestamptz NOT NULL,
        CONSTRAINT pk_policy_count PRIMARY KEY (product_line, region, period),
        CONSTRAINT ck_policy_count_positive CHECK (policies > 0)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE policy_count`);
  }
}
