import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports generated on schedule when a period closes: one per period and language (the key
 * makes a second instance's insert a no-op), with the figures, the page and the PDF as they
 * were when generated. `report_schedule_start` holds when scheduling began: periods that had
 * closed before it are not generated after the fact.
 */
export class CreateScheduledReports1797100700000 implements MigrationInterface {
  name = 'CreateScheduledReports1797100700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scheduled_report (
        period_id text NOT NULL,
        language text NOT NULL,
        kind text NOT NULL,
        period_from date NOT NULL,
        period_to date NOT NULL,
        generated_at timestamptz NOT NULL,
        complaints integer NOT NULL,
        report jsonb NOT NULL,
        html text NOT NULL,
        pdf bytea,
        CONSTRAINT pk_scheduled_report PRIMARY KEY (period_id, language),
        CONSTRAINT ck_scheduled_report_kind CHECK (kind IN ('monthly', 'quarterly', 'yearly')),
        CONSTRAINT ck_scheduled_report_language CHECK (language IN ('zh', 'en'))
      )`);
    await q.query(
      `CREATE INDEX ix_scheduled_report_generated ON scheduled_report (generated_at DESC)`,
    );
    await q.query(`
      CREATE TABLE report_schedule_start (
        id smallint CONSTRAINT pk_report_schedule_start PRIMARY KEY DEFAULT 1,
        started_at timestamptz NOT NULL,
        CONSTRAINT ck_report_schedule_start_one CHECK (id = 1)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_schedule_start`);
    await q.query(`DROP TABLE scheduled_report`);
  }
}
