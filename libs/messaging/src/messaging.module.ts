import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  ModuleMetadata,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Kafka } from 'kafkajs';
import pino, { Logger } from 'pino';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { EventType } from '@complaints/contracts';
import { EventConsumer } from './consumer/event-consumer';
import { topicsOf, typedHandler, TypedEventHandler } from './consumer/typed-handler';
import { createKafka } from './kafka/kafka-factory';
import { ConsumerGroupMetrics } from './metrics/consumer-group-metrics';
import { deadLetterDepth } from './metrics/dead-letter-depth';
import { MessagingMetrics } from './metrics/messaging-metrics';
import { OutboxRelay } from './outbox/outbox-relay';
import { UnitOfWork } from './outbox/unit-of-work';
import { retentionProviders, RetentionSettings } from './retention/retention-providers';
import { dedicatedConnectionConfig } from './service-data-source';

export interface MessagingModuleOptions {
  /** The producing service's name (envelope `producer`, metrics, logs). */
  service: string;
  brokers: string[];
  /** Prepended to every topic this service produces and consumes (test runs). */
  topicPrefix?: string;
  logger?: Logger;
  registry?: Registry;
  relay?: { batchSize?: number; pollIntervalMs?: number };
  consumer?: {
    maxAttempts?: number;
    retryBaseMs?: number;
    retryMaxMs?: number;
    partitionsConsumedConcurrently?: number;
    /** Events per database transaction at most, from all the partitions read at once; 1 applies each alone. */
    maxBatchSize?: number;
    sessionTimeoutMs?: number;
  };
  /** Pruning of sent outbox rows and old inbox rows (RetentionRunner's defaults when left out). */
  retention?: RetentionSettings;
}

export interface MessagingModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  inject?: any[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...args: any[]) => MessagingModuleOptions | Promise<MessagingModuleOptions>;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const KAFKA = Symbol('KAFKA');
export const MESSAGING_LOGGER = Symbol('MESSAGING_LOGGER');

/**
 * Holds the service's consumers. Features register theirs while the module initialises;
 * main.ts starts them after app.init() (so no event arrives before the app is ready) and
 * shutdown stops them before the relay.
 */
@Injectable()
export class ConsumerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumers: EventConsumer[] = [];
  private started = false;
  /** Lag, offsets, oldest unconsumed age and parked dead letters of these groups on /metrics. */
  private readonly groupMetrics: ConsumerGroupMetrics;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(MESSAGING_LOGGER) private readonly logger: Logger,
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly relay: OutboxRelay,
    private readonly metrics: MessagingMetrics,
  ) {
    this.groupMetrics = new ConsumerGroupMetrics({
      kafka,
      registry: metrics.registry,
      ownGroups: () => this.consumers.map((c) => ({ groupId: c.groupId, topics: c.topics })),
      prefix: options.topicPrefix ?? '',
      deadLetters: deadLetterDepth(dataSource),
      logger,
    });
  }

  /**
   * A consumer group for the event types `types`, whose topics it reads; `handler` receives
   * their envelopes, typed, with a logger carrying each event's ids. `group` is the group's
   * name without the service prefix (and the test prefix, added here).
   */
  register<T extends EventType>(
    group: string,
    types: readonly T[],
    handler: TypedEventHandler<T>,
  ): EventConsumer {
    const prefix = this.options.topicPrefix ?? '';
    const consumer = new EventConsumer({
      ...this.options.consumer,
      dataSource: this.dataSource,
      kafka: this.kafka,
      unitOfWork: this.unitOfWork,
      logger: this.logger,
      metrics: this.metrics,
      groupId: `${prefix}${this.options.service}.${group}`,
      topics: topicsOf(types).map((t) => prefix + t),
      handler: typedHandler(types, handler),
    });
    this.consumers.push(consumer);
    return consumer;
  }

  get all(): readonly EventConsumer[] {
    return this.consumers;
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    for (const consumer of this.consumers) await consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
    await this.groupMetrics.close();
    await this.relay.stop();
  }
}

@Global()
@Module({})
export class MessagingModule {
  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: options.imports ?? [],
      providers: [
        {
          provide: MESSAGING_OPTIONS,
          useFactory: options.useFactory,
          inject: options.inject ?? [],
        },
        {
          provide: MESSAGING_LOGGER,
          useFactory: (o: MessagingModuleOptions) =>
            o.logger ?? pino({ base: { service: o.service } }),
          inject: [MESSAGING_OPTIONS],
        },
        {
          provide: MessagingMetrics,
          useFactory: (o: MessagingModuleOptions) =>
            new MessagingMetrics(o.registry ?? new Registry()),
          inject: [MESSAGING_OPTIONS],
        },
        {
          provide: KAFKA,
          useFactory: (o: MessagingModuleOptions, logger: Logger) =>
            createKafka({ brokers: o.brokers, clientId: o.service, logger }),
          inject: [MESSAGING_OPTIONS, MESSAGING_LOGGER],
        },
        {
          provide: OutboxRelay,
          useFactory: (
            o: MessagingModuleOptions,
            kafka: Kafka,
            logger: Logger,
            metrics: MessagingMetrics,
            ds: DataSource,
          ) =>
            new OutboxRelay({
              ...o.relay,
              dataSource: ds,
              // The pool's limits: the server releases a dead leader's lock within its keepalive.
              leaderConnection: dedicatedConnectionConfig(ds, 'outbox-relay-leader'),
              kafka,
              service: o.service,
              logger,
              metrics,
            }),
          inject: [
            MESSAGING_OPTIONS,
            KAFKA,
            MESSAGING_LOGGER,
            MessagingMetrics,
            getDataSourceToken(),
          ],
        },
        {
          provide: UnitOfWork,
          useFactory: (o: MessagingModuleOptions, ds: DataSource, relay: OutboxRelay) =>
            new UnitOfWork({
              dataSource: ds,
              topicPrefix: o.topicPrefix,
              producer: o.service,
              onCommitted: () => relay.wake(),
            }),
          inject: [MESSAGING_OPTIONS, getDataSourceToken(), OutboxRelay],
        },
        ConsumerHost,
        ...retentionProviders({ options: MESSAGING_OPTIONS, logger: MESSAGING_LOGGER }),
      ],
      exports: [
        MESSAGING_OPTIONS,
        MESSAGING_LOGGER,
        MessagingMetrics,
        KAFKA,
        OutboxRelay,
        UnitOfWork,
        ConsumerHost,
      ],
    };
  }
}
