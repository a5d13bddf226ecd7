import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read models, built only from complaints.archived.v1 and holding pseudonymised facts
 * only: no name, contact, ID, policy number or free text (the decision's explanation is read
 * to derive a cause and never stored). One row per complaint and one per decision round.
 */
export class CreateReadModels1797100000000 implements MigrationInterface {
  name = 'CreateReadModels1797100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE complaint_fact (
        complaint_id uuid CONSTRAINT pk_complaint_fact PRIMARY KEY,
        archived_event_id uuid NOT NULL,
        received_at timestamptz NOT NULL,
        received_on date NOT NULL,
        channel text NOT NULL,
        product_line text NOT NULL,
        region text,
        branch text,
        category text NOT NULL,
        subcategory text NOT NULL,
        severity text NOT NULL,
        priority text NOT NULL,
        green_channel boolean NOT NULL,
        department text NOT NULL,
        class_corrected boolean NOT NULL,
        decision_due_at timestamptz NOT NULL,
        first_decided_at timestamptz NOT NULL,
        sla_met boolean NOT NULL,
        closed_at timestamptz NOT NULL,
        resolution text NOT NULL,
        final_outcome text NOT NULL,
        reopen_count integer NOT NULL,
        rounds integer NOT NULL,
        root_cause_code text,
        root_cause_source text NOT NULL,
        compensation_minor bigint,
        compensation_currency text,
        feedback_count integer NOT NULL,
        last_rating integer,
        last_solved boolean,
        sealed_at timestamptz NOT NULL,
        CONSTRAINT ck_complaint_fact_cause_source
          CHECK (root_cause_source IN ('chosen', 'derived', 'unclassified'))
      )`);
    await q.query(`CREATE INDEX ix_complaint_fact_received_on ON complaint_fact (received_on)`);
    await q.query(`
      CREATE TABLE decision_fact (
        complaint_id uuid NOT NULL,
        round integer NOT NULL,
        outcome text NOT NULL,
        handler_ref text NOT NULL,
        root_cause_code text,
        root_cause_source text NOT NULL,
        decided_at timestamptz NOT NULL,
        decided_on date NOT NULL,
        compensation_minor bigint,
        compensation_currency text,
        CONSTRAINT pk_decision_fact PRIMARY KEY (complaint_id, round)
      )`);
    await q.query(`CREATE INDEX ix_decision_fact_decided_on ON decision_fact (decided_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE decision_fact`);
    await q.query(`DROP TABLE complaint_fact`);
  }
}
