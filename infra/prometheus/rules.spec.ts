import { execFile } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { promisify } from 'util';

const run = promisify(execFile);
const HERE = __dirname;
const ROOT = resolve(HERE, '../..');

// Installing Debian's prometheus package on a clean machine takes a while (once).
jest.setTimeout(300_000);

interface Outcome {
  code: number;
  output: string;
}

async function outcome(file: string, args: string[], cwd: string): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, timeout: 120_000 });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, output: `${e.stdout}${e.stderr}` };
  }
}

describe('the alerting and recording rules (promtool, Debian prometheus package)', () => {
  beforeAll(async () => {
    await run('bash', [join(ROOT, 'infra/bin/ensure-prometheus.sh')], { timeout: 280_000 });
  });

  it('every rules file is valid and every rules test passes (npm run prometheus -- test)', async () => {
    const result = await outcome('bash', [join(HERE, 'prometheus.sh'), 'test'], ROOT);
    expect({ code: result.code, output: result.output }).toEqual({
      code: 0,
      output: expect.stringContaining('Unit Testing:  ./deadlines.rules.test.yml\n  SUCCESS'),
    });
    expect(result.output).toMatch(/deadlines\.rules\.yml\n\s+SUCCESS: \d+ rules found/);
    // The pipeline's rules: lag, stalled consumers, dead letters, outbox, services down.
    expect(result.output).toContain('Unit Testing:  ./pipeline.rules.test.yml\n  SUCCESS');
    expect(result.output).toMatch(/pipeline\.rules\.yml\n\s+SUCCESS: \d+ rules found/);
  });

  it('the pipeline rules would fail on a wrong threshold: a lag alert expected too early', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    try {
      writeFileSync(
        join(dir, 'pipeline.rules.yml'),
        readFileSync(join(HERE, 'pipeline.rules.yml')),
      );
      const test = readFileSync(join(HERE, 'pipeline.rules.test.yml'), 'utf8');
      // The lag alert waits 5 minutes above 100: at minute 5 it must not fire yet.
      const wrong = test.replace(
        'eval_time: 8m\n        alertname: ComplaintsConsumerLagHigh',
        'eval_time: 5m\n        alertname: ComplaintsConsumerLagHigh',
      );
      expect(wrong).not.toBe(test);
      writeFileSync(join(dir, 'wrong.test.yml'), wrong);
      const result = await outcome('promtool', ['test', 'rules', 'wrong.test.yml'], dir);
      expect(result.code).not.toBe(0);
      expect(result.output).toContain('ComplaintsConsumerLagHigh');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('would fail CI on a wrong expectation: promtool exits non-zero naming the alert', async () => {
    // The breach test with its expected severity changed: the rules must not pass it.
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    try {
      writeFileSync(
        join(dir, 'deadlines.rules.yml'),
        readFileSync(join(HERE, 'deadlines.rules.yml')),
      );
      const test = readFileSync(join(HERE, 'deadlines.rules.test.yml'), 'utf8');
      const wrong = test.replace('severity: warning', 'severity: page');
      expect(wrong).not.toBe(test);
      writeFileSync(join(dir, 'wrong.test.yml'), wrong);
      const result = await outcome('promtool', ['test', 'rules', 'wrong.test.yml'], dir);
      expect(result.code).not.toBe(0);
      expect(result.output).toContain('ComplaintDeadlineBreached');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
