import { DynamicModule, Module } from '@nestjs/common';
import { Clock, PlatformModule } from '@complaints/platform';
import { ApiKey } from './api-keys/api-key.entity';
import { ComplaintsModule } from './complaints/complaints.module';
import { Complaint } from './complaints/complaint.entity';
import { IntakeConfig } from './config/intake.config';
import { CreateComplaints1764230500000 } from './migrations/1764230500000-create-complaints';
import { CreateApiKeysAndIdempotencyRecords1795790609042 } from './migrations/1795790609042-create-api-keys-and-idempotency-records';

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
          entities: [Complaint, ApiKey],
          migrations: [
            CreateComplaints1764230500000,
            CreateApiKeysAndIdempotencyRecords1795790609042,
          ],
          clock,
          extraProviders: [{ provide: IntakeConfig, useValue: config }],
        }),
        ComplaintsModule,
      ],
    };
  }
}
