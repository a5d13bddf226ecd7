import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditQueryService } from './audit-query.service';
import { AuditStore } from './audit-store.service';
import { AuditedConsumer } from './audited.consumer';

/** The audit trail: complaints.audit.v1 kept in audit_entry, and its queries for auditors. */
@Module({
  controllers: [AuditController],
  providers: [AuditStore, AuditQueryService, AuditedConsumer],
  exports: [AuditStore],
})
export class AuditModule {}
