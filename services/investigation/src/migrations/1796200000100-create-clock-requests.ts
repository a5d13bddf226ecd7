import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateClockRequests1796200000100 implements MigrationInterface {
  name = 'CreateClockRequests1796200000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE clock_request (
        id uuid CONSTRAINT pk_clock_request PRIMARY KEY,
        complaint_id uuid NOT NULL,
        case_id uuid NOT NULL CONSTRAINT fk_clock_request_case REFERENCES complaint_case (id),
        round integer NOT NULL,
        generation integer NOT NULL,
        kind text NOT NULL CONSTRAINT ck_clock_request_kind
          CHECK (kind IN ('extension', 'pause', 'restart', 'merge', 'withdrawal')),
        detail text,
        reason text NOT NULL,
        status text NOT NULL CONSTRAINT ck_clock_request_status
          CHECK (status IN ('pending', 'approved', 'refused', 'active', 'ended', 'done')),
        requested_by text NOT NULL,
        requested_by_subject text NOT NULL,
        requested_at timestamptz NOT NULL,
        decided_by text,
        decided_at timestamptz,
        decision_reason text,
        ended_at timestamptz,
        event_id uuid NOT NULL
      )`);
    await q.query(
      `CREATE INDEX ix_clock_request_complaint ON clock_request (complaint_id, requested_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE clock_request`);
  }
}
