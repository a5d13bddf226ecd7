/**
 * `npm run analytics:rebuild`: rebuilds every read model from complaints.archived.v1, replayed
 * from the beginning with a fresh consumer group (see rebuildReadModels). Connects like the
 * service (DATABASE_URL, DATABASE_SCHEMA, KAFKA_BROKERS, TOPIC_PREFIX, REPORT_TIME_ZONE) and
 * runs its migrations first. Its last line is exactly `rebuilt N complaints into K read models`.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { MESSAGING_MIGRATIONS, serviceDataSourceOptions } from '@complaints/messaging';
import { loadConfig } from '@complaints/platform';
import { AnalyticsConfig } from '../config/analytics.config';
import { ANALYTICS_MIGRATIONS } from '../migrations';
import { READ_MODEL_COUNT } from '../read-models/read-model.writer';
import { rebuildReadModels } from '../read-models/rebuild';
import { loadTaxonomy } from '../root-causes/taxonomy.loader';

const out = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const config = loadConfig(AnalyticsConfig);
  const dataSource = new DataSource(
    serviceDataSourceOptions({
      url: config.DATABASE_URL,
      schema: config.DATABASE_SCHEMA ?? 'analytics',
      entities: [],
      migrations: [...MESSAGING_MIGRATIONS, ...ANALYTICS_MIGRATIONS],
      poolSize: 2,
      applicationName: 'analytics-rebuild',
      // Copying a million rows takes longer than a request may.
      limits: { statementTimeoutMs: 0, idleInTransactionTimeoutMs: 0 },
    }),
  );
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await runner.connect();
    const taxonomy = await loadTaxonomy((sql, params) => runner.query(sql, params));
    const started = Date.now();
    const result = await rebuildReadModels(runner, taxonomy, {
      brokers: config.KAFKA_BROKERS,
      topicPrefix: config.TOPIC_PREFIX,
      timeZone: config.REPORT_TIME_ZONE,
      log: out,
    });
    out(
      `replayed ${result.messages} messages in ${((Date.now() - started) / 1000).toFixed(1)} s` +
        ` (${result.skipped} not valid archived records, skipped;` +
        ` ${result.caughtUp} complaints applied meanwhile by the service, kept)`,
    );
    out(`rebuilt ${result.complaints} complaints into ${READ_MODEL_COUNT} read models`);
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(
    `analytics:rebuild failed: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
