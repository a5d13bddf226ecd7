import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The customer segment the archived record carries (contracts' CustomerSegment): an age band
 * (never a birth date) and the vulnerable flag, null where the record has none. Records archived
 * before the segment existed get it with `npm run analytics:rebuild` if they carry one.
 */
export class AddCustomerSegment1797100800000 implements MigrationInterface {
  name = 'AddCustomerSegment1797100800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE complaint_fact ADD COLUMN age_band text, ADD COLUMN vulnerable boolean`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE complaint_fact DROP COLUMN vulnerable, DROP COLUMN age_band`);
  }
}
