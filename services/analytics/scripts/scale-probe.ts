/**
 * How the read models' queries scale (not the benchmark: no Kafka, no HTTP): fills a schema of
 * its own with N generated complaint facts (default 1,000,000) straight in SQL, then times a
 * quarter's hotspots, the quarterly report, the China return and fairness as the service runs
 * them; and times the rebuild's apply path (validate, project, write) on a sample of records.
 *
 *   node -r @swc-node/register services/analytics/scripts/scale-probe.ts [N]
 *
 * Needs DATABASE_URL (or .data/infra.env) of a role that may create schemas; drops its schema.
 */
import 'reflect-metadata';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { createEnvelope, EVENT_TYPES, validateEnvelope } from '@complaints/contracts';
import { anArchivedPayload } from '@complaints/contracts/testing';
import { MESSAGING_MIGRATIONS, serviceDataSourceOptions } from '@complaints/messaging';
import { loadConfig, SystemClock } from '@complaints/platform';
import { testInfra } from '@complaints/testing';
import { ImprovementActionsService } from '../src/actions/improvement-actions.service';
import { AnalyticsConfig } from '../src/config/analytics.config';
import { FairnessService } from '../src/fairness/fairness.service';
import { HotspotsService } from '../src/hotspots/hotspots.service';
import { ANALYTICS_MIGRATIONS } from '../src/migrations';
import { projectComplaint } from '../src/read-models/complaint.projection';
import { parsePeriod, Period } from '../src/read-models/periods';
import { writeProjections } from '../src/read-models/read-model.writer';
import { PolicyCountsRepository } from '../src/reference/policy-counts.repository';
import { ReportService } from '../src/reports/report.service';
import { CnQuarterlyReturnService } from '../src/returns/cn-quarterly-return.service';
import { RootCauseCountsService } from '../src/root-causes/root-cause-counts.service';
import { TaxonomyProvider } from '../src/root-causes/taxonomy.provider';

const out = (line: string): void => void process.stdout.write(`${line}\n`);

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = process.hrtime.bigint();
  const result = await run();
  out(`${label}: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(2)} s`);
  return result;
}

const FILL = `
  INSERT INTO complaint_fact
  SELECT gen_random_uuid(), gen_random_uuid(), r.at, (r.at AT TIME ZONE 'Asia/Shanghai')::date,
         (ARRAY['phone','email','web','app','branch','social','regulator_referral'])[1 + i % 7],
         (ARRAY['life','health','motor','property','liability','travel','other'])[1 + (i / 7) % 7],
         'cn-r' || (i % 31), 'cn-b' || (i % 400),
         (ARRAY['product_service','business_handling','staff_service','technical'])[1 + i % 4],
         'sub-' || (i % 12), 'medium', 'P2', i % 9 = 0, 'dept-' || (i % 7), false,
         r.at + interval '15 days', r.at + (i % 20) * interval '1 day', i % 20 < 15,
         r.at + (i % 20 + 2) * interval '1 day', 'satisfied',
         (ARRAY['upheld','partially_upheld','rejected'])[1 + i % 3], (i % 11 = 0)::int, 1,
         (SELECT code FROM root_cause WHERE version = 1 ORDER BY position OFFSET i % 19 LIMIT 1),
         'derived', CASE WHEN i % 3 = 0 THEN 50000 END, CASE WHEN i % 3 = 0 THEN 'CNY' END,
         1, 1 + i % 5, true, r.at + interval '30 days'
    FROM generate_series(1, $1::int) AS i,
         LATERAL (SELECT timestamptz '2025-01-01' + (i::float8 / $1) * interval '730 days' AS at) r`;

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 1_000_000);
  const { databaseUrl } = await testInfra();
  const schema = `scale_probe_${Date.now()}`;
  const admin = new DataSource({ type: 'postgres', url: databaseUrl });
  await admin.initialize();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const ds = new DataSource(
    serviceDataSourceOptions({
      url: databaseUrl,
      schema,
      entities: [],
      migrations: [...MESSAGING_MIGRATIONS, ...ANALYTICS_MIGRATIONS],
      poolSize: 4,
      limits: { statementTimeoutMs: 0, idleInTransactionTimeoutMs: 0 },
    }),
  );
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await timed(`fill ${n} facts`, () => ds.query(FILL, [n]));
    await timed(`fill ${n} decisions`, () =>
      ds.query(`INSERT INTO decision_fact SELECT complaint_id, 1, final_outcome,
                  'h' || (abs(hashtext(complaint_id::text)) % 300), root_cause_code, root_cause_source,
                  first_decided_at, first_decided_at::date, compensation_minor, compensation_currency
                  FROM complaint_fact`),
    );
    await ds.query(`ANALYZE complaint_fact; ANALYZE decision_fact`);
    const config = loadConfig(AnalyticsConfig, {});
    const clock = new SystemClock();
    const taxonomy = new TaxonomyProvider(ds);
    await taxonomy.onModuleInit();
    const policies = new PolicyCountsRepository(ds, clock);
    const hotspots = new HotspotsService(ds, policies, config);
    const report = new ReportService(
      ds,
      hotspots,
      new RootCauseCountsService(ds, taxonomy),
      new ImprovementActionsService(ds, taxonomy, clock, config),
      clock,
      config,
    );
    const quarter = parsePeriod('2026-Q2') as Period;
    await timed('hotspots by subcategory, 2026-Q2', () =>
      hotspots.hotspots('subcategory', quarter),
    );
    await timed('hotspots by branch, 2026-Q2', () => hotspots.hotspots('branch', quarter));
    await timed('quarterly report 2026-Q2', () => report.report(quarter));
    await timed('yearly report 2025', () => report.report(parsePeriod('2025') as Period));
    await timed('China return 2026-Q2', () =>
      new CnQuarterlyReturnService(ds, taxonomy).build(quarter),
    );
    await timed('fairness by handler, 2026-Q2', () =>
      new FairnessService(ds, config).fairness('handler', quarter),
    );

    // The rebuild's apply path per record: validate the envelope, project, write (batches of 500).
    const sample = 20_000;
    const wire = Array.from({ length: sample }, () =>
      JSON.stringify(
        createEnvelope({
          type: EVENT_TYPES.archived,
          complaintId: randomUUID(),
          producer: 'archiving',
          payload: anArchivedPayload({ complaintId: randomUUID() }),
        }),
      ),
    );
    await ds.query(`CREATE TABLE probe_fact (LIKE complaint_fact INCLUDING ALL)`);
    await ds.query(`CREATE TABLE probe_decision (LIKE decision_fact INCLUDING ALL)`);
    let parsing = 0;
    let writing = 0;
    for (let i = 0; i < sample; i += 500) {
      const t0 = Date.now();
      const projections = wire.slice(i, i + 500).map((w) => {
        const result = validateEnvelope(JSON.parse(w), 'consume');
        if (!result.ok || result.envelope.type !== EVENT_TYPES.archived) throw new Error('invalid');
        return projectComplaint(
          result.envelope.payload,
          result.envelope.eventId,
          taxonomy.taxonomy,
          'Asia/Shanghai',
        );
      });
      const t1 = Date.now();
      await writeProjections((sql, p) => ds.query(sql, p), projections, {
        facts: 'probe_fact',
        decisions: 'probe_decision',
      });
      parsing += t1 - t0;
      writing += Date.now() - t1;
    }
    const perSecond = sample / ((parsing + writing) / 1000);
    out(
      `apply path: ${Math.round(perSecond)} records/s (${sample} records: ${parsing} ms validating ` +
        `and projecting, ${writing} ms writing); ${n} would take ${(n / perSecond / 60).toFixed(1)} min ` +
        `plus the broker's read`,
    );
  } finally {
    await ds.destroy().catch(() => undefined);
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
