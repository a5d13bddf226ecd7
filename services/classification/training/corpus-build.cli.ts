/**
 * Turns the authored corpus files (corpus/data/<lang>-<class>-<n>.txt, one complaint a line:
 * `subcategory code|product code|channel code|text`) into corpus/train.jsonl and
 * corpus/test.jsonl. The split is fixed: a complaint whose text's SHA-256 falls in the lowest
 * fifth of the hash range is held out for testing (about 20% of each language and class), so
 * adding complaints never moves an old one from train to test or back.
 *
 * Usage: npm run classify:corpus
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  COMPLAINT_CATEGORIES,
  INTAKE_CHANNELS,
  LANGUAGES,
  PRODUCT_LINES,
} from '@complaints/contracts';
import type { ComplaintCategory } from '@complaints/contracts';
import type { LabelledComplaint } from '../src/model/labelled-complaint';
import { routingTable } from './cli-support';

const SUBCATEGORY: Record<string, [ComplaintCategory, string]> = {
  cl: ['business_handling', 'claims'],
  su: ['business_handling', 'surrender'],
  un: ['business_handling', 'underwriting'],
  /** billing and policy changes: handled by policy services, like underwriting */
  bi: ['business_handling', 'underwriting'],
  pt: ['product_service', 'policy_terms'],
  pf: ['product_service', 'product_features'],
  sp: ['product_service', 'service_process'],
  at: ['staff_service', 'attitude'],
  ef: ['staff_service', 'efficiency'],
  ex: ['staff_service', 'expertise'],
  ss: ['technical', 'system_stability'],
  is: ['technical', 'information_security'],
};
const PRODUCT: Record<string, string> = {
  m: 'motor',
  h: 'health',
  l: 'life',
  p: 'property',
  t: 'travel',
  li: 'liability',
  o: 'other',
};
const CHANNEL: Record<string, string> = {
  ph: 'phone',
  em: 'email',
  web: 'web',
  app: 'app',
  branch: 'branch',
  social: 'social',
  regulator_referral: 'regulator_referral',
};
const TEST_SHARE = 0.2;

/** By the text's own hash, so a complaint stays on its side however the corpus grows. */
function inTestSplit(sha256: string): boolean {
  return parseInt(sha256.slice(0, 8), 16) / 0x100000000 < TEST_SHARE;
}

const corpusDir = join(__dirname, '..', 'corpus');
const dataDir = join(corpusDir, 'data');
const problems: string[] = [];
const departmentOf = routingTable();
const all: (LabelledComplaint & { hash: string })[] = [];
const seen = new Set<string>();

for (const file of readdirSync(dataDir).sort()) {
  const m = /^(zh|en)-([a-z_]+)-\d+\.txt$/.exec(file);
  if (!m) continue;
  const [, language, fileClass] = m;
  readFileSync(join(dataDir, file), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${file}:${i + 1}`;
      const [sub, product, channel, ...rest] = line.split('|');
      const text = rest.join('|').trim();
      const cls = SUBCATEGORY[sub];
      if (!cls || cls[0] !== fileClass) return void problems.push(`${where}: subcategory ${sub}`);
      if (!PRODUCT[product]) return void problems.push(`${where}: product ${product}`);
      if (!CHANNEL[channel]) return void problems.push(`${where}: channel ${channel}`);
      if (text.length < 15) return void problems.push(`${where}: text too short`);
      if (seen.has(text)) return void problems.push(`${where}: duplicate text`);
      seen.add(text);
      all.push({
        id: `${language}-${createHash('sha1').update(text).digest('hex').slice(0, 10)}`,
        language: language as LabelledComplaint['language'],
        label: cls[0],
        subcategory: cls[1],
        department: departmentOf(cls[0], cls[1]),
        productLine: PRODUCT[product] as LabelledComplaint['productLine'],
        channel: CHANNEL[channel] as LabelledComplaint['channel'],
        text,
        source: 'authored',
        hash: createHash('sha256').update(text).digest('hex'),
      });
    });
}
if (problems.length) {
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.exit(1);
}

const train: LabelledComplaint[] = [];
const test: LabelledComplaint[] = [];
for (const language of LANGUAGES) {
  for (const label of COMPLAINT_CATEGORIES) {
    const cell = all
      .filter((c) => c.language === language && c.label === label)
      .sort((a, b) => a.hash.localeCompare(b.hash));
    for (const { hash, ...c } of cell) (inTestSplit(hash) ? test : train).push(c);
  }
}
// Keep the vocabulary lists honest: every value used must be one the contracts know.
for (const c of all) {
  if (
    !PRODUCT_LINES.includes(c.productLine as never) ||
    !INTAKE_CHANNELS.includes(c.channel as never)
  )
    throw new Error(`unknown vocabulary in ${c.id}`);
}
const toJsonl = (rows: LabelledComplaint[]): string =>
  rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
writeFileSync(join(corpusDir, 'train.jsonl'), toJsonl(train));
writeFileSync(join(corpusDir, 'test.jsonl'), toJsonl(test));
process.stdout.write(`${all.length} complaints: ${train.length} train, ${test.length} test\n`);
