import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEPARTMENT_ROUTES_V1, RULES_V1, SLA_POLICY_V1 } from './seed/rulebook-v1.seed';

export class SeedRulebookV11764230600001 implements MigrationInterface {
  name = 'SeedRulebookV11764230600001';

  async up(q: QueryRunner): Promise<void> {
    for (const r of RULES_V1) {
      await q.query(
        `INSERT INTO routing_rule (id, priority, description, pattern, channels, product_lines, category, subcategory,
           weight, min_severity, min_priority, green_channel)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          r.id,
          r.priority,
          r.description,
          r.pattern ?? null,
          r.channels ?? null,
          r.productLines ?? null,
          r.category ?? null,
          r.subcategory ?? null,
          r.weight,
          r.minSeverity ?? null,
          r.minPriority ?? null,
          r.greenChannel,
        ],
      );
    }
    for (const d of DEPARTMENT_ROUTES_V1) {
      await q.query(
        `INSERT INTO department_route (category, subcategory, department) VALUES ($1, $2, $3)`,
        [d.category, d.subcategory, d.department],
      );
    }
    const p = SLA_POLICY_V1;
    await q.query(
      `INSERT INTO sla_policy (id, description, decision_days, green_decision_days, acknowledge_hours,
         green_acknowledge_hours, active)
       VALUES ($1, $2, $3, $4, $5, $6, true)`,
      [
        p.id,
        p.description,
        p.decisionDays,
        p.greenDecisionDays,
        p.acknowledgeHours,
        p.greenAcknowledgeHours,
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM sla_policy WHERE id = $1`, [SLA_POLICY_V1.id]);
    await q.query(`DELETE FROM department_route`);
    await q.query(`DELETE FROM routing_rule`);
  }
}
