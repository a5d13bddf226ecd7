import pino from 'pino';
import { createTestSchema, testInfra, TestSchema } from '@complaints/testing';
import {
  DEFAULT_BACKLOG_CAP,
  MESSAGING_MIGRATIONS,
  MessagingMetrics,
  OutboxStatsQuery,
  RetentionRunner,
  serviceDataSourceOptions,
} from '../src';
import { TablePruner } from '../src/retention/table-pruner';
import { explainAnalyze } from './fixtures/explain';

jest.setTimeout(120_000);

const ROWS = 1_000_000;

/** Time-ordered ids, as event ids (UUIDv7) are: rising with i, so index inserts go to the end. */
const uuidV7Like = (i: string): string =>
  `(lpad(to_hex(${i}), 12, '0') || '70008000' || lpad(to_hex(${i}), 12, '0'))::uuid`;
const BATCH = 1_000;

/**
 * Defect 7 at a million rows: the outbox statistics /metrics reads on every scrape, and one
 * retention batch, touch a bounded number of rows and buffers however large the tables are.
 * Measured by EXPLAIN (ANALYZE, BUFFERS): what the statements did, never how long they took.
 */
describe('outbox statistics and retention at a million rows', () => {
  let db: TestSchema;

  beforeAll(async () => {
    const { databaseUrl } = await testInfra();
    db = await createTestSchema({
      databaseUrl,
      label: 'retention_scale',
      dataSourceOptions: (schema) =>
        serviceDataSourceOptions({
          url: databaseUrl,
          schema,
          entities: [],
          migrations: MESSAGING_MIGRATIONS,
          poolSize: 2,
          limits: { statementTimeoutMs: 0 },
        }),
    });
    // The first checks run as right after a burst of writes, before autovacuum has come by.
    await db.dataSource.query(
      `ALTER TABLE outbox_message SET (autovacuum_enabled = false);
       ALTER TABLE inbox_message SET (autovacuum_enabled = false)`,
    );
    // 1,000,000 outbox rows: the first half sent over the last 48 hours (so a quarter of all
    // rows is past the 24-hour retention), the second half pending.
    await db.dataSource.query(
      `INSERT INTO outbox_message (event_id, topic, message_key, payload, created_at, sent_at)
       SELECT ${uuidV7Like('i')}, 'complaints.received.v1', md5(i::text), '{"n":' || i || '}',
              now() - make_interval(secs => ($1 - i) * 0.2),
              CASE WHEN i <= $1 / 2 THEN now() - make_interval(secs => ($1 / 2 - i) * 0.3456) END
         FROM generate_series(1, $1::int) AS i`,
      [ROWS],
    );
    // 1,000,000 inbox rows taken over the last 70 days: those past the retention go.
    await db.dataSource.query(
      `INSERT INTO inbox_message (consumer_group, event_id, topic, kafka_partition, kafka_offset, processed_at)
       SELECT 'scale.group', ${uuidV7Like('i')}, 'complaints.received.v1', i % 6, i,
              now() - make_interval(secs => ($1 - i) * 6.048)
         FROM generate_series(1, $1::int) AS i`,
      [ROWS],
    );
  });

  afterAll(async () => {
    await db?.drop();
  });

  const stats = (): OutboxStatsQuery => new OutboxStatsQuery(db.dataSource, { parked: true });
  const statsPlan = (indexOrder = true) =>
    explainAnalyze(db.dataSource, stats().statement, [DEFAULT_BACKLOG_CAP + 1], { indexOrder });
  const batchPlan = (name: 'outbox' | 'inbox') => {
    const pruner = prunerFor(name);
    return explainAnalyze(db.dataSource, pruner.statement, [
      'retention:test',
      '-infinity',
      pruner.target.retentionMs,
      BATCH,
    ]);
  };
  const batches = [
    ['outbox', 'outbox_message', 'ix_outbox_message_sent_at'],
    ['inbox', 'inbox_message', 'ix_inbox_message_processed_at'],
  ] as const;

  /** One retention batch: BATCH rows found through the index, then deleted by ctid. */
  async function expectBoundedBatch(
    name: 'outbox' | 'inbox',
    relation: string,
    index: string,
  ): Promise<void> {
    const plan = await batchPlan(name);
    expect(plan.nodes.find((n) => n['Node Type'] === 'ModifyTable')?.['Actual Rows']).toBe(BATCH);
    const scans = plan.scansOf(relation);
    expect(scans.map((n) => [n['Node Type'], n['Index Name'] ?? null])).toEqual([
      ['Index Scan', index],
      ['Tid Scan', null],
    ]);
    expect(scans.every((n) => n['Actual Rows'] * n['Actual Loops'] === BATCH)).toBe(true);
    expect(plan.rowsRead(relation)).toBe(2 * BATCH);
    // A few index pages for 1,000 entries, then each row's heap page, fetched and marked.
    expect(plan.buffers).toBeLessThan(5 * BATCH);
  }

  describe('right after the writes: no statistics, no visibility map', () => {
    it('the outbox statistics read at most the cap of pending rows, through the pending index', async () => {
      expect(await stats().read()).toEqual({
        backlog: DEFAULT_BACKLOG_CAP,
        backlogCapped: true,
        oldestAgeSeconds: expect.any(Number),
        parked: 0,
      });
      const plan = await statsPlan();
      expect(plan.scansOf('outbox_message').map((n) => [n['Node Type'], n['Index Name']])).toEqual([
        ['Index Only Scan', 'ix_outbox_message_pending'],
        ['Index Scan', 'ix_outbox_message_pending'],
      ]);
      expect(plan.rowsRead('outbox_message')).toBeLessThanOrEqual(DEFAULT_BACKLOG_CAP + 2);
      // No page is all-visible yet, so each counted entry costs a heap visit: cap + index pages.
      expect(plan.buffers).toBeLessThan(DEFAULT_BACKLOG_CAP + 500);

      // Planned freely, the same statement believes few rows pending (no statistics) and
      // fetches and sorts all 500,000 of them: why it runs inIndexOrder.
      const free = await statsPlan(false);
      expect(free.rowsRead('outbox_message')).toBeGreaterThanOrEqual(ROWS / 2);
    });

    it.each(batches)('one %s retention batch deletes its batch, walking the index', (...args) =>
      expectBoundedBatch(...args),
    );
  });

  describe('after autovacuum: statistics and the visibility map', () => {
    beforeAll(async () => {
      await db.dataSource.query('VACUUM (ANALYZE) outbox_message, inbox_message');
    });

    it('the outbox statistics touch a few dozen buffers; before, a scrape read every row twice', async () => {
      const plan = await statsPlan();
      expect(plan.rowsRead('outbox_message')).toBeLessThanOrEqual(DEFAULT_BACKLOG_CAP + 2);
      // 10,001 index entries are a few dozen index pages; the heap is visited for the age only.
      expect(plan.buffers).toBeLessThan(200);

      // The statistics before: every pending row counted, the whole table read; once for each
      // of the outbox gauges on every scrape.
      const before = await explainAnalyze(
        db.dataSource,
        `SELECT count(*)::int AS backlog,
                COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS oldest
           FROM outbox_message WHERE sent_at IS NULL`,
        [],
        { indexOrder: false },
      );
      expect(before.rowsRead('outbox_message')).toBeGreaterThanOrEqual(ROWS / 2);
      expect(before.buffers).toBeGreaterThan(50 * plan.buffers);
    });

    it.each(batches)('one %s retention batch deletes its batch, walking the index', (...args) =>
      expectBoundedBatch(...args),
    );

    it('a retention run stops at its bound per table; the rest waits for the next', async () => {
      const runner = new RetentionRunner({
        dataSource: db.dataSource,
        service: 'scale',
        logger: pino({ level: 'silent' }),
        metrics: new MessagingMetrics(),
        batchRows: BATCH,
        maxRowsPerRun: 20 * BATCH,
      });
      expect(await runner.runOnce()).toEqual({
        result: 'more',
        pruned: { outbox: 20 * BATCH, inbox: 20 * BATCH },
      });
      // The oldest went first: 20,000 sent rows are 1.9 hours' worth, 20,000 inbox rows 1.4 days'.
      const [oldest] = await db.dataSource.query(
        `SELECT (SELECT min(sent_at) FROM outbox_message) > now() - interval '47 hours' AS outbox,
                (SELECT min(processed_at) FROM inbox_message) > now() - interval '69 days' AS inbox`,
      );
      expect(oldest).toEqual({ outbox: true, inbox: true });
    });
  });

  /** The pruner a runner with the default retentions builds. */
  function prunerFor(name: 'outbox' | 'inbox'): TablePruner {
    const runner = new RetentionRunner({
      dataSource: db.dataSource,
      service: 'scale',
      logger: pino({ level: 'silent' }),
      metrics: new MessagingMetrics(),
    });
    return runner.pruners[name];
  }
});
