import 'reflect-metadata';
import { listen, loadConfig } from '@complaints/platform';
import { ArchivingConfig } from './config/archiving.config';
import { createArchivingApp } from './archiving-app.factory';

async function main(): Promise<void> {
  const config = loadConfig(ArchivingConfig);
  const app = await createArchivingApp(config);
  await listen(app, config.PORT, config.HOST);
}

main().catch((err) => {
  process.stderr.write(
    `archiving failed to start: ${err instanceof Error ? err.stack : String(err)}\n`,
  );
  process.exit(1);
});
