import { DynamicModule, Module } from '@nestjs/common';
import { Clock, PlatformModule } from '@complaints/platform';
import { Classification } from './classification/classification.entity';
import { ClassificationModule } from './classification/classification.module';
import { ClassificationConfig } from './config/classification.config';
import { CreateClassification1764230600000 } from './migrations/1764230600000-create-classification';
import { SeedRulebookV11764230600001 } from './migrations/1764230600001-seed-rulebook-v1';
import { DepartmentRoute } from './rules/department-route.entity';
import { RoutingRule } from './rules/routing-rule.entity';
import { SlaPolicy } from './rules/sla-policy.entity';

@Module({})
export class AppModule {
  static with(config: ClassificationConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'classification',
          schema: 'classification',
          config,
          entities: [Classification, RoutingRule, DepartmentRoute, SlaPolicy],
          migrations: [CreateClassification1764230600000, SeedRulebookV11764230600001],
          clock,
          extraProviders: [{ provide: ClassificationConfig, useValue: config }],
        }),
        ClassificationModule,
      ],
    };
  }
}
