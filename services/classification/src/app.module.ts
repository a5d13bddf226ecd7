import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, Clock, PlatformModule, READINESS_CHECKS } from '@complaints/platform';
import { ClassifierService } from './classifier/classifier.service';
import { Classification } from './classification/classification.entity';
import { ClassificationLabel } from './classification/classification-label.entity';
import { ClassificationModule } from './classification/classification.module';
import { ClassificationConfig } from './config/classification.config';
import { CreateClassification1764230600000 } from './migrations/1764230600000-create-classification';
import { SeedRulebookV11764230600001 } from './migrations/1764230600001-seed-rulebook-v1';
import { CreateClassificationLabel1764900000000 } from './migrations/1764900000000-create-classification-label';
import { AddClassifierVerdict1765100000000 } from './migrations/1765100000000-add-classifier-verdict';
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
          entities: [Classification, ClassificationLabel, RoutingRule, DepartmentRoute, SlaPolicy],
          migrations: [
            CreateClassification1764230600000,
            SeedRulebookV11764230600001,
            CreateClassificationLabel1764900000000,
            AddClassifierVerdict1765100000000,
          ],
          clock,
          extraProviders: [
            { provide: ClassificationConfig, useValue: config },
            ClassifierService,
            {
              provide: READINESS_CHECKS,
              useFactory: (classifier: ClassifierService) => [classifier.readiness],
              inject: [ClassifierService],
            },
          ],
        }),
        AuthModule.forRoot(config),
        ClassificationModule,
      ],
    };
  }
}
