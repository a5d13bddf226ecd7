import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DepartmentRoute } from './department-route.entity';
import { RuleEngine } from './rule-engine';
import type { RuleDefinition, SlaPolicyDefinition } from './rule.types';
import { RulebookError } from './rulebook.error';
import { RoutingRule } from './routing-rule.entity';
import { SlaPolicy } from './sla-policy.entity';

/**
 * The rulebook in force: read from the schema once at start (after the migrations ran, before
 * any consumer starts) and kept in memory, so classifying never waits on the database. An
 * unusable rulebook stops the start. A changed rulebook takes effect on the next start.
 */
@Injectable()
export class RulebookService implements OnModuleInit {
  private readonly logger = new Logger(RulebookService.name);
  private loaded?: { engine: RuleEngine; policy: SlaPolicyDefinition };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const [rules, routes, policy] = await Promise.all([
      this.dataSource
        .getRepository(RoutingRule)
        .find({ where: { enabled: true }, order: { priority: 'ASC' } }),
      this.dataSource.getRepository(DepartmentRoute).find(),
      this.dataSource.getRepository(SlaPolicy).findOneBy({ active: true }),
    ]);
    if (!policy) throw new RulebookError(['no active SLA policy in sla_policy']);
    this.loaded = {
      engine: new RuleEngine(rules.map(toDefinition), routes),
      policy: { ...policy },
    };
    this.logger.log(
      { rules: rules.length, routes: routes.length, slaPolicyId: policy.id },
      'rulebook loaded',
    );
  }

  get engine(): RuleEngine {
    return this.current().engine;
  }

  get policy(): SlaPolicyDefinition {
    return this.current().policy;
  }

  private current(): { engine: RuleEngine; policy: SlaPolicyDefinition } {
    if (!this.loaded) throw new Error('the rulebook is used before it was loaded');
    return this.loaded;
  }
}

/** Columns are null when unset; the engine's definitions leave them absent. */
function toDefinition(r: RoutingRule): RuleDefinition {
  return {
    id: r.id,
    priority: r.priority,
    description: r.description,
    weight: r.weight,
    greenChannel: r.greenChannel,
    ...(r.pattern !== null ? { pattern: r.pattern } : {}),
    ...(r.channels !== null ? { channels: r.channels } : {}),
    ...(r.productLines !== null ? { productLines: r.productLines } : {}),
    ...(r.category !== null ? { category: r.category } : {}),
    ...(r.subcategory !== null ? { subcategory: r.subcategory } : {}),
    ...(r.minSeverity !== null ? { minSeverity: r.minSeverity } : {}),
    ...(r.minPriority !== null ? { minPriority: r.minPriority } : {}),
  };
}
