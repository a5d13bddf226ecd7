import 'reflect-metadata';
import { createServiceApp, listen, loadConfig } from '@complaints/platform';
import { AppModule } from './app.module';
import { InvestigationConfig } from './config/investigation.config';

async function main(): Promise<void> {
  const config = loadConfig(InvestigationConfig);
  const app = await createServiceApp(AppModule.with(config), {
    title: 'Complaint investigation',
    description:
      "Handlers work their department's queue of cases, keep notes and record decisions.",
  });
  await listen(app, config.PORT, config.HOST);
}

main().catch((err) => {
  process.stderr.write(
    `investigation failed to start: ${err instanceof Error ? err.stack : String(err)}\n`,
  );
  process.exit(1);
});
