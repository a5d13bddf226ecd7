import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDeadlines1796200000000 implements MigrationInterface {
  name = 'CreateDeadlines1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE clock_event (
        event_id uuid CONSTRAINT pk_clock_event PRIMARY KEY,
        complaint_id uuid NOT NULL,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        payload jsonb NOT NULL
      )`);
    await q.query(
      `CREATE INDEX ix_clock_event_complaint ON clock_event (complaint_id, occurred_at)`,
    );
    await q.query(`
      CREATE TABLE complaint_clocks (
        complaint_id uuid CONSTRAINT pk_complaint_clocks PRIMARY KEY,
        policy text NOT NULL,
        state text NOT NULL CONSTRAINT ck_complaint_clocks_state CHECK (state IN ('waiting', 'open', 'ended')),
        department text NOT NULL,
        green_channel boolean NOT NULL,
        clocks jsonb NOT NULL,
        next_due_at timestamptz,
        next_check_at timestamptz,
        breached boolean NOT NULL DEFAULT false,
        event_count integer NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX ix_complaint_clocks_next_check ON complaint_clocks (next_check_at)`,
    );
    await q.query(`CREATE INDEX ix_complaint_clocks_next_due ON complaint_clocks (next_due_at)`);
    await q.query(`
      CREATE TABLE clock_signal (
        complaint_id uuid NOT NULL,
        signal_key text NOT NULL,
        kind text NOT NULL CONSTRAINT ck_clock_signal_kind CHECK (kind IN ('warning', 'breach')),
        clock_kind text NOT NULL,
        department text NOT NULL,
        event_id uuid NOT NULL,
        published_at timestamptz NOT NULL,
        CONSTRAINT pk_clock_signal PRIMARY KEY (complaint_id, signal_key)
      )`);
    await q.query(`
      CREATE TABLE holiday (
        calendar text NOT NULL,
        day text NOT NULL CONSTRAINT ck_holiday_day CHECK (day ~ '^\\d{4}-\\d{2}-\\d{2}$'),
        kind text NOT NULL CONSTRAINT ck_holiday_kind CHECK (kind IN ('holiday', 'workday')),
        name text NOT NULL,
        CONSTRAINT pk_holiday PRIMARY KEY (calendar, day)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE holiday`);
    await q.query(`DROP TABLE clock_signal`);
    await q.query(`DROP TABLE complaint_clocks`);
    await q.query(`DROP TABLE clock_event`);
  }
}
