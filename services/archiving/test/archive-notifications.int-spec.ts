import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { v4 as uuidv4 } from 'uuid';
import { ComplaintArchivedV1 } from '@complaints/contracts';
import { loadConfig } from '@complaints/platform';
import { ManualClock } from '@complaints/platform/testing';
import {
  ServiceTestEnv,
  serviceTestEnv,
  testIdentity,
  TestIdentity,
  waitFor,
} from '@complaints/testing';
import { proofsOfNotification, withProofs } from './notification-proofs.fixture';
import { createArchivingApp } from '../src/archiving-app.factory';
import { ArchivingConfig } from '../src/config/archiving.config';
import { aFullLifecycle, PERSONAL_STRINGS, TEST_PSEUDONYM_KEY } from './complaint-lifecycles';

jest.setTimeout(180_000);

describe('archiving: the sealed record holds the proofs of notification (real Kafka, PostgreSQL, Keycloak)', () => {
  let env: ServiceTestEnv;
  let app: NestFastifyApplication;
  let identity: TestIdentity;

  beforeAll(async () => {
    identity = await testIdentity();
    env = await serviceTestEnv('archiving-proofs');
    const config = loadConfig(ArchivingConfig, {
      ...env.env,
      PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
      OIDC_ISSUER: identity.issuer,
    });
    app = await createArchivingApp(config, new ManualClock('2026-01-05T09:00:00.000Z'));
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  it('seals the proofs feedback carried on the closure, masked, into the record analysts read', async () => {
    const complaintId = uuidv4();
    await env.publish(...withProofs(aFullLifecycle(complaintId), proofsOfNotification()));
    const authorization = `Bearer ${await identity.token('analyst')}`;
    const record = await waitFor(
      'the sealed record',
      async () => {
        const res = await app.inject({
          method: 'GET',
          url: `/v1/archive/${complaintId}`,
          headers: { authorization },
        });
        return res.statusCode === 200 ? (res.json() as ComplaintArchivedV1) : undefined;
      },
      120_000,
      250,
    );
    expect(record.notifications).toHaveLength(3);
    expect(record.notifications?.[0]).toEqual(
      proofsOfNotification().find((p) => p.messageKind === 'acknowledgement'),
    );
    expect(record.notifications?.map((p) => p.maskedAddress)).toEqual([
      'l***@e***.com',
      '*******8000',
      'postal address on the envelope',
    ]);
    for (const leak of PERSONAL_STRINGS) expect(JSON.stringify(record)).not.toContain(leak);
  });
});
