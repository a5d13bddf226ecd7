import { execFile } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { promisify } from 'util';
import { SERVICE_DATABASES } from '../postgres/services';
import { ensurePrometheus, prometheusConfig } from './prometheus-process';

const run = promisify(execFile);
jest.setTimeout(300_000);

describe('the scrape configuration npm start and the browser test give Prometheus', () => {
  beforeAll(() => ensurePrometheus());

  it('promtool accepts it: every service one target with its name, the rules files found', async () => {
    const targets = SERVICE_DATABASES.map((d) => ({
      service: d.service,
      address: `127.0.0.1:${d.port}`,
    }));
    const text = prometheusConfig({ targets, intervalSeconds: 15 });
    const dir = mkdtempSync(join(tmpdir(), 'prom-config-'));
    try {
      writeFileSync(join(dir, 'prometheus.json'), text);
      const { stdout } = await run('promtool', ['check', 'config', join(dir, 'prometheus.json')]);
      expect(stdout).toContain('is valid prometheus config file syntax');
      expect(stdout).toContain(`SUCCESS: 2 rule files found`);
      expect(stdout).toMatch(/pipeline\.rules\.yml\n\s+SUCCESS: \d+ rules found/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const config = JSON.parse(text);
    const labelled = config.scrape_configs[0].static_configs.map(
      (c: { targets: string[]; labels: { service: string } }) => [c.labels.service, c.targets[0]],
    );
    expect(labelled).toEqual(SERVICE_DATABASES.map((d) => [d.service, `127.0.0.1:${d.port}`]));
  });

  it("the committed prometheus.yml (npm run prometheus) scrapes every service's port", async () => {
    const { stdout } = await run('promtool', [
      'check',
      'config',
      resolve(__dirname, 'prometheus.yml'),
    ]);
    expect(stdout).toContain('is valid prometheus config file syntax');
    const { readFileSync } = await import('fs');
    const text = readFileSync(resolve(__dirname, 'prometheus.yml'), 'utf8');
    for (const d of SERVICE_DATABASES) {
      expect(text).toContain(
        `- targets: ['127.0.0.1:${d.port}']\n        labels: { service: ${d.service} }`,
      );
    }
  });
});
