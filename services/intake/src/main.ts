import 'reflect-metadata';
import { createServiceApp, listen, loadConfig } from '@complaints/platform';
import { AppModule } from './app.module';
import { IntakeConfig } from './config/intake.config';

async function main(): Promise<void> {
  const config = loadConfig(IntakeConfig);
  const app = await createServiceApp(AppModule.with(config), {
    title: 'Complaint intake',
    description: 'Other systems submit complaints here and follow their status.',
    bodyLimit: config.MAX_BODY_BYTES,
  });
  await listen(app, config.PORT, config.HOST);
}

main().catch((err) => {
  process.stderr.write(`intake failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
