import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateComplaints1764230500000 implements MigrationInterface {
  name = 'CreateComplaints1764230500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE complaint_reference_seq`);
    await q.query(`
      CREATE TABLE complaint (
        id uuid CONSTRAINT pk_complaint PRIMARY KEY,
        reference_number text NOT NULL,
        caller_system text NOT NULL,
        external_reference text NOT NULL,
        channel text NOT NULL,
        product_line text NOT NULL,
        language text NOT NULL,
        subject text NOT NULL,
        description text NOT NULL,
        desired_outcome text,
        customer jsonb NOT NULL,
        complained_about jsonb,
        policy_number text,
        incident_occurred_at timestamptz,
        attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
        received_at timestamptz NOT NULL,
        status text NOT NULL,
        stage_times jsonb NOT NULL DEFAULT '{}'::jsonb,
        department text,
        decision_due_at timestamptz NOT NULL,
        status_changed_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_complaint_caller_reference ON complaint (caller_system, external_reference)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_complaint_reference_number ON complaint (reference_number)`,
    );
    await q.query(`CREATE INDEX ix_complaint_status ON complaint (status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE complaint`);
    await q.query(`DROP SEQUENCE complaint_reference_seq`);
  }
}
