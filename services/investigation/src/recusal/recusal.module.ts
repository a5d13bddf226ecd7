import { Global, Module } from '@nestjs/common';
import { CaseAssignmentService } from '../cases/case-assignment.service';
import { ConflictDeclarationController } from './conflict-declaration.controller';
import { ConflictDeclarationService } from './conflict-declaration.service';
import { RecusalService } from './recusal.service';

/** Global: assignment, decisions, reassignment and clock approvals all consult RecusalService. */
@Global()
@Module({
  controllers: [ConflictDeclarationController],
  providers: [RecusalService, ConflictDeclarationService, CaseAssignmentService],
  exports: [RecusalService],
})
export class RecusalModule {}
