import { Module } from '@nestjs/common';
import { RulesModule } from '../rules/rules.module';
import { ClassificationCorrectionService } from './classification-correction.service';
import { ClassificationService } from './classification.service';
import { ClassificationsController } from './classifications.controller';
import { ComplaintReceivedConsumer } from './complaint-received.consumer';

@Module({
  imports: [RulesModule],
  controllers: [ClassificationsController],
  providers: [ClassificationService, ClassificationCorrectionService, ComplaintReceivedConsumer],
})
export class ClassificationModule {}
