import { Module } from '@nestjs/common';
import { RulesModule } from '../rules/rules.module';
import { ClassificationCorrectionService } from './classification-correction.service';
import { ClassificationService } from './classification.service';
import { ClassificationsController } from './classifications.controller';
import { ComplaintReceivedConsumer } from './complaint-received.consumer';
import { ClassificationJudge } from './classification-judge.service';
import { TriageController } from '../triage/triage.controller';

@Module({
  imports: [RulesModule],
  controllers: [ClassificationsController, TriageController],
  providers: [
    ClassificationService,
    ClassificationJudge,
    ClassificationCorrectionService,
    ComplaintReceivedConsumer,
  ],
})
export class ClassificationModule {}
