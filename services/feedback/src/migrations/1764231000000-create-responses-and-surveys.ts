import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateResponsesAndSurveys1764231000000 implements MigrationInterface {
  name = 'CreateResponsesAndSurveys1764231000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE response (
        id uuid CONSTRAINT pk_response PRIMARY KEY,
        complaint_id uuid NOT NULL,
        round integer NOT NULL CONSTRAINT ck_response_round CHECK (round >= 1),
        outcome text NOT NULL,
        language text NOT NULL,
        channel text NOT NULL,
        body text NOT NULL,
        sent_at timestamptz NOT NULL,
        survey_due_at timestamptz NOT NULL,
        status text NOT NULL CONSTRAINT ck_response_status
          CHECK (status IN ('awaiting_feedback', 'feedback_received', 'closed', 'superseded')),
        reopen_count integer NOT NULL CONSTRAINT ck_response_reopen_count CHECK (reopen_count >= 0),
        correlation_id uuid NOT NULL,
        responded_event_id uuid NOT NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_response_complaint_round ON response (complaint_id, round)`,
    );
    // The sweep's lookup: only open surveys, by due time.
    await q.query(
      `CREATE INDEX ix_response_survey_due ON response (survey_due_at) WHERE status = 'awaiting_feedback'`,
    );
    await q.query(`
      CREATE TABLE survey (
        id uuid CONSTRAINT pk_survey PRIMARY KEY,
        response_id uuid NOT NULL CONSTRAINT fk_survey_response REFERENCES response (id),
        complaint_id uuid NOT NULL,
        round integer NOT NULL,
        rating smallint NOT NULL CONSTRAINT ck_survey_rating CHECK (rating BETWEEN 1 AND 5),
        solved boolean NOT NULL,
        comment text,
        received_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_survey_response ON survey (response_id)`);
    await q.query(`CREATE INDEX ix_survey_complaint ON survey (complaint_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE survey`);
    await q.query(`DROP TABLE response`);
  }
}
