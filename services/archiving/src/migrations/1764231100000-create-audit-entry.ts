import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditEntry1764231100000 implements MigrationInterface {
  name = 'CreateAuditEntry1764231100000';

  async up(q: QueryRunner): Promise<void> {
    // The audit trail for auditors: staff identities and origins in clear, never the
    // complainant's personal data. `at` has millisecond precision, exactly what a JS Date and
    // so a paging cursor hold. complaint_id is null for entries about no complaint
    // (an auditor's query of the trail).
    await q.query(`
      CREATE TABLE audit_entry (
        event_id uuid CONSTRAINT pk_audit_entry PRIMARY KEY,
        at timestamptz(3) NOT NULL,
        service text NOT NULL,
        action text NOT NULL,
        kind text NOT NULL CONSTRAINT ck_audit_entry_kind CHECK (kind IN ('change', 'read')),
        complaint_id uuid,
        actor_subject text,
        actor_username text,
        actor_roles text[] NOT NULL DEFAULT '{}',
        actor_department text,
        caller_system text,
        origin_ip text NOT NULL,
        origin_user_agent text,
        details jsonb,
        correlation_id uuid NOT NULL,
        causation_id uuid,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_audit_entry_at ON audit_entry (at DESC, event_id DESC)`);
    await q.query(
      `CREATE INDEX ix_audit_entry_complaint ON audit_entry (complaint_id, at DESC, event_id DESC)`,
    );
    await q.query(
      `CREATE INDEX ix_audit_entry_actor_subject ON audit_entry (actor_subject, at DESC)`,
    );
    await q.query(
      `CREATE INDEX ix_audit_entry_actor_username ON audit_entry (actor_username, at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_entry`);
  }
}
