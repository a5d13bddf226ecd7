import 'reflect-metadata';
import { listen, loadConfig } from '@complaints/platform';
import { IntakeConfig } from './config/intake.config';
import { createIntakeApp } from './intake-app.factory';

async function main(): Promise<void> {
  const config = loadConfig(IntakeConfig);
  const app = await createIntakeApp(config);
  await listen(app, config.PORT, config.HOST);
}

main().catch((err) => {
  process.stderr.write(
    `intake failed to start: ${err instanceof Error ? err.stack : String(err)}\n`,
  );
  process.exit(1);
});
