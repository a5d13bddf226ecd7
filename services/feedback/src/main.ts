import 'reflect-metadata';
import { listen, loadConfig } from '@complaints/platform';
import { FeedbackConfig } from './config/feedback.config';
import { createFeedbackApp } from './feedback-app.factory';

async function main(): Promise<void> {
  const config = loadConfig(FeedbackConfig);
  const app = await createFeedbackApp(config);
  await listen(app, config.PORT, config.HOST);
}

main().catch((err) => {
  process.stderr.write(
    `feedback failed to start: ${err instanceof Error ? err.stack : String(err)}\n`,
  );
  process.exit(1);
});
