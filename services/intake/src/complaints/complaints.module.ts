import { Module } from '@nestjs/common';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsService } from './complaints.service';
import { LifecycleConsumer } from './lifecycle.consumer';

@Module({
  controllers: [ComplaintsController],
  providers: [ComplaintsService, LifecycleConsumer],
})
export class ComplaintsModule {}
