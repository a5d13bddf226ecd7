import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Internal reviews from the archived record's `reviews` (contracts' ArchivedReview): per
 * complaint, how many reviews were asked for and how many of those decided upheld or overturned
 * the reviewed decision; per decision round, whether a review of it was asked for and its
 * outcome (null while undecided or never asked). Records archived before reviews existed have
 * none; `npm run analytics:rebuild` fills the columns for records that carry them.
 */
export class AddReviews1797100900000 implements MigrationInterface {
  name = 'AddReviews1797100900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE complaint_fact
         ADD COLUMN review_requests integer NOT NULL DEFAULT 0,
         ADD COLUMN reviews_upheld integer NOT NULL DEFAULT 0,
         ADD COLUMN reviews_overturned integer NOT NULL DEFAULT 0`,
    );
    await q.query(
      `ALTER TABLE decision_fact
         ADD COLUMN review_requested boolean NOT NULL DEFAULT false,
         ADD COLUMN review_outcome text,
         ADD CONSTRAINT ck_decision_fact_review_outcome
           CHECK (review_outcome IN ('upheld', 'overturned'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE decision_fact DROP CONSTRAINT ck_decision_fact_review_outcome,
         DROP COLUMN review_outcome, DROP COLUMN review_requested`,
    );
    await q.query(
      `ALTER TABLE complaint_fact DROP COLUMN reviews_overturned, DROP COLUMN reviews_upheld,
         DROP COLUMN review_requests`,
    );
  }
}
