import { execFile } from 'child_process';
import { createHash } from 'crypto';
import { resolve } from 'path';
import { promisify } from 'util';
import { EVENT_TYPES, TOPICS, validateEnvelope } from '@complaints/contracts';
import { anInvestigatedEvent } from '@complaints/contracts/testing';
import { readTopics, waitFor } from '@complaints/testing';
import { anEmail, mailTo, MessagesWorld, messagesWorld } from './customer-messages.kit';

jest.setTimeout(240_000);

const ROOT = resolve(__dirname, '../../..');

/** The PDF's pages and text, as pdf.js reads them (in a child process, see pdf-text.cjs). */
async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string; title: string }> {
  return new Promise((done, fail) => {
    const child = execFile(
      process.execPath,
      [resolve(__dirname, 'pdf-text.cjs')],
      { cwd: ROOT, timeout: 60_000, maxBuffer: 10_000_000 },
      (err, stdout) => (err ? fail(err) : done(JSON.parse(stdout))),
    );
    child.stdin?.end(pdf);
  });
}

describe('feedback: post as a channel — a PDF letter to print, and its registered-mail number (real PostgreSQL, Kafka, SMTP sink)', () => {
  let world: MessagesWorld;

  beforeAll(async () => {
    // The font letters are set in: the project installs Debian's fonts-noto-cjk when missing.
    await promisify(execFile)('bash', ['services/analytics/scripts/ensure-cjk-font.sh'], {
      cwd: ROOT,
      timeout: 300_000,
    });
    world = await messagesWorld();
  });
  afterAll(() => world?.close());

  it('prints the decision letter in Chinese as a PDF kept with its hash, records its posting with a checked registered-mail number, and the proof says so', async () => {
    const email = anEmail();
    const { complaintId, summary, reference } = await world.complain({ email, language: 'zh' });
    const findings = '经核实，您的理赔材料已于2月11日齐全，因审批遗漏导致付款延误。';
    await world.env.publish(
      anInvestigatedEvent({ complaintId, payload: { complaint: summary, summary: findings } }),
    );
    await waitFor('the decision letter by e-mail', async () =>
      (await mailTo(email)).length >= 2 ? true : undefined,
    );
    const officer = await world.headers('officer');
    const inject = (method: 'GET' | 'POST', url: string, payload?: object) =>
      world.app.inject({ method, url, headers: officer, ...(payload ? { payload } : {}) });

    const printed = await inject('POST', `/v1/messages/${complaintId}/letters`, {
      kind: 'decision',
    });
    expect(printed.statusCode).toBe(201);
    const letter = printed.json() as {
      id: string;
      pdfHash: string;
      proofId: string;
      deliveryStatus: string;
    };
    expect(letter.deliveryStatus).toBe('printed');
    // Printing again before posting is the same letter.
    const again = await inject('POST', `/v1/messages/${complaintId}/letters`, { kind: 'decision' });
    expect(again.json()).toMatchObject({ id: letter.id, pdfHash: letter.pdfHash });

    const pdf = await inject('GET', `/v1/messages/${complaintId}/letters/${letter.id}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(letter.pdfHash);
    const read = await pdfText(pdf.rawPayload);
    expect(read.title).toBe(`投诉处理决定书（投诉编号：${reference}）`);
    const text = read.text.replace(/\s+/g, '');
    expect(text).toContain(`投诉编号:${reference}`);
    expect(text).toContain(findings);
    expect(text).toContain('30日内向我司申请内部复核');
    expect(text).toContain('/answer#t=');

    const posting = (payload: object) =>
      inject('POST', `/v1/messages/${complaintId}/letters/${letter.id}/posting`, payload);
    // Posted after printing and not in the future: now (a second earlier could precede the
    // print when the steps above run fast, and be refused as posted before printed).
    const postedAt = new Date().toISOString();
    const wrongCheck = await posting({ registeredNumber: 'EA123456784CN', postedAt });
    expect(wrongCheck.statusCode).toBe(400);
    expect(wrongCheck.json()).toMatchObject({
      code: 'LETTER.BAD_REGISTERED_NUMBER',
      errors: [{ field: 'registeredNumber' }],
    });
    const future = await posting({
      registeredNumber: 'EA123456785CN',
      postedAt: '2999-01-01T00:00:00Z',
    });
    expect(future.statusCode).toBe(422);
    expect(future.body).toContain('postedAt');
    const noDate = await posting({ registeredNumber: 'EA123456785CN' });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.body).toContain('postedAt');

    // A number that no other run uses: the serial from the clock, its check digit computed.
    const serial = String(Date.now()).slice(-8);
    const weights = [8, 6, 4, 2, 3, 5, 9, 7];
    const sum = [...serial].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0);
    const check = 11 - (sum % 11);
    const number = `RR${serial}${check === 10 ? 0 : check === 11 ? 5 : check}CN`;
    const posted = await posting({ registeredNumber: number, postedAt });
    expect(posted.statusCode).toBe(200);
    expect(posted.json()).toMatchObject({
      registeredNumber: number,
      postedAt,
      deliveryStatus: 'sent',
    });
    expect((await posting({ registeredNumber: number, postedAt })).statusCode).toBe(409);

    const messages = await world.messages(complaintId, (ms) =>
      ms.some((m) => m.proofs.some((p) => p.channel === 'post' && p.deliveryStatus === 'sent')),
    );
    const proof = messages.flatMap((m) => m.proofs).find((p) => p.channel === 'post');
    expect(proof).toMatchObject({
      id: letter.proofId,
      contentHash: letter.pdfHash,
      providerMessageId: number,
      sentAt: postedAt,
      templateId: 'decision-letter',
      templateVersion: 3,
    });

    // Printing, reading and posting are in the audit trail, with who did it.
    const topic = world.env.prefix + TOPICS.audit;
    const actions = (ms: { key: string | null; value: string | null }[]) =>
      ms
        .filter((m) => m.key === complaintId)
        .map((m) => validateEnvelope(JSON.parse(m.value ?? ''), 'consume'))
        .flatMap((r) =>
          r.ok && r.envelope.type === EVENT_TYPES.audited ? [r.envelope.payload.action] : [],
        );
    const audited = actions(
      await readTopics(world.env.brokers, [topic], (ms) => actions(ms).includes('letter.posted')),
    );
    expect(audited).toEqual(
      expect.arrayContaining(['letter.printed', 'letter.read', 'letter.posted']),
    );
  });

  it('refuses to print a message the complaint does not have, and people who may not', async () => {
    const { complaintId } = await world.complain({ email: anEmail() });
    const officer = await world.headers('officer');
    const none = await world.app.inject({
      method: 'POST',
      url: `/v1/messages/${complaintId}/letters`,
      headers: officer,
      payload: { kind: 'extension' },
    });
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ code: 'LETTER.NOTHING_TO_PRINT' });
    const bad = await world.app.inject({
      method: 'POST',
      url: `/v1/messages/${complaintId}/letters`,
      headers: officer,
      payload: { kind: 'poem' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('kind');
    for (const role of ['operator', 'analyst'] as const) {
      const res = await world.app.inject({
        method: 'POST',
        url: `/v1/messages/${complaintId}/letters`,
        headers: await world.headers(role),
        payload: { kind: 'acknowledgement' },
      });
      expect(res.statusCode).toBe(403);
    }
  });
});
