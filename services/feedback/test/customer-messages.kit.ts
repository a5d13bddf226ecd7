import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomInt, randomUUID } from 'crypto';
import {
  ComplaintSummary,
  EVENT_TYPES,
  IntakeChannel,
  Language,
  TOPICS,
  validateEnvelope,
} from '@complaints/contracts';
import { aReceivedEvent, aRoutedEvent } from '@complaints/contracts/testing';
import { Clock, loadConfig } from '@complaints/platform';
import {
  freePort,
  readTopics,
  ServiceTestEnv,
  serviceTestEnv,
  testIdentity,
  waitFor,
} from '@complaints/testing';
import { FeedbackConfig } from '../src/config/feedback.config';
import { createFeedbackApp } from '../src/feedback-app.factory';
import { MessageDto } from '../src/messages/dto/message-proof.dto';

/** The mail sink infra:up runs (infra/smtp): SMTP on 2525, its listing on 2526. */
const SINK = process.env['MAIL_SINK_URL'] ?? 'http://127.0.0.1:2526';
export const CALLBACK_TOKEN = 'test-callback-token-0123456789';

export interface SunkMail {
  to: string[];
  subject: string;
  text: string;
}
export interface SunkSms {
  to: string;
  text: string;
}

export async function mailTo(address: string): Promise<SunkMail[]> {
  const res = await fetch(`${SINK}/mail?to=${encodeURIComponent(address)}`);
  return (await res.json()) as SunkMail[];
}

export async function smsTo(number: string): Promise<SunkSms[]> {
  const res = await fetch(`${SINK}/sms?to=${encodeURIComponent(number)}`);
  return (await res.json()) as SunkSms[];
}

/** An address no other test run uses, at a domain the sink treats as `kind`. */
export function anEmail(kind: 'ok' | 'bounce' | 'defer' = 'ok'): string {
  const domain = { ok: 'example.test', bounce: 'bounce.test', defer: 'defer.test' }[kind];
  return `cust-${randomUUID().slice(0, 12)}@${domain}`;
}

/** A mobile number no other run uses (never ending in 0000 or 9999, the sink's failure cases). */
export function aPhone(): string {
  return `+86139${String(randomInt(1000, 9998))}${String(randomInt(1000, 9998))}`;
}

export function aReference(): string {
  return `CMP-2026-${String(randomInt(0, 1e7)).padStart(7, '0')}`;
}

export interface MessagesWorld {
  env: ServiceTestEnv;
  app: NestFastifyApplication;
  headers: (role: 'officer' | 'operator' | 'analyst') => Promise<Record<string, string>>;
  /** The complaint as intake logged it and classification routed it. */
  complain(o: {
    email?: string;
    phone?: string;
    channel?: IntakeChannel;
    language?: Language;
  }): Promise<{
    complaintId: string;
    reference: string;
    summary: ComplaintSummary;
    decisionDueAt: string;
  }>;
  messages(complaintId: string, until: (m: MessageDto[]) => boolean): Promise<MessageDto[]>;
  acknowledged(
    complaintId: string,
  ): Promise<{ channel: string; proofId: string; acknowledgedAt: string }>;
  close(): Promise<void>;
}

export async function messagesWorld(
  overrides: Record<string, string> = {},
  clock?: Clock,
): Promise<MessagesWorld> {
  const identity = await testIdentity();
  const env = await serviceTestEnv('feedback-msg');
  const port = await freePort();
  const config = loadConfig(FeedbackConfig, {
    ...env.env,
    PORT: String(port),
    OIDC_ISSUER: identity.issuer,
    SEND_SWEEP_INTERVAL_MS: '100',
    SEND_RETRY_BASE_MS: '100',
    SEND_MAX_ATTEMPTS: '2',
    SMS_CALLBACK_URL: `http://127.0.0.1:${port}/v1/deliveries/sms`,
    SMS_CALLBACK_TOKEN: CALLBACK_TOKEN,
    ...overrides,
  });
  const app = await createFeedbackApp(config, clock);
  await app.listen(port, '127.0.0.1');
  const headers = async (role: 'officer' | 'operator' | 'analyst') => ({
    authorization: `Bearer ${await identity.token(role)}`,
  });

  return {
    env,
    app,
    headers,
    async complain(o) {
      const complaintId = randomUUID();
      const reference = aReference();
      const language = o.language ?? 'zh';
      const channel = o.channel ?? 'web';
      const received = aReceivedEvent({
        complaintId,
        payload: {
          referenceNumber: reference,
          channel,
          language,
          customer: {
            name: 'Test Customer',
            ...(o.email ? { email: o.email } : {}),
            ...(o.phone ? { phone: o.phone } : {}),
          },
          receivedAt: '2026-01-02T01:00:00.000Z',
        },
      });
      const summary: ComplaintSummary = {
        referenceNumber: reference,
        channel,
        productLine: 'motor',
        language,
        subject: 'Claim payment delayed',
        description: 'The claim filed in December is still unpaid.',
        receivedAt: '2026-01-02T01:00:00.000Z',
      };
      const decisionDueAt = '2026-01-17T01:00:00.000Z';
      const routed = aRoutedEvent({ complaintId, payload: { complaint: summary, decisionDueAt } });
      await env.publish(received, routed);
      return { complaintId, reference, summary, decisionDueAt };
    },
    async messages(complaintId, until) {
      const auth = await headers('officer');
      return waitFor(`the messages of ${complaintId}`, async () => {
        const res = await app.inject({
          method: 'GET',
          url: `/v1/messages/${complaintId}`,
          headers: auth,
        });
        const body = res.statusCode === 200 ? (res.json() as MessageDto[]) : undefined;
        return body && until(body) ? body : undefined;
      });
    },
    async acknowledged(complaintId) {
      const topic = env.prefix + TOPICS.acknowledged;
      const find = (ms: { key: string | null; value: string | null }[]) =>
        ms
          .filter((m) => m.key === complaintId)
          .map((m) => validateEnvelope(JSON.parse(m.value ?? ''), 'produce'))
          .find((r) => r.ok && r.envelope.type === EVENT_TYPES.acknowledged);
      const found = find(await readTopics(env.brokers, [topic], (ms) => Boolean(find(ms))));
      if (!found?.ok || found.envelope.type !== EVENT_TYPES.acknowledged) {
        throw new Error('no acknowledgement event');
      }
      return found.envelope.payload;
    },
    async close() {
      await app.close();
      await env.cleanup();
    },
  };
}
