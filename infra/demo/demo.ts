/**
 * `npm run demo`, against the stack `npm start` runs: sends the sample complaints (Chinese
 * and English, all four classes), plays the handlers and the customers through the APIs
 * (one customer is unhappy, so that complaint reopens), and shows each reach the archive.
 */
import { randomUUID } from 'crypto';
import {
  LOCAL_PIPELINE,
  PipelineClient,
  PipelineUrls,
  SAMPLE_COMPLAINTS,
  eventually,
  playJourney,
} from '@complaints/pipeline-client';

async function checkRunning(urls: PipelineUrls): Promise<void> {
  for (const [name, url] of Object.entries(urls)) {
    const ready = await fetch(`${url}/health/ready`).then((r) => r.ok).catch(() => false);
    if (!ready) {
      console.error(`${name} does not answer at ${url}: start the pipeline with \`npm start\` first.`);
      process.exit(1);
    }
  }
}

async function main(): Promise<void> {
  const urls = LOCAL_PIPELINE;
  await checkRunning(urls);
  const client = new PipelineClient(urls);
  const run = randomUUID().slice(0, 8);
  console.log(`Sending ${SAMPLE_COMPLAINTS.length} complaints to intake...\n`);
  const rows = await Promise.all(
    SAMPLE_COMPLAINTS.map(async (sample, i) => {
      const accepted = await client.submit(sample, `DEMO-${run}-${i + 1}`, 'demo');
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
      const classification = archived['classification'] as { category: string; department: string; greenChannel: boolean };
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
  console.log('\nEvery complaint went intake -> classification -> investigation -> feedback -> archive.');
  console.log(`Look one up: curl ${urls.archiving}/v1/archive/<id>   (ids: curl ${urls.intake}/v1/complaints/<id>)`);
  console.log(`Metrics: curl ${urls.intake}/metrics   OpenAPI: ${urls.intake}/docs`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
