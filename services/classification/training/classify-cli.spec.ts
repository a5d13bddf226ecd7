import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');
const run = (cli: string, args: string[]) =>
  spawnSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, cli), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('the classify commands', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'classify-cli-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('classify:eval prints per-class figures, the confusion matrix, department accuracy and the closing line', () => {
    const file = join(dir, 'held-back.jsonl');
    writeFileSync(
      file,
      [
        {
          description: 'The app crashes when I log in.',
          label: 'technical',
          department: 'it-operations',
        },
        {
          subject: '理赔',
          description: '我的理赔申请被拒赔了，理由不清楚。',
          language: 'zh',
          label: 'business_handling',
        },
        { text: 'The agent shouted at me and hung up.', label: 'staff_service' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const r = run('classify-eval.cli.ts', [file, '--no-embeddings']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^model clf-\d{8}T\d{6}\/ngram$/);
    expect(r.stdout).toContain('confusion (rows: labelled, columns: predicted)');
    expect(r.stdout).toMatch(/department accuracy \d\.\d{3}/);
    expect(lines.at(-1)).toBe('macro-F1 1.000, accuracy 1.000 on 3 complaints');
  });

  it('classify:train names every bad line of a labels file and trains nothing', () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(
      bad,
      ['{"text":"ok","label":"technical"}', '{oops', '{"text":"x","label":"spam"}'].join('\n'),
    );
    const out = join(dir, 'candidate.json');
    const r = run('classify-train.cli.ts', [
      '--no-db',
      '--no-embeddings',
      '--labels',
      bad,
      '--out',
      out,
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('nothing trained');
    expect(r.stderr).toContain(`${bad}:2: not JSON`);
    expect(r.stderr).toContain(`${bad}:3: unknown label "spam"`);
    expect(existsSync(out)).toBe(false);
  });
});
