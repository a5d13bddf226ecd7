import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { JsonBodyShapeHook } from '../http/json-body-shape.hook';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsService } from './complaints.service';
import { IdempotencyRecords } from './idempotency-records.repository';
import { LifecycleConsumer } from './lifecycle.consumer';

@Module({
  imports: [ApiKeysModule],
  controllers: [ComplaintsController],
  providers: [ComplaintsService, IdempotencyRecords, LifecycleConsumer, JsonBodyShapeHook],
})
export class ComplaintsModule {}
