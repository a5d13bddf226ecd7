/**
 * The platform's way: EventConsumer (inbox, outbox through UnitOfWork, retries, DLQ) with the
 * consumer settings every service runs with. Started and stopped by consumer-comparison.ts.
 */
import 'reflect-metadata';
import pino from 'pino';
import { DataSource } from 'typeorm';
import {
  createKafka,
  EventConsumer,
  MessagingMetrics,
  serviceDataSourceOptions,
  UnitOfWork,
} from '@complaints/messaging';
import { BenchClassification, classifyAndRoute } from './consumer-work';
import { reportAndExit, reportReady, workerEnv } from './worker-env';

async function main(): Promise<void> {
  const env = workerEnv();
  const logger = pino({ level: 'warn' });
  const dataSource = new DataSource(
    serviceDataSourceOptions({
      url: env.databaseUrl,
      schema: env.schema,
      entities: [BenchClassification],
      migrations: [],
      poolSize: 10,
    }),
  );
  await dataSource.initialize();
  const consumer = new EventConsumer({
    dataSource,
    kafka: createKafka({ brokers: env.brokers, clientId: 'bench-ours', logger }),
    unitOfWork: new UnitOfWork({ dataSource, topicPrefix: env.prefix }),
    logger,
    metrics: new MessagingMetrics(),
    groupId: env.group,
    topics: [env.topic],
    handler: classifyAndRoute,
    sessionTimeoutMs: 10_000,
    maxBatchSize: env.batchSize,
    partitionsConsumedConcurrently: env.partitionsAtOnce,
  });
  process.once('SIGTERM', () => {
    void consumer
      .stop()
      .then(() => dataSource.destroy())
      .finally(() => reportAndExit());
  });
  await consumer.start();
  reportReady();
}

main().catch((err: unknown) => {
  process.stderr.write(
    `our consumer worker failed: ${err instanceof Error ? err.stack : String(err)}\n`,
  );
  process.exit(1);
});
