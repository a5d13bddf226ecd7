import { Client } from 'pg';
import { Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { EventEnvelope, findEventDefinition, topicSpecs } from '@complaints/contracts';
import { dropTestSchema } from './test-database';
import { createTestTopics } from './test-topics';
import { testInfra } from './test-infra';
import { uniqueName } from './unique-name';

export interface ServiceTestEnv {
  brokers: string[];
  databaseUrl: string;
  schema: string;
  prefix: string;
  /** Environment for the service's config: its own schema and topic prefix on the real infra. */
  env: Record<string, string>;
  /**
   * Publishes events as their producers would: each to its topic under this run's prefix,
   * keyed by complaint id, acks=all, in the order given.
   */
  publish(...events: EventEnvelope<object>[]): Promise<void>;
  cleanup(): Promise<void>;
}

/**
 * A service's own world for one test file: an empty schema (the service's migrations fill
 * it at start) and every pipeline topic under a prefix no other run uses.
 */
export async function serviceTestEnv(label: string, partitions = 3): Promise<ServiceTestEnv> {
  const { brokers, databaseUrl } = await testInfra();
  const schema = uniqueName(label);
  const prefix = `${schema}.`;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`CREATE SCHEMA "${schema}"`).finally(() => client.end());
  const topics = await createTestTopics(
    brokers,
    topicSpecs(prefix).map((t) => t.name),
    partitions,
  );
  let producer: Promise<Producer> | undefined;
  const connectedProducer = (): Promise<Producer> =>
    (producer ??= (async () => {
      const p = new Kafka({
        clientId: `${label}-test`,
        brokers,
        logLevel: logLevel.NOTHING,
      }).producer({
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await p.connect();
      return p;
    })());
  return {
    brokers,
    databaseUrl,
    schema,
    prefix,
    env: {
      DATABASE_URL: databaseUrl,
      DATABASE_SCHEMA: schema,
      KAFKA_BROKERS: brokers.join(','),
      TOPIC_PREFIX: prefix,
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      DATABASE_POOL_SIZE: '4',
      PORT: '0',
    },
    publish: async (...events) => {
      const p = await connectedProducer();
      for (const event of events) {
        const definition = findEventDefinition(event.type, event.version);
        if (!definition) throw new Error(`no topic for ${event.type} v${event.version}`);
        await p.send({
          topic: prefix + definition.topic,
          acks: -1,
          messages: [{ key: event.complaintId, value: JSON.stringify(event) }],
        });
      }
    },
    cleanup: async () => {
      await (await producer)?.disconnect();
      await topics.remove();
      await dropTestSchema(databaseUrl, schema);
    },
  };
}
