import { Client } from 'pg';
import { topicSpecs } from '@complaints/contracts';
import { PipelineUrls } from '@complaints/pipeline-client';
import { createTestTopics, dropTestSchema, ServiceProcess, testInfra, uniqueName } from '@complaints/testing';

export const SERVICES = ['intake', 'classification', 'investigation', 'feedback', 'archiving'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** The five services as separate processes on the real broker and database, under one test prefix. */
export interface PipelineWorld {
  brokers: string[];
  prefix: string;
  processes: Record<ServiceName, ServiceProcess>;
  urls: PipelineUrls;
  close(): Promise<void>;
}

export async function startPipeline(): Promise<PipelineWorld> {
  const { brokers, databaseUrl } = await testInfra();
  const prefix = `${uniqueName('e2e')}.`;
  const topics = await createTestTopics(
    brokers,
    topicSpecs(prefix).map((t) => t.name),
    3,
  );
  const schemas: string[] = [];
  const processes = {} as Record<ServiceName, ServiceProcess>;
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    for (const name of SERVICES) {
      const schema = uniqueName(`e2e_${name}`);
      await admin.query(`CREATE SCHEMA "${schema}"`);
      schemas.push(schema);
      processes[name] = new ServiceProcess({
        name,
        env: {
          DATABASE_URL: databaseUrl,
          DATABASE_SCHEMA: schema,
          DATABASE_POOL_SIZE: '4',
          KAFKA_BROKERS: brokers.join(','),
          TOPIC_PREFIX: prefix,
          LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'warn',
          CLOSE_SWEEP_INTERVAL_MS: '500',
          KAFKA_SESSION_TIMEOUT_MS: '6000',
          PSEUDONYM_KEY: 'e2e-test-pseudonym-key-not-a-secret-0123456789',
        },
      });
    }
  } finally {
    await admin.end();
  }
  // One at a time: five cold starts at once on two cores take longer than in sequence.
  for (const name of SERVICES) await processes[name].start();
  const urls = Object.fromEntries(SERVICES.map((n) => [n, processes[n].baseUrl])) as unknown as PipelineUrls;
  return {
    brokers,
    prefix,
    processes,
    urls,
    close: async () => {
      await Promise.all(SERVICES.map((n) => processes[n].stop()));
      await topics.remove();
      for (const schema of schemas) await dropTestSchema(databaseUrl, schema);
    },
  };
}
