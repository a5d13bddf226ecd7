import pino from 'pino';
import { Kafka } from 'kafkajs';
import { TOPICS, dlqTopic } from '@complaints/contracts';
import {
  createTestSchema,
  createTestTopics,
  testInfra,
  TestSchema,
  uniqueTopicPrefix,
} from '@complaints/testing';
import {
  MESSAGING_MIGRATIONS,
  EventConsumer,
  EventHandler,
  MessagingMetrics,
  OutboxRelay,
  UnitOfWork,
  createKafka,
  serviceDataSourceOptions,
} from '../src';
import { CreateTestEffects1764230400001 } from './fixtures/effects';

export const logger = pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });

/** One test file's world: its own schema, topics and consumer groups on the real broker and database. */
export interface MessagingWorld {
  brokers: string[];
  databaseUrl: string;
  db: TestSchema;
  prefix: string;
  topic: string;
  kafka: Kafka;
  metrics: MessagingMetrics;
  relays: OutboxRelay[];
  consumers: EventConsumer[];
  unitOfWork(relay?: OutboxRelay): UnitOfWork;
  relay(options?: Partial<ConstructorParameters<typeof OutboxRelay>[0]>): OutboxRelay;
  consumer(
    groupId: string,
    handler: EventHandler,
    options?: Partial<ConstructorParameters<typeof EventConsumer>[0]>,
  ): EventConsumer;
  close(): Promise<void>;
}

export const MIGRATIONS = [...MESSAGING_MIGRATIONS, CreateTestEffects1764230400001];

export async function messagingWorld(label: string): Promise<MessagingWorld> {
  const { brokers, databaseUrl } = await testInfra();
  const db = await createTestSchema({
    databaseUrl,
    label,
    dataSourceOptions: (schema) =>
      serviceDataSourceOptions({
        url: databaseUrl,
        schema,
        entities: [],
        migrations: MIGRATIONS,
        poolSize: 6,
      }),
  });
  const prefix = uniqueTopicPrefix(label);
  const topic = prefix + TOPICS.received;
  const topics = await createTestTopics(brokers, [topic, dlqTopic(topic)], 3);
  const kafka = createKafka({ brokers, clientId: label, logger });
  const metrics = new MessagingMetrics();
  const world: MessagingWorld = {
    brokers,
    databaseUrl,
    db,
    prefix,
    topic,
    kafka,
    metrics,
    relays: [],
    consumers: [],
    unitOfWork(relay) {
      return new UnitOfWork({
        dataSource: db.dataSource,
        topicPrefix: prefix,
        onCommitted: () => relay?.wake(),
      });
    },
    relay(options = {}) {
      const relay = new OutboxRelay({
        dataSource: db.dataSource,
        kafka,
        service: label,
        logger,
        metrics,
        pollIntervalMs: 200,
        leaderRetryMs: 200,
        ...options,
      });
      world.relays.push(relay);
      return relay;
    },
    consumer(groupId, handler, options = {}) {
      const consumer = new EventConsumer({
        dataSource: db.dataSource,
        kafka,
        unitOfWork: world.unitOfWork(),
        logger,
        metrics,
        groupId: prefix + groupId,
        topics: [topic],
        handler,
        retryBaseMs: 20,
        sessionTimeoutMs: 10_000,
        ...options,
      });
      world.consumers.push(consumer);
      return consumer;
    },
    async close() {
      await Promise.all(world.consumers.map((c) => c.stop()));
      await Promise.all(world.relays.map((r) => r.stop()));
      await db.drop();
      await topics.remove();
    },
  };
  return world;
}
