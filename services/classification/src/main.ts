import 'reflect-metadata';
import { listen, loadConfig } from '@complaints/platform';
import { ClassificationConfig } from './config/classification.config';
import { createClassificationApp } from './classification-app.factory';

async function main(): Promise<void> {
  const config = loadConfig(ClassificationConfig);
  const app = await createClassificationApp(config);
  await listen(app, config.PORT, config.HOST);
}

main().catch((err) => {
  process.stderr.write(
    `classification failed to start: ${err instanceof Error ? err.stack : String(err)}\n`,
  );
  process.exit(1);
});
