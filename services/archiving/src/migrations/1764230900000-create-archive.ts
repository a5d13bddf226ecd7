import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateArchive1764230900000 implements MigrationInterface {
  name = 'CreateArchive1764230900000';

  async up(q: QueryRunner): Promise<void> {
    // Payloads are stored pseudonymised: no customer name, phone, e-mail, ID or policy number.
    await q.query(`
      CREATE TABLE timeline_event (
        event_id uuid CONSTRAINT pk_timeline_event PRIMARY KEY,
        complaint_id uuid NOT NULL,
        type text NOT NULL,
        version integer NOT NULL,
        occurred_at timestamptz NOT NULL,
        producer text NOT NULL,
        correlation_id uuid NOT NULL,
        causation_id uuid,
        payload jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ix_timeline_event_complaint ON timeline_event (complaint_id, occurred_at)`,
    );
    await q.query(`
      CREATE TABLE sealed_record (
        complaint_id uuid CONSTRAINT pk_sealed_record PRIMARY KEY,
        record jsonb NOT NULL,
        seal_hash text NOT NULL,
        sealed_at timestamptz NOT NULL,
        archived_event_id uuid NOT NULL,
        CONSTRAINT uq_sealed_record_archived_event UNIQUE (archived_event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sealed_record`);
    await q.query(`DROP TABLE timeline_event`);
  }
}
