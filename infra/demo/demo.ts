/**
 * `npm run demo`, against the stack `npm start` runs: sends the sample complaints (Chinese
 * and English, all four classes), plays the handlers and the customers through the APIs
 * (one customer is unhappy, so that complaint reopens), and shows each reach the archive.
 */
import { randomUUID } from 'crypto';
import { existsSync, readFileSync } from 'fs';
import { resolve } from 'path';
import {
  LOCAL_PIPELINE,
  PipelineClient,
  PipelineUrls,
  SAMPLE_COMPLAINTS,
  eventually,
  playJourney,
} from '@complaints/pipeline-client';
import { demoTokens } from '@complaints/testing';

async function checkRunning(urls: PipelineUrls): Promise<void> {
  for (const [name, url] of Object.entries(urls)) {
    const ready = await fetch(`${url}/health/ready`)
      .then((r) => r.ok)
      .catch(() => false);
    if (!ready) {
      console.error(
        `${name} does not answer at ${url}: start the pipeline with \`npm start\` first.`,
      );
      process.exit(1);
    }
  }
}

/** INTAKE_API_KEY, else the key `npm start` made for the demo in .data/. */
function intakeApiKey(): string {
  const fromEnv = process.env['INTAKE_API_KEY'];
  if (fromEnv) return fromEnv;
  const file = resolve(__dirname, '../../.data/intake-demo.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  console.error(
    'No intake API key: `npm start` makes one in .data/intake-demo.key, or set INTAKE_API_KEY ' +
      '(npm run intake:key -- create --system demo).',
  );
  process.exit(1);
}

async function main(): Promise<void> {
  const urls = LOCAL_PIPELINE;
  await checkRunning(urls);
  const client = new PipelineClient(urls, { apiKey: intakeApiKey(), tokens: demoTokens() });
  const run = randomUUID().slice(0, 8);
  console.log(`Sending ${SAMPLE_COMPLAINTS.length} complaints to intake...\n`);
  const rows = await Promise.all(
    SAMPLE_COMPLAINTS.map(async (sample, i) => {
      const reference = `DEMO-${run}-${i + 1}`;
      // The reference doubles as the idempotency key: a retried submission is answered, not repeated.
      const accepted = await client.submit(sample, reference, { idempotencyKey: reference });
      const dissatisfiedFirst = i === 0;
      const journey = await playJourney(client, accepted.id, {
        outcome: i % 3 === 2 ? 'rejected' : 'upheld',
        dissatisfiedFirst,
      });
      const archived = await eventually(
        `the archive record of ${accepted.referenceNumber}`,
        () => client.findArchived(accepted.id),
        60_000,
        200,
      );
      const status = await client.status(accepted.id);
      const classification = archived['classification'] as {
        category: string;
        department: string;
        greenChannel: boolean;
      };
      return {
        reference: accepted.referenceNumber,
        subject: sample.subject.slice(0, 28),
        class: classification.category,
        department: classification.department,
        green: classification.greenChannel ? 'yes' : '',
        rounds: journey.rounds,
        status: status.status,
        archived: 'sealed',
      };
    }),
  );
  console.table(rows);
  console.log(
    '\nEvery complaint went intake -> classification -> investigation -> feedback -> archive.',
  );
  console.log(
    `Look one up as the analyst: curl -H "authorization: Bearer $(npm run -s auth:token -- analyst | tail -n 1)" ${urls.archiving}/v1/archive/<id>`,
  );
  console.log(
    `  its audit trail as the auditor: curl -H "authorization: Bearer $(npm run -s auth:token -- auditor | tail -n 1)" "${urls.archiving}/v1/audit?complaintId=<id>"`,
  );
  console.log(
    `  or its status: curl -H "authorization: Bearer $(cat .data/intake-demo.key)" ${urls.intake}/v1/complaints/<id>`,
  );
  console.log(`Metrics: curl ${urls.intake}/metrics   OpenAPI: ${urls.intake}/docs`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
