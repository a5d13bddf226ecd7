import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from 'pg';
import pino from 'pino';
import { Registry } from 'prom-client';
import { createTestSchema, testInfra, TestSchema, waitFor } from '@complaints/testing';
import {
  DEFAULT_BACKLOG_CAP,
  MESSAGING_MIGRATIONS,
  MessagingModule,
  RetentionRunner,
  serviceDataSourceOptions,
} from '../src';

jest.setTimeout(60_000);

/** The messaging module runs retention from bootstrap to shutdown, and /metrics reads OutboxStatsQuery. */
describe('retention in the messaging module', () => {
  let db: TestSchema;
  let app: INestApplicationContext;
  let registry: Registry;
  let databaseUrl: string;

  beforeAll(async () => {
    const infra = await testInfra();
    databaseUrl = infra.databaseUrl;
    const { brokers } = infra;
    const options = (schema: string) =>
      serviceDataSourceOptions({
        url: databaseUrl,
        schema,
        entities: [],
        migrations: MESSAGING_MIGRATIONS,
        poolSize: 4,
      });
    db = await createTestSchema({
      databaseUrl,
      label: 'retention_wiring',
      dataSourceOptions: options,
    });
    registry = new Registry();
    @Module({
      imports: [
        TypeOrmModule.forRoot(options(db.schema)),
        MessagingModule.forRootAsync({
          useFactory: () => ({
            service: 'wiring',
            brokers,
            topicPrefix: `${db.schema}.`,
            logger: pino({ level: 'silent' }),
            registry,
            retention: { intervalMs: 50, outboxRetentionMs: 3_600_000 },
          }),
        }),
      ],
    })
    class WiringModule {}
    app = await NestFactory.createApplicationContext(WiringModule, { logger: false });
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('prunes on its own once the application has started', async () => {
    await db.dataSource.query(
      `INSERT INTO outbox_message (event_id, topic, message_key, payload, sent_at)
       SELECT gen_random_uuid(), 't', 'k', '{}', now() - interval '2 hours'
         FROM generate_series(1, 50)`,
    );
    await waitFor('the sent rows to be pruned', async () => {
      const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM outbox_message');
      return n === 0;
    });
  });

  it('the outbox gauges come from the capped statistics', async () => {
    // An open transaction keeps the new rows from the relay (they are above its horizon) while
    // the statistics, which count every committed row, see them.
    const holder = new Client({ connectionString: databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_current_xact_id()');
      await db.dataSource.query(
        `INSERT INTO outbox_message (event_id, topic, message_key, payload)
         SELECT gen_random_uuid(), 't', 'k', '{}' FROM generate_series(1, $1::int)`,
        [DEFAULT_BACKLOG_CAP + 5],
      );
      const text = await registry.metrics();
      expect(text).toContain(`complaints_outbox_backlog{service="wiring"} ${DEFAULT_BACKLOG_CAP}`);
      expect(text).toContain('complaints_outbox_backlog_capped{service="wiring"} 1');
      expect(text).toContain('complaints_outbox_parked_rows{service="wiring"} 0');
    } finally {
      // Gone before the relay could see them.
      await db.dataSource.query('DELETE FROM outbox_message WHERE sent_at IS NULL');
      await holder.query('ROLLBACK');
      await holder.end();
    }
  });

  it('stops with the application', async () => {
    const runner = app.get(RetentionRunner);
    const stop = jest.spyOn(runner, 'stop');
    await app.close();
    expect(stop).toHaveBeenCalled();
    app = undefined as unknown as INestApplicationContext;
  });
});
