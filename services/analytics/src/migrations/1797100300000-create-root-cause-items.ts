import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Root-cause items the live spike rule opens for the complaints officer: one open item per
 * cluster at most (a partial unique index, so concurrent consumers cannot open two), linked
 * to the complaints behind it.
 */
export class CreateRootCauseItems1797100300000 implements MigrationInterface {
  name = 'CreateRootCauseItems1797100300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE root_cause_item (
        id uuid CONSTRAINT pk_root_cause_item PRIMARY KEY DEFAULT gen_random_uuid(),
        cluster text NOT NULL,
        subcategory text NOT NULL,
        product_line text NOT NULL,
        window_from timestamptz NOT NULL,
        window_to timestamptz NOT NULL,
        window_count integer NOT NULL,
        baseline_count integer NOT NULL,
        p_value double precision NOT NULL,
        opened_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'open',
        root_cause_code text,
        closed_at timestamptz,
        CONSTRAINT ck_root_cause_item_status CHECK (status IN ('open', 'closed'))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_root_cause_item_open_cluster ON root_cause_item (cluster) WHERE status = 'open'`,
    );
    await q.query(`
      CREATE TABLE root_cause_item_complaint (
        item_id uuid NOT NULL CONSTRAINT fk_root_cause_item_complaint_item REFERENCES root_cause_item (id),
        complaint_id uuid NOT NULL,
        CONSTRAINT pk_root_cause_item_complaint PRIMARY KEY (item_id, complaint_id)
      )`);
    await q.query(
      `CREATE INDEX ix_complaint_fact_cluster ON complaint_fact (subcategory, product_line, received_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_complaint_fact_cluster`);
    await q.query(`DROP TABLE root_cause_item_complaint`);
    await q.query(`DROP TABLE root_cause_item`);
  }
}
