import 'reflect-metadata';
import { Client } from 'pg';
import { loadConfig } from '@complaints/platform';
import { DeadlinesConfig } from '../src/config/deadlines.config';
import { replayClocks, replayLine } from '../src/replay/clock-replay';

/**
 * `npm run deadlines:replay`: rebuilds every clock from the topics and compares it with the
 * deadlines schema. Last line: `replayed N complaints: M match, K differ`; exit 1 when K > 0.
 */
async function main(): Promise<void> {
  const config = loadConfig(DeadlinesConfig);
  const client = new Client({ connectionString: config.DATABASE_URL });
  await client.connect();
  try {
    const schema = config.DATABASE_SCHEMA ?? 'deadlines';
    await client.query(`SET search_path TO "${schema.replace(/"/g, '""')}"`);
    const report = await replayClocks({
      brokers: config.KAFKA_BROKERS,
      topicPrefix: config.TOPIC_PREFIX,
      timeZone: config.DEADLINES_TIME_ZONE,
      query: async (sql, params) => (await client.query(sql, params)).rows,
    });
    for (const id of report.differing) process.stdout.write(`differs: ${id}\n`);
    process.stdout.write(`${replayLine(report)}\n`);
    process.exitCode = report.differ > 0 ? 1 : 0;
  } finally {
    await client.end();
  }
}

main().catch((err) => {
  process.stderr.write(`replay failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
