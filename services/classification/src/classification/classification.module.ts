import { Module } from '@nestjs/common';
import { RulesModule } from '../rules/rules.module';
import { ClassificationService } from './classification.service';
import { ClassificationsController } from './classifications.controller';
import { ComplaintReceivedConsumer } from './complaint-received.consumer';

@Module({
  imports: [RulesModule],
  controllers: [ClassificationsController],
  providers: [ClassificationService, ComplaintReceivedConsumer],
})
export class ClassificationModule {}
