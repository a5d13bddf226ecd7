import 'reflect-metadata';
import { listen, loadConfig } from '@complaints/platform';
import { InvestigationConfig } from './config/investigation.config';
import { createInvestigationApp } from './investigation-app.factory';

async function main(): Promise<void> {
  const config = loadConfig(InvestigationConfig);
  const app = await createInvestigationApp(config);
  await listen(app, config.PORT, config.HOST);
}

main().catch((err) => {
  process.stderr.write(
    `investigation failed to start: ${err instanceof Error ? err.stack : String(err)}\n`,
  );
  process.exit(1);
});
