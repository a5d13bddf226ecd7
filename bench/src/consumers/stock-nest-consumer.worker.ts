/**
 * The stock NestJS way, as most NestJS services consume Kafka: @nestjs/microservices' Kafka
 * transport (ServerKafka: kafkajs eachMessage, one message at a time, auto-commit) calling an
 * @EventPattern handler that opens a TypeORM transaction per message. It does the same work as
 * our consumer: validate the envelope, skip an event already in the inbox, store the
 * classification, queue the routed event in the outbox, record the inbox row.
 */
import 'reflect-metadata';
import { Controller, Inject, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  Ctx,
  EventPattern,
  KafkaContext,
  MicroserviceOptions,
  Payload,
  Transport,
} from '@nestjs/microservices';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ContractValidationError, validateEnvelope } from '@complaints/contracts';
import { serviceDataSourceOptions, UnitOfWork } from '@complaints/messaging';
import { BenchClassification, classifyAndRoute } from './consumer-work';
import { reportAndExit, reportReady, workerEnv } from './worker-env';

const env = workerEnv();

@Controller()
class ReceivedController {
  constructor(
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  @EventPattern(env.topic)
  async onReceived(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    const checked = validateEnvelope(value, 'consume');
    if (!checked.ok) throw new ContractValidationError(checked.code, checked.errors);
    const event = checked.envelope;
    const message = context.getMessage();
    await this.dataSource.transaction(async (manager) => {
      const seen = await manager.query(
        'SELECT 1 FROM inbox_message WHERE consumer_group = $1 AND event_id = $2',
        [env.group, event.eventId],
      );
      if (seen.length > 0) return;
      await this.unitOfWork.runIn(manager, (tx) => classifyAndRoute(event, tx));
      await manager.query(
        'INSERT INTO inbox_message (consumer_group, event_id, topic, kafka_partition, kafka_offset) VALUES ($1, $2, $3, $4, $5)',
        [env.group, event.eventId, context.getTopic(), context.getPartition(), message.offset],
      );
    });
  }
}

@Module({
  imports: [
    TypeOrmModule.forRoot(
      serviceDataSourceOptions({
        url: env.databaseUrl,
        schema: env.schema,
        entities: [BenchClassification],
        migrations: [],
        poolSize: 10,
      }),
    ),
  ],
  controllers: [ReceivedController],
  providers: [
    {
      provide: UnitOfWork,
      useFactory: (dataSource: DataSource) =>
        new UnitOfWork({ dataSource, topicPrefix: env.prefix }),
      inject: [getDataSourceToken()],
    },
  ],
})
class StockConsumerModule {}

async function main(): Promise<void> {
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(StockConsumerModule, {
    transport: Transport.KAFKA,
    options: {
      client: { clientId: 'bench-stock', brokers: env.brokers },
      // ServerKafka appends "-server" to the group id.
      consumer: { groupId: env.group, sessionTimeout: 10_000 },
      subscribe: { fromBeginning: true },
    },
    logger: ['error', 'warn'],
  });
  process.once('SIGTERM', () => {
    void app.close().finally(() => reportAndExit());
  });
  await app.listen();
  reportReady();
}

main().catch((err: unknown) => {
  process.stderr.write(
    `stock consumer worker failed: ${err instanceof Error ? err.stack : String(err)}\n`,
  );
  process.exit(1);
});
