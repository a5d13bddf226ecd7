import 'reflect-metadata';
import { createServiceApp, listen, loadConfig } from '@complaints/platform';
import { AppModule } from './app.module';
import { FeedbackConfig } from './config/feedback.config';

async function main(): Promise<void> {
  const config = loadConfig(FeedbackConfig);
  const app = await createServiceApp(AppModule.with(config), {
    title: 'Complaint feedback',
    description:
      'Sends the decision to the customer, takes their satisfaction survey, and reopens or closes the complaint.',
    bodyLimit: config.MAX_BODY_BYTES,
  });
  await listen(app, config.PORT, config.HOST);
}

main().catch((err) => {
  process.stderr.write(
    `feedback failed to start: ${err instanceof Error ? err.stack : String(err)}\n`,
  );
  process.exit(1);
});
