import { Injectable, OnModuleInit } from '@nestjs/common';
import { EVENT_TYPES } from '@complaints/contracts';
import { ConsumerHost } from '@complaints/messaging';
import { AnalyticsConfig } from '../config/analytics.config';
import { TaxonomyProvider } from '../root-causes/taxonomy.provider';
import { SpikeRule } from '../spikes/spike.rule';
import { projectComplaint } from './complaint.projection';
import { writeProjections } from './read-model.writer';

/** The consumer group of the read models (prefixed `analytics.` by the host). */
export const READ_MODELS_GROUP = 'read-models';

/**
 * complaints.archived.v1, the analysts' stream and the service's one input, into the read
 * models: each record's rows are written in its inbox transaction, so a redelivery is a no-op
 * and a replayed record replaces its complaint's rows with the same ones. The live spike
 * rule then runs in the same transaction.
 */
@Injectable()
export class ArchivedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: ConsumerHost,
    private readonly taxonomy: TaxonomyProvider,
    private readonly config: AnalyticsConfig,
    private readonly spikes: SpikeRule,
  ) {}

  onModuleInit(): void {
    this.consumers.register(READ_MODELS_GROUP, [EVENT_TYPES.archived], async (event, tx) => {
      const projection = projectComplaint(
        event.payload,
        event.eventId,
        this.taxonomy.taxonomy,
        this.config.REPORT_TIME_ZONE,
      );
      const query = (sql: string, params?: unknown[]) => tx.manager.query(sql, params);
      // An older seal than the one held changes nothing, and runs no rule.
      if ((await writeProjections(query, [projection])) > 0)
        await this.spikes.apply(query, projection.fact);
    });
  }
}
