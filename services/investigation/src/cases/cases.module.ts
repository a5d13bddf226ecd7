import { Module } from '@nestjs/common';
import { CaseAssignmentController } from './case-assignment.controller';
import { CaseAssignmentService } from './case-assignment.service';
import { CaseDecisionService } from './case-decision.service';
import { CaseReassignmentService } from './case-reassignment.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { ReclassifiedConsumer } from './reclassified.consumer';
import { ReopenedConsumer } from './reopened.consumer';
import { RoutedConsumer } from './routed.consumer';

@Module({
  controllers: [CasesController, CaseAssignmentController],
  providers: [
    CasesService,
    CaseDecisionService,
    CaseAssignmentService,
    CaseReassignmentService,
    RoutedConsumer,
    ReopenedConsumer,
    ReclassifiedConsumer,
  ],
})
export class CasesModule {}
