import 'reflect-metadata';
import { createServiceApp, listen, loadConfig } from '@complaints/platform';
import { AppModule } from './app.module';
import { ClassificationConfig } from './config/classification.config';

async function main(): Promise<void> {
  const config = loadConfig(ClassificationConfig);
  const app = await createServiceApp(AppModule.with(config), {
    title: 'Complaint classification',
    description:
      'Classifies each received complaint into the four classes, sets severity, priority and the green channel, ' +
      'routes it to a department with SLA deadlines, and lets people try the rules.',
  });
  await listen(app, config.PORT, config.HOST);
}

main().catch((err) => {
  process.stderr.write(
    `classification failed to start: ${err instanceof Error ? err.stack : String(err)}\n`,
  );
  process.exit(1);
});
