import { ChildProcess, spawn } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { freePort, waitFor } from '@complaints/testing';

jest.setTimeout(120_000);

const ROOT = resolve(__dirname, '../..');

/**
 * The SMS gateway stand-in calls back as a real gateway does: a receipt the receiver does not
 * take (503, 409, unreachable) is posted again with backoff, never just dropped. A private sink
 * (free ports, its own folder) so the shared one is not touched.
 */
describe('the mail sink: the SMS stand-in retries its delivery receipts', () => {
  let sink: ChildProcess;
  let sinkUrl: string;
  let dir: string;
  let receiver: Server;
  let receiverUrl: string;
  const calls: { token: string | undefined; body: { messageId: string; status: string } }[] = [];
  let refuseFirst = 0;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        calls.push({
          token: req.headers['x-callback-token'] as string | undefined,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        });
        const refuse = calls.length <= refuseFirst;
        res.writeHead(refuse ? 503 : 202, { 'content-type': 'application/json' });
        res.end(refuse ? '{"code":"BUSY"}' : '{"receipt":"applied"}');
      });
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/v1/deliveries/sms`;
    dir = mkdtempSync(join(tmpdir(), 'mail-sink-'));
    const [smtpPort, httpPort] = [await freePort(), await freePort()];
    sinkUrl = `http://127.0.0.1:${httpPort}`;
    sink = spawn(process.execPath, ['-r', '@swc-node/register', 'infra/smtp/mail-sink.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        SMTP_PORT: String(smtpPort),
        MAIL_SINK_HTTP_PORT: String(httpPort),
        MAIL_SINK_DIR: dir,
      },
      stdio: 'ignore',
    });
    await waitFor(
      'the private mail sink',
      async () => (await fetch(`${sinkUrl}/health`).catch(() => undefined))?.ok || undefined,
      60_000,
    );
  });

  afterAll(async () => {
    if (sink && sink.exitCode === null) {
      const exited = new Promise((done) => sink.once('exit', done));
      sink.kill('SIGTERM');
      await exited;
    }
    await new Promise((done) => receiver?.close(done));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const send = async (to: string) => {
    const res = await fetch(`${sinkUrl}/sms/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer local-sms-key' },
      body: JSON.stringify({
        to,
        text: 'Your complaint CMP-2026-0000001',
        callbackUrl: receiverUrl,
        callbackToken: 'callback-token-0123456789',
      }),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { messageId: string }).messageId;
  };

  it('posts the receipt again after a 503, until the receiver takes it, and no more', async () => {
    refuseFirst = 2;
    const messageId = await send('+8613900001234');
    const got = await waitFor(
      'the receipt taken on the third try',
      async () => (calls.length >= 3 ? calls : undefined),
      60_000,
    );
    expect(got.map((c) => [c.token, c.body.messageId, c.body.status])).toEqual([
      ['callback-token-0123456789', messageId, 'delivered'],
      ['callback-token-0123456789', messageId, 'delivered'],
      ['callback-token-0123456789', messageId, 'delivered'],
    ]);
    // Taken: a fourth one would be a duplicate. The next backoff step (800 ms) comes and goes.
    await new Promise((done) => setTimeout(done, 2000));
    expect(calls).toHaveLength(3);
  });
});
