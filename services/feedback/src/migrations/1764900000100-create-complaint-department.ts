import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateComplaintDepartment1764900000100 implements MigrationInterface {
  name = 'CreateComplaintDepartment1764900000100';

  async up(q: QueryRunner): Promise<void> {
    // Which department holds each complaint, so its handlers and supervisors may read the letters.
    await q.query(`
      CREATE TABLE complaint_department (
        complaint_id uuid CONSTRAINT pk_complaint_department PRIMARY KEY,
        department text NOT NULL,
        assigned_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE complaint_department`);
  }
}
