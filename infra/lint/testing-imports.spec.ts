import { execFileSync } from 'child_process';
import { resolve } from 'path';

/**
 * The lint rule in eslint.config.mjs that keeps test factories (fake personal data), the
 * manual clock and the test harness out of production code. Each source is linted as if it
 * were the given file, by ESLint with the workspace's config, in one child process (ESLint
 * loads its ESM config, which Jest's module system does not).
 */
const ROOT = resolve(__dirname, '../..');

const LINT = `
const { ESLint } = require('eslint');
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const { file, source } of cases) {
    const [result] = await eslint.lintText(source, { filePath: file });
    out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').length);
  }
  process.stdout.write(JSON.stringify(out));
})().catch((err) => { process.stderr.write(String(err.stack)); process.exit(2); });
`;

/** How many imports the rule refuses in each case, in order. */
function refusedImports(cases: { file: string; source: string }[]): number[] {
  const stdout = execFileSync(process.execPath, ['-e', LINT], {
    cwd: ROOT,
    input: JSON.stringify(cases),
    encoding: 'utf8',
  });
  return JSON.parse(stdout);
}

const TEST_IMPORTS = [
  "import { ManualClock } from '@complaints/platform/testing';",
  "import { aReceivedEvent } from '@complaints/contracts/testing';",
  "import { waitFor } from '@complaints/testing';",
  'export const used = [ManualClock, aReceivedEvent, waitFor];',
].join('\n');
const OWN_TESTING_FOLDER = [
  "import { testTime } from './testing/payload.factories';",
  "import * as testing from '../testing';",
  'export const used = [testTime, testing];',
].join('\n');

const REFUSED = [
  'services/intake/src/complaints/complaints.service.ts',
  'services/archiving/src/main.ts',
  'libs/platform/src/bootstrap.ts',
  'libs/pipeline-client/src/index.ts',
];
const ALLOWED = [
  'services/intake/src/complaints/complaints.service.spec.ts',
  'services/intake/test/submit-complaint.int-spec.ts',
  'services/archiving/test/complaint-lifecycles.ts',
  'services/pipeline-e2e/test/pipeline-world.ts',
  'libs/messaging/test/messaging.int-spec.ts',
  'libs/contracts/src/testing/event.factories.ts',
  'libs/testing/src/service-under-test.ts',
  'bench/src/support/sample-events.ts',
  'infra/demo/demo.ts',
];

jest.setTimeout(60_000);

describe('lint: testing entry points stay out of production code', () => {
  let results: Map<string, number>;

  beforeAll(() => {
    const cases = [
      ...[...REFUSED, ...ALLOWED].map((file) => ({ file, source: TEST_IMPORTS })),
      { file: 'libs/contracts/src/topics.ts', source: OWN_TESTING_FOLDER },
    ];
    const counts = refusedImports(cases);
    results = new Map(cases.map((c, i) => [`${c.file}|${c.source}`, counts[i]]));
  });

  it.each(REFUSED)('refuses all three in %s', (file) => {
    expect(results.get(`${file}|${TEST_IMPORTS}`)).toBe(3);
  });

  it("refuses a library's own testing folder by relative path", () => {
    expect(results.get(`libs/contracts/src/topics.ts|${OWN_TESTING_FOLDER}`)).toBe(2);
  });

  it.each(ALLOWED)('allows them in %s', (file) => {
    expect(results.get(`${file}|${TEST_IMPORTS}`)).toBe(0);
  });
});
