import 'reflect-metadata';
import { listen, loadConfig } from '@complaints/platform';
import { DeadlinesConfig } from './config/deadlines.config';
import { createDeadlinesApp } from './deadlines-app.factory';

async function main(): Promise<void> {
  const config = loadConfig(DeadlinesConfig);
  const app = await createDeadlinesApp(config);
  await listen(app, config.PORT, config.HOST);
}

main().catch((err) => {
  process.stderr.write(
    `deadlines failed to start: ${err instanceof Error ? err.stack : String(err)}\n`,
  );
  process.exit(1);
});
