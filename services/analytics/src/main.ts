import 'reflect-metadata';
import { listen, loadConfig } from '@complaints/platform';
import { AnalyticsConfig } from './config/analytics.config';
import { createAnalyticsApp } from './analytics-app.factory';

async function main(): Promise<void> {
  const config = loadConfig(AnalyticsConfig);
  const app = await createAnalyticsApp(config);
  await listen(app, config.PORT, config.HOST);
}

main().catch((err) => {
  process.stderr.write(
    `analytics failed to start: ${err instanceof Error ? err.stack : String(err)}\n`,
  );
  process.exit(1);
});
