import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deadlines service's word on each complaint's clocks (complaints.deadline-changed.v1) and
 * its breaches (complaints.deadline-breached.v1). Keyed by complaint, not by case: the first
 * state arrives at receipt, before the complaint is routed and its case opened.
 */
export class CreateCaseDeadlines1796200000200 implements MigrationInterface {
  name = 'CreateCaseDeadlines1796200000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE complaint_deadline (
        complaint_id uuid CONSTRAINT pk_complaint_deadline PRIMARY KEY,
        basis integer NOT NULL,
        last_event_at timestamptz NOT NULL,
        policy text NOT NULL,
        clocks jsonb NOT NULL,
        event_id uuid NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE case_breach (
        complaint_id uuid NOT NULL,
        clock_id text NOT NULL,
        clock_kind text NOT NULL,
        due_at timestamptz NOT NULL,
        breached_at timestamptz NOT NULL,
        department text NOT NULL,
        event_id uuid NOT NULL,
        CONSTRAINT pk_case_breach PRIMARY KEY (complaint_id, clock_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_breach`);
    await q.query(`DROP TABLE complaint_deadline`);
  }
}
