import { Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import { AnyEventEnvelope, findEventDefinition } from '@complaints/contracts';
import { dropTestSchema, ServiceProcess, testInfra, uniqueName } from '@complaints/testing';

export const INSIGHT_SERVICES = ['deadlines', 'analytics'] as const;
export type InsightService = (typeof INSIGHT_SERVICES)[number];

/**
 * The deadlines and analytics services as processes beside the pipeline: each on a private
 * schema, on the pipeline's topic prefix (so they see its events), and a producer that puts
 * events on those topics as their producers would.
 */
export class InsightServices {
  processes = {} as Record<InsightService, ServiceProcess>;
  private schemas: string[] = [];
  private producer?: Producer;
  private databaseUrl = '';

  constructor(private readonly prefix: string) {}

  async start(): Promise<void> {
    const { brokers, databaseUrl } = await testInfra();
    this.databaseUrl = databaseUrl;
    const admin = new Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      for (const name of INSIGHT_SERVICES) {
        const schema = uniqueName(`e2e_${name}`);
        await admin.query(`CREATE SCHEMA "${schema}"`);
        this.schemas.push(schema);
        this.processes[name] = new ServiceProcess({
          name,
          env: {
            DATABASE_URL: databaseUrl,
            DATABASE_SCHEMA: schema,
            DATABASE_POOL_SIZE: '4',
            KAFKA_BROKERS: brokers.join(','),
            TOPIC_PREFIX: this.prefix,
            LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'warn',
            KAFKA_SESSION_TIMEOUT_MS: '6000',
            // A clock past its deadline is breached within a second, not at the next 30 s sweep.
            DEADLINES_SWEEP_INTERVAL_MS: '1000',
          },
        });
      }
    } finally {
      await admin.end();
    }
    const producer = new Kafka({ clientId: 'workbench-e2e', brokers }).producer();
    this.producer = producer;
    await Promise.all([
      producer.connect(),
      ...INSIGHT_SERVICES.map((n) => this.processes[n].start()),
    ]);
  }

  urls(): Record<InsightService, string> {
    return {
      deadlines: this.processes.deadlines.baseUrl,
      analytics: this.processes.analytics.baseUrl,
    };
  }

  async publish(events: AnyEventEnvelope[]): Promise<void> {
    if (!this.producer) throw new Error('not started');
    for (const event of events) {
      const definition = findEventDefinition(event.type, event.version);
      if (!definition) throw new Error(`no topic for ${event.type} v${event.version}`);
      await this.producer.send({
        topic: this.prefix + definition.topic,
        acks: -1,
        messages: [{ key: event.complaintId, value: JSON.stringify(event) }],
      });
    }
  }

  async close(): Promise<void> {
    await this.producer?.disconnect().catch(() => undefined);
    await Promise.all(Object.values(this.processes).map((p) => p.stop()));
    for (const schema of this.schemas) await dropTestSchema(this.databaseUrl, schema);
  }
}
