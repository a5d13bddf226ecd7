import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Employee numbers of the demo people, as the realm file's `staff_id` attribute gives them: the
 * map from the people who sign in to the staff member a complaint names, for people whose token
 * carries no staff id claim (an identity provider without the attribute).
 */
const STAFF: [username: string, staffId: string][] = [
  ['h-claims-01', 'E-1001'],
  ['h-claims-02', 'E-1002'],
  ['h-claims-03', 'E-1003'],
  ['h-policy-01', 'E-1004'],
  ['h-policy-02', 'E-1005'],
  ['h-csq-01', 'E-1006'],
  ['h-csq-02', 'E-1007'],
  ['h-itops-01', 'E-1008'],
  ['h-itops-02', 'E-1009'],
  ['h-infosec-01', 'E-1010'],
  ['h-infosec-02', 'E-1011'],
  ['h-product-01', 'E-1012'],
  ['h-product-02', 'E-1013'],
  ['h-office-01', 'E-1014'],
  ['h-office-02', 'E-1015'],
  ['sup-claims', 'E-2001'],
  ['sup-policy', 'E-2002'],
  ['sup-csq', 'E-2003'],
  ['sup-itops', 'E-2004'],
  ['sup-infosec', 'E-2005'],
  ['sup-product', 'E-2006'],
  ['sup-office', 'E-2007'],
  ['approver', 'E-3001'],
  ['officer', 'E-3002'],
];

export class AddRecusalAndReview1796300000100 implements MigrationInterface {
  name = 'AddRecusalAndReview1796300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE complaint_case
        ADD COLUMN complained_about_staff_id text,
        ADD COLUMN complained_about_unit text,
        ADD COLUMN review jsonb`);
    await q.query(`
      CREATE TABLE staff_identity (
        username text CONSTRAINT pk_staff_identity PRIMARY KEY,
        staff_id text NOT NULL CONSTRAINT uq_staff_identity_staff_id UNIQUE
      )`);
    const params: string[] = [];
    const rows = STAFF.map(([username, staffId], i) => {
      params.push(username, staffId);
      return `($${i * 2 + 1}, $${i * 2 + 2})`;
    });
    await q.query(
      `INSERT INTO staff_identity (username, staff_id) VALUES ${rows.join(', ')}`,
      params,
    );
    await q.query(`
      CREATE TABLE case_recusal (
        id uuid CONSTRAINT pk_case_recusal PRIMARY KEY,
        complaint_id uuid NOT NULL,
        handler_id text NOT NULL,
        reason text NOT NULL,
        declared_at timestamptz NOT NULL,
        CONSTRAINT uq_case_recusal_complaint_handler UNIQUE (complaint_id, handler_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_recusal`);
    await q.query(`DROP TABLE staff_identity`);
    await q.query(`
      ALTER TABLE complaint_case
        DROP COLUMN review,
        DROP COLUMN complained_about_unit,
        DROP COLUMN complained_about_staff_id`);
  }
}
