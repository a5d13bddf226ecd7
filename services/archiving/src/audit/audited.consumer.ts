import { Injectable, OnModuleInit } from '@nestjs/common';
import { EVENT_TYPES } from '@complaints/contracts';
import { ConsumerHost } from '@complaints/messaging';
import { AuditStore } from './audit-store.service';

/**
 * The audit trail's own consumer group on complaints.audit.v1: each entry is kept in its inbox
 * transaction. It never takes the complaint's lock nor tries to seal: the trail must not delay
 * or block sealing. A record sealed after an entry committed carries it; entries arriving after
 * the seal stay in the audit store only (a sealed record never changes).
 */
@Injectable()
export class AuditedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: ConsumerHost,
    private readonly store: AuditStore,
  ) {}

  onModuleInit(): void {
    this.consumers.register('audit-trail', [EVENT_TYPES.audited], async (event, tx) => {
      await this.store.ingest(tx.manager, event);
    });
  }
}
