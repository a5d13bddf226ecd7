import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Repeats and major complaints. A complaint's fingerprint keeps only what matching needs: the
 * keyed hash of customer and policy made by intake (never the identity), the product line, the
 * receipt time and the text's n-gram counts (not the text).
 */
export class CreateRepeatsAndMajor1796200000700 implements MigrationInterface {
  name = 'CreateRepeatsAndMajor1796200000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE complaint_fingerprint (
        complaint_id uuid CONSTRAINT pk_complaint_fingerprint PRIMARY KEY,
        repeat_key text,
        product_line text NOT NULL,
        department text NOT NULL,
        received_at timestamptz NOT NULL,
        grams jsonb NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX ix_complaint_fingerprint_repeat_key ON complaint_fingerprint (repeat_key, received_at)
         WHERE repeat_key IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX ix_complaint_fingerprint_product ON complaint_fingerprint (product_line, received_at)`,
    );
    await q.query(`
      CREATE TABLE repeat_link (
        id uuid CONSTRAINT pk_repeat_link PRIMARY KEY,
        complaint_id uuid NOT NULL CONSTRAINT uq_repeat_link_complaint UNIQUE,
        earlier_complaint_id uuid NOT NULL,
        similarity real NOT NULL CONSTRAINT ck_repeat_link_similarity
          CHECK (similarity >= 0 AND similarity <= 1),
        status text NOT NULL CONSTRAINT ck_repeat_link_status
          CHECK (status IN ('proposed', 'merged', 'restarted', 'split')),
        proposed_at timestamptz NOT NULL,
        decided_by text,
        decided_by_subject text,
        decided_at timestamptz,
        reason text
      )`);
    await q.query(`CREATE INDEX ix_repeat_link_earlier ON repeat_link (earlier_complaint_id)`);
    await q.query(`
      CREATE TABLE major_incident (
        id uuid CONSTRAINT pk_major_incident PRIMARY KEY,
        trigger text NOT NULL CONSTRAINT ck_major_incident_trigger
          CHECK (trigger IN ('complainant-threshold', 'disaster', 'public-health', 'regulator-designation')),
        product_line text,
        anchor_complaint_id uuid NOT NULL,
        grams jsonb,
        reason text,
        raised_at timestamptz NOT NULL,
        raised_by text,
        raised_by_subject text,
        correlation_id uuid NOT NULL
      )`);
    await q.query(
      `CREATE INDEX ix_major_incident_product ON major_incident (product_line, raised_at)`,
    );
    await q.query(`
      CREATE TABLE major_incident_complaint (
        complaint_id uuid CONSTRAINT pk_major_incident_complaint PRIMARY KEY,
        incident_id uuid NOT NULL CONSTRAINT fk_major_incident_complaint_incident
          REFERENCES major_incident (id),
        complainant text NOT NULL,
        linked_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX ix_major_incident_complaint_incident ON major_incident_complaint (incident_id)`,
    );
    await q.query(`
      CREATE TABLE major_incident_step (
        incident_id uuid NOT NULL CONSTRAINT fk_major_incident_step_incident
          REFERENCES major_incident (id),
        step text NOT NULL CONSTRAINT ck_major_incident_step
          CHECK (step IN ('management-informed', 'coordinated-response', 'priority-handling')),
        note text NOT NULL,
        done_by text NOT NULL,
        done_by_subject text NOT NULL,
        done_at timestamptz NOT NULL,
        CONSTRAINT pk_major_incident_step PRIMARY KEY (incident_id, step)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE major_incident_step`);
    await q.query(`DROP TABLE major_incident_complaint`);
    await q.query(`DROP TABLE major_incident`);
    await q.query(`DROP TABLE repeat_link`);
    await q.query(`DROP TABLE complaint_fingerprint`);
  }
}
