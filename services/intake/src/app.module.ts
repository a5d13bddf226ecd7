import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, Clock, PlatformModule } from '@complaints/platform';
import { ApiKey } from './api-keys/api-key.entity';
import { ComplaintsModule } from './complaints/complaints.module';
import { Complaint } from './complaints/complaint.entity';
import { IntakeConfig } from './config/intake.config';
import { FeedbackModule } from './feedback/feedback.module';
import { FeedbackRelay } from './feedback/feedback-relay.entity';
import { CreateComplaints1764230500000 } from './migrations/1764230500000-create-complaints';
import { CreateApiKeysAndIdempotencyRecords1795790609042 } from './migrations/1795790609042-create-api-keys-and-idempotency-records';
import { AddAssignmentAndFeedbackRelay1796131260874 } from './migrations/1796131260874-add-assignment-and-feedback-relay';
import { AddRespondedRound1796140000000 } from './migrations/1796140000000-add-responded-round';

@Module({})
export class AppModule {
  static with(config: IntakeConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'intake',
          schema: 'intake',
          config,
          entities: [Complaint, ApiKey, FeedbackRelay],
          migrations: [
            CreateComplaints1764230500000,
            CreateApiKeysAndIdempotencyRecords1795790609042,
            AddAssignmentAndFeedbackRelay1796131260874,
            AddRespondedRound1796140000000,
          ],
          clock,
          extraProviders: [{ provide: IntakeConfig, useValue: config }],
        }),
        AuthModule.forRoot(config),
        ComplaintsModule,
        FeedbackModule,
      ],
    };
  }
}
