import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each complaint's clocks as the deadlines service last published them (staff only as keyed
 * pseudonyms), and the breaches it published: the sealed record's clock history.
 */
export class CreateClockHistory1796200000300 implements MigrationInterface {
  name = 'CreateClockHistory1796200000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE clock_history (
        complaint_id uuid CONSTRAINT pk_clock_history PRIMARY KEY,
        basis integer NOT NULL,
        last_event_at timestamptz NOT NULL,
        policy text NOT NULL,
        clocks jsonb NOT NULL,
        event_id uuid NOT NULL
      )`);
    await q.query(`
      CREATE TABLE clock_breach (
        complaint_id uuid NOT NULL,
        clock_id text NOT NULL,
        due_at timestamptz NOT NULL,
        breached_at timestamptz NOT NULL,
        event_id uuid NOT NULL,
        CONSTRAINT pk_clock_breach PRIMARY KEY (complaint_id, clock_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE clock_breach`);
    await q.query(`DROP TABLE clock_history`);
  }
}
