import { ChildProcess, execFile, spawn } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { resolve } from 'path';
import { promisify } from 'util';

const HERE = __dirname;
const ROOT = resolve(HERE, '../..');

/** Every rules file Prometheus evaluates (the ones `promtool test rules` checks). */
export const RULE_FILES = ['deadlines.rules.yml', 'pipeline.rules.yml'].map((f) =>
  resolve(HERE, f),
);

export interface ScrapeTarget {
  service: string;
  /** host:port of the service's /metrics */
  address: string;
}

export interface PrometheusSettings {
  targets: readonly ScrapeTarget[];
  /** seconds between scrapes and between rule evaluations */
  intervalSeconds: number;
  /** where the generated configuration and the time series go */
  dataDir: string;
  port: number;
  host?: string;
}

/**
 * The scrape configuration for a set of running services (JSON, which is YAML): one job,
 * `complaints`, one target per service labelled with its name, the rules of infra/prometheus.
 * honor_labels keeps the outbox metrics' own `service` label (the same value).
 */
export function prometheusConfig(
  s: Pick<PrometheusSettings, 'targets' | 'intervalSeconds'>,
): string {
  const interval = `${s.intervalSeconds}s`;
  return JSON.stringify(
    {
      global: { scrape_interval: interval, evaluation_interval: interval },
      rule_files: RULE_FILES,
      scrape_configs: [
        {
          job_name: 'complaints',
          metrics_path: '/metrics',
          honor_labels: true,
          scrape_timeout: `${Math.max(1, Math.min(10, s.intervalSeconds))}s`,
          static_configs: s.targets.map((t) => ({
            targets: [t.address],
            labels: { service: t.service },
          })),
        },
      ],
    },
    null,
    2,
  );
}

/** Debian's prometheus package, installed when missing (infra/bin/ensure-prometheus.sh). */
export async function ensurePrometheus(): Promise<void> {
  await promisify(execFile)('bash', [resolve(ROOT, 'infra/bin/ensure-prometheus.sh')], {
    timeout: 300_000,
  });
}

/** A Prometheus process scraping `targets`; its configuration is written to dataDir. */
export function spawnPrometheus(s: PrometheusSettings): ChildProcess {
  mkdirSync(resolve(s.dataDir, 'tsdb'), { recursive: true });
  const configFile = resolve(s.dataDir, 'prometheus.json');
  writeFileSync(configFile, prometheusConfig(s));
  return spawn(
    'prometheus',
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${resolve(s.dataDir, 'tsdb')}`,
      `--web.listen-address=${s.host ?? '127.0.0.1'}:${s.port}`,
      '--storage.tsdb.retention.time=7d',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
}
