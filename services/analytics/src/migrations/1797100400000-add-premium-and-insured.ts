import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The other denominators of the regulator's return beside policies in force: written premium
 * (yuan) and insured persons, per product line, region and period, each optional.
 */
export class AddPremiumAndInsured1797100400000 implements MigrationInterface {
  name = 'AddPremiumAndInsured1797100400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE policy_count ADD COLUMN premium_yuan numeric(20, 2)`);
    await q.query(`ALTER TABLE policy_count ADD COLUMN insured_persons bigint`);
    await q.query(
      `ALTER TABLE policy_count ADD CONSTRAINT ck_policy_count_denominators
         CHECK ((premium_yuan IS NULL OR premium_yuan > 0) AND (insured_persons IS NULL OR insured_persons > 0))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE policy_count DROP CONSTRAINT ck_policy_count_denominators`);
    await q.query(`ALTER TABLE policy_count DROP COLUMN insured_persons`);
    await q.query(`ALTER TABLE policy_count DROP COLUMN premium_yuan`);
  }
}
