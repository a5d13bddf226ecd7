import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCases1764316800000 implements MigrationInterface {
  name = 'CreateCases1764316800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE handler (
        id text CONSTRAINT pk_handler PRIMARY KEY,
        department text NOT NULL,
        display_name text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        max_open_cases integer NOT NULL,
        CONSTRAINT ck_handler_max_open_cases CHECK (max_open_cases >= 1)
      )`);
    await q.query(`CREATE INDEX ix_handler_department ON handler (department, id)`);

    await q.query(`
      CREATE TABLE complaint_case (
        id uuid CONSTRAINT pk_complaint_case PRIMARY KEY,
        complaint_id uuid NOT NULL,
        department text NOT NULL,
        routed_department text NOT NULL,
        handler_id text NOT NULL CONSTRAINT fk_complaint_case_handler REFERENCES handler (id),
        status text NOT NULL,
        round integer NOT NULL,
        category text NOT NULL,
        subcategory text NOT NULL,
        severity text NOT NULL,
        priority text NOT NULL,
        green_channel boolean NOT NULL,
        decision_due_at timestamptz NOT NULL,
        summary jsonb,
        opened_at timestamptz NOT NULL,
        reopened_at timestamptz,
        decided_at timestamptz,
        reopen_count integer NOT NULL DEFAULT 0,
        trigger_event_id uuid NOT NULL,
        correlation_id uuid NOT NULL,
        version integer NOT NULL,
        CONSTRAINT uq_complaint_case_complaint_id UNIQUE (complaint_id),
        CONSTRAINT ck_complaint_case_status CHECK (status IN ('open', 'decided', 'reopened')),
        CONSTRAINT ck_complaint_case_round CHECK (round >= 1),
        CONSTRAINT ck_complaint_case_reopen_count CHECK (reopen_count >= 0)
      )`);
    // The queue: filtered by department, status or handler, green channel first, then due date.
    await q.query(
      `CREATE INDEX ix_complaint_case_queue ON complaint_case (department, status, green_channel DESC, decision_due_at)`,
    );
    await q.query(
      `CREATE INDEX ix_complaint_case_handler_status ON complaint_case (handler_id, status)`,
    );

    await q.query(`
      CREATE TABLE case_note (
        id uuid CONSTRAINT pk_case_note PRIMARY KEY,
        case_id uuid NOT NULL CONSTRAINT fk_case_note_case REFERENCES complaint_case (id),
        author text NOT NULL CONSTRAINT fk_case_note_author REFERENCES handler (id),
        body text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_case_note_case ON case_note (case_id, created_at)`);

    await q.query(`
      CREATE TABLE case_decision (
        id uuid CONSTRAINT pk_case_decision PRIMARY KEY,
        case_id uuid NOT NULL CONSTRAINT fk_case_decision_case REFERENCES complaint_case (id),
        round integer NOT NULL,
        outcome text NOT NULL,
        summary text NOT NULL,
        root_cause text NOT NULL,
        remedy text,
        compensation jsonb,
        decided_by text NOT NULL CONSTRAINT fk_case_decision_handler REFERENCES handler (id),
        decided_at timestamptz NOT NULL,
        event_id uuid NOT NULL,
        CONSTRAINT uq_case_decision_case_round UNIQUE (case_id, round),
        CONSTRAINT ck_case_decision_outcome CHECK (outcome IN ('upheld', 'partially_upheld', 'rejected'))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_decision`);
    await q.query(`DROP TABLE case_note`);
    await q.query(`DROP TABLE complaint_case`);
    await q.query(`DROP TABLE handler`);
  }
}
