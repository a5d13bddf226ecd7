import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Improvement actions (the plan's 改进措施) recorded against a root cause: what kind, which
 * unit owns it, the day it took effect. No free text: nothing here can name a person.
 */
export class CreateImprovementActions1797100500000 implements MigrationInterface {
  name = 'CreateImprovementActions1797100500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE improvement_action (
        id uuid CONSTRAINT pk_improvement_action PRIMARY KEY DEFAULT gen_random_uuid(),
        root_cause_code text NOT NULL,
        kind text NOT NULL,
        owner_unit text NOT NULL,
        taken_on date NOT NULL,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT ck_improvement_action_kind
          CHECK (kind IN ('training', 'process_change', 'product_change', 'system_fix', 'relationship_management'))
      )`);
    await q.query(`CREATE INDEX ix_improvement_action_taken_on ON improvement_action (taken_on)`);
    await q.query(
      `CREATE INDEX ix_complaint_fact_cause ON complaint_fact (root_cause_code, received_on)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_complaint_fact_cause`);
    await q.query(`DROP TABLE improvement_action`);
  }
}
