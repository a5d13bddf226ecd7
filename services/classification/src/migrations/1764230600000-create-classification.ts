import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateClassification1764230600000 implements MigrationInterface {
  name = 'CreateClassification1764230600000';

  async up(q: QueryRunner): Promise<void> {
    // The rulebook: data, not code, so analysts can change it without a release.
    await q.query(`
      CREATE TABLE routing_rule (
        id text CONSTRAINT pk_routing_rule PRIMARY KEY,
        priority integer NOT NULL,
        description text NOT NULL,
        pattern text,
        channels text[],
        product_lines text[],
        category text,
        subcategory text,
        weight integer NOT NULL DEFAULT 0,
        min_severity text,
        min_priority text,
        green_channel boolean NOT NULL DEFAULT false,
        enabled boolean NOT NULL DEFAULT true,
        CONSTRAINT uq_routing_rule_priority UNIQUE (priority),
        CONSTRAINT ck_routing_rule_id CHECK (length(id) BETWEEN 1 AND 64),
        CONSTRAINT ck_routing_rule_category
          CHECK (category IS NULL OR category IN ('product_service', 'business_handling', 'staff_service', 'technical')),
        CONSTRAINT ck_routing_rule_vote
          CHECK ((category IS NULL) = (subcategory IS NULL) AND (category IS NULL) = (weight = 0)),
        CONSTRAINT ck_routing_rule_weight CHECK (weight >= 0),
        CONSTRAINT ck_routing_rule_min_severity
          CHECK (min_severity IS NULL OR min_severity IN ('low', 'medium', 'high', 'critical')),
        CONSTRAINT ck_routing_rule_min_priority CHECK (min_priority IS NULL OR min_priority IN ('P1', 'P2', 'P3', 'P4')),
        CONSTRAINT ck_routing_rule_condition CHECK (pattern IS NOT NULL OR channels IS NOT NULL OR product_lines IS NOT NULL)
      )`);
    await q.query(`
      CREATE TABLE department_route (
        category text NOT NULL,
        subcategory text NOT NULL,
        department text NOT NULL,
        CONSTRAINT pk_department_route PRIMARY KEY (category, subcategory),
        CONSTRAINT ck_department_route_category
          CHECK (category IN ('product_service', 'business_handling', 'staff_service', 'technical'))
      )`);
    await q.query(`
      CREATE TABLE sla_policy (
        id text CONSTRAINT pk_sla_policy PRIMARY KEY,
        description text NOT NULL,
        decision_days integer NOT NULL,
        green_decision_days integer NOT NULL,
        acknowledge_hours integer NOT NULL,
        green_acknowledge_hours integer NOT NULL,
        active boolean NOT NULL DEFAULT false,
        CONSTRAINT ck_sla_policy_id CHECK (length(id) BETWEEN 1 AND 64),
        CONSTRAINT ck_sla_policy_decision_days CHECK (decision_days BETWEEN 1 AND 60),
        CONSTRAINT ck_sla_policy_green_decision_days CHECK (green_decision_days BETWEEN 1 AND decision_days),
        CONSTRAINT ck_sla_policy_acknowledge_hours CHECK (acknowledge_hours BETWEEN 1 AND 24 * decision_days),
        CONSTRAINT ck_sla_policy_green_acknowledge_hours CHECK (green_acknowledge_hours BETWEEN 1 AND acknowledge_hours)
      )`);
    // At most one policy is in force; the service refuses to start with none.
    await q.query(`CREATE UNIQUE INDEX uq_sla_policy_active ON sla_policy (active) WHERE active`);
    await q.query(`
      CREATE TABLE classification (
        complaint_id uuid CONSTRAINT pk_classification PRIMARY KEY,
        category text NOT NULL,
        subcategory text NOT NULL,
        severity text NOT NULL,
        priority text NOT NULL,
        green_channel boolean NOT NULL,
        department text NOT NULL,
        confidence text NOT NULL,
        matched_rule_ids text[] NOT NULL,
        received_at timestamptz NOT NULL,
        acknowledge_due_at timestamptz NOT NULL,
        decision_due_at timestamptz NOT NULL,
        sla_policy_id text NOT NULL CONSTRAINT fk_classification_sla_policy REFERENCES sla_policy (id),
        received_event_id uuid NOT NULL,
        classified_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX ix_classification_department_priority ON classification (department, priority)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE classification`);
    await q.query(`DROP TABLE sla_policy`);
    await q.query(`DROP TABLE department_route`);
    await q.query(`DROP TABLE routing_rule`);
  }
}
