import { loadWorkbenchConfig } from './config/workbench.config';
import { createWorkbenchServer } from './server/workbench-server';

async function main(): Promise<void> {
  const config = loadWorkbenchConfig();
  const app = await createWorkbenchServer(config);
  const stop = (): void => {
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  await app.listen({ port: config.port, host: config.host });
}

main().catch((err) => {
  process.stderr.write(
    `workbench failed to start: ${err instanceof Error ? err.stack : String(err)}\n`,
  );
  process.exit(1);
});
