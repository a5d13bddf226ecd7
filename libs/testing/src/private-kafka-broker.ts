import { execFile } from 'child_process';
import { mkdtemp, rm } from 'fs/promises';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { promisify } from 'util';
import { freePort } from './free-port';

const ROOT = resolve(__dirname, '../../..');
const KAFKA_SH = resolve(ROOT, 'infra/kafka/kafka.sh');
const run = promisify(execFile);

/**
 * A Kafka broker of one test's own, run by infra/kafka/kafka.sh on free ports with its data in
 * a temporary folder, for tests that stop and start a broker. The shared broker other tests
 * use in parallel is never touched.
 */
export class PrivateKafkaBroker {
  private constructor(
    readonly port: number,
    private readonly controllerPort: number,
    private readonly dataDir: string,
  ) {}

  /** Formats and starts a new broker (about 15 s). */
  static async start(label: string): Promise<PrivateKafkaBroker> {
    const port = await freePort();
    let controllerPort = await freePort();
    while (controllerPort === port) controllerPort = await freePort();
    const dataDir = await mkdtemp(join(tmpdir(), `kafka-${label.replace(/[^a-z0-9-]/gi, '-')}-`));
    const broker = new PrivateKafkaBroker(port, controllerPort, dataDir);
    await broker.start();
    return broker;
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  /** Starts the broker again on the same ports and data. */
  async start(): Promise<void> {
    await this.kafkaSh('start');
  }

  /** Stops the broker gracefully (SIGTERM); what it acknowledged stays in its data folder. */
  async stop(): Promise<void> {
    await this.kafkaSh('stop');
  }

  /** Stops the broker and deletes its data. */
  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    await rm(this.dataDir, { recursive: true, force: true });
  }

  private async kafkaSh(command: 'start' | 'stop'): Promise<void> {
    await run('bash', [KAFKA_SH, command], {
      cwd: ROOT,
      timeout: 120_000,
      env: {
        ...process.env,
        KAFKA_PORT: String(this.port),
        KAFKA_CONTROLLER_PORT: String(this.controllerPort),
        KAFKA_DATA_DIR: this.dataDir,
        // Small: it runs beside the shared broker and the services on a 2-core machine; 384 MB
        // leaves room for the log cleaner's 128 MiB dedupe buffer (256 MB ran out at start).
        KAFKA_HEAP_OPTS: '-Xms128m -Xmx384m',
      },
    });
  }
}
