import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAnswerLinksAndPostLetters1766100000000 implements MigrationInterface {
  name = 'CreateAnswerLinksAndPostLetters1766100000000';

  async up(q: QueryRunner): Promise<void> {
    // One signed answer link per letter (response round). The token is never stored: it is
    // the link id signed with ANSWER_LINK_SECRET, so it is checked without being kept.
    await q.query(`
      CREATE TABLE answer_link (
        id uuid CONSTRAINT pk_answer_link PRIMARY KEY,
        complaint_id uuid NOT NULL,
        response_id uuid NOT NULL,
        round integer NOT NULL,
        language text NOT NULL,
        reference_number text,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL,
        CONSTRAINT uq_answer_link_response UNIQUE (response_id)
      )`);
    // A letter to post: the PDF as printed, its hash, and the registered-mail number once posted.
    await q.query(`
      CREATE TABLE post_letter (
        id uuid CONSTRAINT pk_post_letter PRIMARY KEY,
        message_id uuid NOT NULL CONSTRAINT fk_post_letter_message REFERENCES customer_message (id),
        complaint_id uuid NOT NULL,
        proof_id uuid NOT NULL CONSTRAINT fk_post_letter_proof REFERENCES message_proof (id),
        pdf bytea NOT NULL,
        pdf_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        created_by text NOT NULL,
        registered_number text,
        posted_at timestamptz,
        CONSTRAINT uq_post_letter_registered UNIQUE (registered_number)
      )`);
    await q.query(`CREATE INDEX ix_post_letter_complaint ON post_letter (complaint_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE post_letter`);
    await q.query(`DROP TABLE answer_link`);
  }
}
