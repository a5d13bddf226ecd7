import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Internal reviews: every request the customer made (granted or refused, with the reason), and
 * the response state of a dissatisfied answer that waits for the complaints officer's choice.
 */
export class AddInternalReviews1766300000000 implements MigrationInterface {
  name = 'AddInternalReviews1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE response DROP CONSTRAINT ck_response_status`);
    await q.query(`
      ALTER TABLE response ADD CONSTRAINT ck_response_status CHECK (status IN
        ('awaiting_feedback', 'feedback_received', 'awaiting_officer', 'closed', 'superseded'))`);
    await q.query(`
      CREATE TABLE review_request (
        id uuid CONSTRAINT pk_review_request PRIMARY KEY,
        complaint_id uuid NOT NULL,
        response_id uuid NOT NULL,
        round integer NOT NULL,
        requested_at timestamptz NOT NULL,
        requested_through text NOT NULL CONSTRAINT ck_review_request_through
          CHECK (requested_through IN ('calling-system', 'answer-link', 'officer')),
        status text NOT NULL CONSTRAINT ck_review_request_status
          CHECK (status IN ('granted', 'refused')),
        refusal_code text
      )`);
    await q.query(`CREATE INDEX ix_review_request_complaint ON review_request (complaint_id)`);
    await q.query(
      `CREATE INDEX ix_response_awaiting_officer ON response (sent_at) WHERE status = 'awaiting_officer'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_response_awaiting_officer`);
    await q.query(`DROP TABLE review_request`);
    await q.query(`ALTER TABLE response DROP CONSTRAINT ck_response_status`);
    await q.query(`
      ALTER TABLE response ADD CONSTRAINT ck_response_status CHECK (status IN
        ('awaiting_feedback', 'feedback_received', 'closed', 'superseded'))`);
  }
}
