import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { JsonBodyShapeHook } from '../http/json-body-shape.hook';
import { ComplainantController } from './complainant.controller';
import { ComplaintAssignedConsumer } from './complaint-assigned.consumer';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsService } from './complaints.service';
import { IdempotencyRecords } from './idempotency-records.repository';
import { LifecycleConsumer } from './lifecycle.consumer';
import { PeopleReads } from './people-reads.service';

@Module({
  imports: [ApiKeysModule],
  controllers: [ComplaintsController, ComplainantController],
  providers: [
    ComplaintsService,
    PeopleReads,
    IdempotencyRecords,
    LifecycleConsumer,
    ComplaintAssignedConsumer,
    JsonBodyShapeHook,
  ],
})
export class ComplaintsModule {}
