import 'reflect-metadata';
import { createServiceApp, listen, loadConfig } from '@complaints/platform';
import { AppModule } from './app.module';
import { ArchivingConfig } from './config/archiving.config';

async function main(): Promise<void> {
  const config = loadConfig(ArchivingConfig);
  const app = await createServiceApp(AppModule.with(config), {
    title: 'Complaint archive',
    description:
      "Keeps every complaint's pseudonymised timeline and seals one record per closed complaint, " +
      'published on complaints.archived.v1 for analysts.',
  });
  await listen(app, config.PORT, config.HOST);
}

main().catch((err) => {
  process.stderr.write(
    `archiving failed to start: ${err instanceof Error ? err.stack : String(err)}\n`,
  );
  process.exit(1);
});
