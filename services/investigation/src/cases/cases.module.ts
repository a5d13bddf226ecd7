import { Module } from '@nestjs/common';
import { CaseAssignmentService } from './case-assignment.service';
import { CaseDecisionService } from './case-decision.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { ReopenedConsumer } from './reopened.consumer';
import { RoutedConsumer } from './routed.consumer';

@Module({
  controllers: [CasesController],
  providers: [
    CasesService,
    CaseDecisionService,
    CaseAssignmentService,
    RoutedConsumer,
    ReopenedConsumer,
  ],
})
export class CasesModule {}
