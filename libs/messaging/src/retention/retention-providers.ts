import {
  BeforeApplicationShutdown,
  Injectable,
  InjectionToken,
  OnApplicationBootstrap,
  Provider,
} from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { OutboxRelay } from '../outbox/outbox-relay';
import { OutboxStatsQuery } from '../outbox/outbox-stats';
import { RetentionRunner, RetentionRunnerOptions } from './retention-runner';

/** What a service sets of its retention (MessagingModuleOptions.retention). */
export type RetentionSettings = Omit<
  RetentionRunnerOptions,
  'dataSource' | 'service' | 'logger' | 'metrics'
>;

/** The messaging module's options and logger, as far as retention reads them. */
interface Tokens {
  options: InjectionToken<{ service: string; retention?: RetentionSettings }>;
  logger: InjectionToken<Logger>;
}

/** Starts the service's retention runner with the application and stops it before shutdown. */
@Injectable()
class RetentionLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly runner: RetentionRunner) {}

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}

/**
 * The messaging module's providers for retention and the outbox statistics: one
 * RetentionRunner per service, run from bootstrap to shutdown, and OutboxStatsQuery as what
 * /metrics reads for the outbox gauges. It is registered after the relay (which it is given
 * for that order alone), so it replaces any source the relay registered itself.
 */
export function retentionProviders(tokens: Tokens): Provider[] {
  return [
    {
      provide: RetentionRunner,
      useFactory: (
        o: { service: string; retention?: RetentionSettings },
        ds: DataSource,
        logger: Logger,
        metrics: MessagingMetrics,
      ) =>
        new RetentionRunner({
          ...o.retention,
          dataSource: ds,
          service: o.service,
          logger,
          metrics,
        }),
      inject: [tokens.options, getDataSourceToken(), tokens.logger, MessagingMetrics],
    },
    RetentionLifecycle,
    {
      provide: OutboxStatsQuery,
      useFactory: (
        o: { service: string },
        ds: DataSource,
        metrics: MessagingMetrics,
        _relay: OutboxRelay,
      ) => {
        const stats = new OutboxStatsQuery(ds, { parked: true });
        metrics.watchOutbox(o.service, () => stats.read());
        return stats;
      },
      inject: [tokens.options, getDataSourceToken(), MessagingMetrics, OutboxRelay],
    },
  ];
}
