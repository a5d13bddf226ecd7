import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People's access and relayed feedback: the feedback:write scope; the handler a complaint is
 * assigned to (from complaints.assigned.v1) beside its department; one relayed survey answer
 * per response round.
 */
export class AddAssignmentAndFeedbackRelay1796131260874 implements MigrationInterface {
  name = 'AddAssignmentAndFeedbackRelay1796131260874';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_key DROP CONSTRAINT ck_api_key_scopes`);
    await q.query(`
      ALTER TABLE api_key ADD CONSTRAINT ck_api_key_scopes CHECK (
        cardinality(scopes) > 0
        AND scopes <@ ARRAY['complaints:write', 'complaints:read', 'feedback:write']::text[])`);
    await q.query(`ALTER TABLE complaint ADD COLUMN handler_id text`);
    await q.query(`ALTER TABLE complaint ADD COLUMN assigned_at timestamptz`);
    await q.query(`
      CREATE TABLE feedback_relay (
        complaint_id uuid NOT NULL
          CONSTRAINT fk_feedback_relay_complaint REFERENCES complaint (id),
        responded_at timestamptz NOT NULL,
        caller_system text NOT NULL,
        idempotency_key text,
        request_hash text NOT NULL,
        event_id uuid NOT NULL,
        submitted_at timestamptz NOT NULL,
        CONSTRAINT pk_feedback_relay PRIMARY KEY (complaint_id, responded_at)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE feedback_relay`);
    await q.query(`ALTER TABLE complaint DROP COLUMN assigned_at`);
    await q.query(`ALTER TABLE complaint DROP COLUMN handler_id`);
    await q.query(`DELETE FROM api_key WHERE 'feedback:write' = ANY (scopes)`);
    await q.query(`ALTER TABLE api_key DROP CONSTRAINT ck_api_key_scopes`);
    await q.query(`
      ALTER TABLE api_key ADD CONSTRAINT ck_api_key_scopes CHECK (
        cardinality(scopes) > 0 AND scopes <@ ARRAY['complaints:write', 'complaints:read']::text[])`);
  }
}
