import { Client } from 'pg';
import { topicSpecs } from '@complaints/contracts';
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
    cleanup: async () => {
      await topics.remove();
      await dropTestSchema(databaseUrl, schema);
    },
  };
}
