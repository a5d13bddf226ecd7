import pino from 'pino';
import { createTestSchema, testInfra, TestSchema, waitFor } from '@complaints/testing';
import {
  MESSAGING_MIGRATIONS,
  MessagingMetrics,
  RetentionRunner,
  RetentionRunnerOptions,
  serviceDataSourceOptions,
} from '../src';

jest.setTimeout(60_000);

const HOUR_MS = 3_600_000;

/**
 * Defect 7: the inbox was never pruned, and the outbox's clean-up ran only when the relay's
 * batches came back short. RetentionRunner prunes both on a timer of its own.
 */
describe('retention', () => {
  let db: TestSchema;
  let metrics: MessagingMetrics;
  const runners: RetentionRunner[] = [];

  const runner = (options: Partial<RetentionRunnerOptions> = {}): RetentionRunner => {
    const r = new RetentionRunner({
      dataSource: db.dataSource,
      service: 'retention-test',
      logger: pino({ level: 'silent' }),
      metrics,
      outboxRetentionMs: 24 * HOUR_MS,
      inboxRetentionMs: 10 * 24 * HOUR_MS,
      batchRows: 7,
      ...options,
    });
    runners.push(r);
    return r;
  };

  /** `n` outbox rows created `createdHoursAgo`, sent `sentHoursAgo` (null: pending); returns their ids. */
  const outboxRows = async (
    n: number,
    createdHoursAgo: number,
    sentHoursAgo: number | null,
  ): Promise<string[]> => {
    const rows: { id: string }[] = await db.dataSource.query(
      `INSERT INTO outbox_message (event_id, topic, message_key, payload, created_at, sent_at)
       SELECT gen_random_uuid(), 't', 'k', '{}', now() - make_interval(hours => $2),
              CASE WHEN $3::int IS NULL THEN NULL ELSE now() - make_interval(hours => $3::int) END
         FROM generate_series(1, $1::int)
       RETURNING id::text`,
      [n, createdHoursAgo, sentHoursAgo],
    );
    return rows.map((r) => r.id);
  };

  const inboxRows = async (
    n: number,
    daysAgo: number,
    outcome: 'applied' | 'dead_lettered' = 'applied',
  ): Promise<void> => {
    await db.dataSource.query(
      `INSERT INTO inbox_message (consumer_group, event_id, topic, kafka_partition, kafka_offset, processed_at, outcome)
       SELECT 'g', gen_random_uuid(), 't', 0, i, now() - make_interval(days => $2), $3
         FROM generate_series(1, $1::int) AS i`,
      [n, daysAgo, outcome],
    );
  };

  const counts = async (): Promise<Record<string, number>> => {
    const [row] = await db.dataSource.query(
      `SELECT (SELECT count(*) FROM outbox_message WHERE sent_at IS NULL)::int AS pending,
              (SELECT count(*) FROM outbox_message WHERE sent_at IS NOT NULL)::int AS sent,
              (SELECT count(*) FROM inbox_message WHERE outcome = 'applied')::int AS applied,
              (SELECT count(*) FROM inbox_message WHERE outcome = 'dead_lettered')::int AS dead_lettered`,
    );
    return row;
  };

  const metric = async (name: 'retentionPruned' | 'retentionRuns', labels: object) => {
    const { values } = await metrics[name].get();
    return values
      .filter((v) => Object.entries(labels).every(([k, x]) => (v.labels as never)[k] === x))
      .reduce((sum, v) => sum + v.value, 0);
  };

  beforeAll(async () => {
    const { databaseUrl } = await testInfra();
    db = await createTestSchema({
      databaseUrl,
      label: 'retention',
      dataSourceOptions: (schema) =>
        serviceDataSourceOptions({
          url: databaseUrl,
          schema,
          entities: [],
          migrations: MESSAGING_MIGRATIONS,
          poolSize: 4,
        }),
    });
  });

  beforeEach(async () => {
    metrics = new MessagingMetrics();
    await db.dataSource.query('TRUNCATE outbox_message, inbox_message');
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('deletes sent outbox rows and applied inbox rows past their retention, nothing else', async () => {
    await outboxRows(30, 50, 48); // sent two days ago: go
    const keptSent = await outboxRows(5, 2, 1); // sent an hour ago: stay
    const pending = await outboxRows(4, 72, null); // never sent, however old: stay
    await inboxRows(25, 11); // past the 10 days: go
    await inboxRows(6, 9); // within: stay
    await inboxRows(3, 40, 'dead_lettered'); // left for the dead-letter tools

    expect(await runner().runOnce()).toEqual({ result: 'done', pruned: { outbox: 30, inbox: 25 } });
    expect(await counts()).toEqual({ pending: 4, sent: 5, applied: 6, dead_lettered: 3 });
    const left: { id: string }[] = await db.dataSource.query(
      'SELECT id::text FROM outbox_message ORDER BY id',
    );
    expect(left.map((r) => r.id)).toEqual([...keptSent, ...pending]);
    expect(await metric('retentionPruned', { table: 'outbox' })).toBe(30);
    expect(await metric('retentionPruned', { table: 'inbox' })).toBe(25);
  });

  it('a run deletes at most maxRowsPerRun per table; the next goes on', async () => {
    await outboxRows(40, 50, 48);
    await inboxRows(40, 11);
    const r = runner({ maxRowsPerRun: 15 });
    expect(await r.runOnce()).toEqual({ result: 'more', pruned: { outbox: 15, inbox: 15 } });
    expect(await r.runOnce()).toEqual({ result: 'more', pruned: { outbox: 15, inbox: 15 } });
    expect(await r.runOnce()).toEqual({ result: 'done', pruned: { outbox: 10, inbox: 10 } });
    expect(await counts()).toEqual({ pending: 0, sent: 0, applied: 0, dead_lettered: 0 });
  });

  it('an inbox retention of 0 keeps the inbox for ever', async () => {
    await inboxRows(5, 400);
    expect(await runner({ inboxRetentionMs: 0 }).runOnce()).toEqual({
      result: 'done',
      pruned: { outbox: 0, inbox: 0 },
    });
    expect((await counts()).applied).toBe(5);
  });

  it('instances pruning the same schema at once take turns and delete each row once', async () => {
    await outboxRows(300, 50, 48);
    await inboxRows(300, 11);
    const all = await Promise.all([runner(), runner(), runner()].map((r) => r.runOnce()));
    const pruned = all.reduce(
      (sum, run) => ({
        outbox: sum.outbox + run.pruned.outbox,
        inbox: sum.inbox + run.pruned.inbox,
      }),
      { outbox: 0, inbox: 0 },
    );
    expect(pruned).toEqual({ outbox: 300, inbox: 300 });
    expect(await counts()).toEqual({ pending: 0, sent: 0, applied: 0, dead_lettered: 0 });
    // Whoever found the lock taken skipped; nothing failed.
    for (const run of all) expect(['done', 'skipped']).toContain(run.result);
  });

  it('runs on its own timer, with nothing else running, and reports each run', async () => {
    await outboxRows(20, 50, 48);
    await inboxRows(20, 11);
    runner({ intervalMs: 50 }).start();
    await waitFor('the expired rows to go', async () => {
      const c = await counts();
      return c.sent === 0 && c.applied === 0;
    });
    await waitFor('a run to be reported', async () => (await metric('retentionRuns', {})) > 0);
    expect(await metric('retentionRuns', { result: 'failed' })).toBe(0);
    const [last] = (await metrics.retentionLastRun.get()).values;
    expect(last.value).toBeGreaterThan(Date.now() / 1000 - 60);
  });
});
