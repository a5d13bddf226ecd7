/**
 * The project's local outbox for customer messages: an SMTP server (npm `smtp-server`) that
 * keeps every e-mail it accepts, and an SMS gateway stand-in over HTTP that keeps every text it
 * is asked to send. Both are listed over HTTP ("sent mail") for tests and the workbench.
 *
 *   SMTP   127.0.0.1:$SMTP_PORT (2525)      no TLS, no auth (local only)
 *   HTTP   127.0.0.1:$MAIL_SINK_HTTP_PORT (2526)
 *     GET  /health
 *     GET  /mail?to=<address>                e-mails received, newest last
 *     POST /sms/v1/messages                  the gateway API (Bearer $SMS_GATEWAY_KEY)
 *     GET  /sms?to=<number>                  texts received, newest last
 *
 * Recipients that exercise failure paths (so tests can see a bounce without the internet):
 * e-mail to any address @bounce.test is refused with 550 (permanent), @defer.test with 451
 * (transient); a text to a number ending in 0000 is refused with 400 (permanent).
 * A text sent with `callbackUrl` gets a delivery receipt POSTed there (status `delivered`;
 * `failed` for numbers ending in 9999) with the header `x-callback-token: <callbackToken>`,
 * retried with backoff while the callback answers anything but 2xx (SMS_CALLBACK_ATTEMPTS, 8:
 * about 25 s in all), as real gateways do.
 *
 * What arrives is kept under $MAIL_SINK_DIR (.data/smtp): one JSON file per message.
 */
import { randomUUID } from 'crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { createServer, IncomingMessage, ServerResponse } from 'http';
import { simpleParser } from 'mailparser';
import { join, resolve } from 'path';
import { SMTPServer } from 'smtp-server';

const host = '127.0.0.1';
const smtpPort = Number(process.env['SMTP_PORT'] ?? 2525);
const httpPort = Number(process.env['MAIL_SINK_HTTP_PORT'] ?? 2526);
const gatewayKey = process.env['SMS_GATEWAY_KEY'] ?? 'local-sms-key';
/** Tries per delivery receipt while the callback answers anything but 2xx. */
const callbackAttempts = Math.max(1, Number(process.env['SMS_CALLBACK_ATTEMPTS'] ?? 8));
const dir = resolve(process.env['MAIL_SINK_DIR'] ?? join(__dirname, '../../.data/smtp'));
/** Stored messages listed per request at most; the newest are kept. */
const LIST_LIMIT = 500;
const MAX_MAIL_BYTES = 2 * 1024 * 1024;

interface StoredMail {
  id: string;
  messageId: string | undefined;
  from: string;
  to: string[];
  subject: string;
  text: string;
  receivedAt: string;
}

interface StoredSms {
  id: string;
  to: string;
  text: string;
  sender: string | undefined;
  receivedAt: string;
}

for (const kind of ['mail', 'sms']) mkdirSync(join(dir, kind), { recursive: true });

/** What arrived, oldest first, per kind: read from disk at start, appended as messages come. */
const held: Record<'mail' | 'sms', { to: string[] | string }[]> = { mail: [], sms: [] };
/** Messages held in memory per kind; older ones stay on disk only. */
const HELD_LIMIT = 20_000;

for (const kind of ['mail', 'sms'] as const) {
  const names = readdirSync(join(dir, kind)).sort().slice(-HELD_LIMIT);
  for (const name of names)
    held[kind].push(JSON.parse(readFileSync(join(dir, kind, name), 'utf8')));
}

function store(kind: 'mail' | 'sms', record: StoredMail | StoredSms): void {
  writeFileSync(join(dir, kind, `${Date.now()}-${record.id}.json`), JSON.stringify(record));
  held[kind].push(record);
  if (held[kind].length > HELD_LIMIT) held[kind].shift();
}

function list(kind: 'mail' | 'sms', to: string | undefined): unknown[] {
  const matches = held[kind].filter(
    (r) => !to || (Array.isArray(r.to) ? r.to.includes(to) : r.to.toLowerCase() === to),
  );
  return matches.slice(-LIST_LIMIT);
}

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  size: MAX_MAIL_BYTES,
  logger: false,
  onRcptTo(address, _session, callback) {
    const domain = address.address.split('@')[1]?.toLowerCase();
    if (domain === 'bounce.test') {
      return callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
    }
    if (domain === 'defer.test') {
      return callback(Object.assign(new Error('4.2.1 try again later'), { responseCode: 451 }));
    }
    callback();
  },
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const record: StoredMail = {
          id: randomUUID(),
          messageId: mail.messageId,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          receivedAt: new Date().toISOString(),
        };
        store('mail', record);
        callback(null, `queued as ${record.id}`);
      })
      .catch((err: Error) => callback(err));
  },
});

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
}

/**
 * Posts the delivery receipt as a real gateway does: soon after accepting the text, and again
 * with backoff while the callback does not answer 2xx (a receiver that is busy, restarting or
 * has not recorded the send yet), at most SMS_CALLBACK_ATTEMPTS times (delays 50 ms, then
 * doubling from 200 ms).
 */
function receipt(callbackUrl: string, token: string, messageId: string, to: string): void {
  const status = to.endsWith('9999') ? 'failed' : 'delivered';
  const body = JSON.stringify({ messageId, status, at: new Date().toISOString() });
  const post = (attempt: number): void => {
    fetch(callbackUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-callback-token': token },
      body,
      signal: AbortSignal.timeout(10_000),
    })
      .then(async (res) => {
        await res.arrayBuffer().catch(() => undefined);
        return res.ok;
      })
      .catch(() => false)
      .then((delivered) => {
        if (!delivered && attempt < callbackAttempts) {
          setTimeout(() => post(attempt + 1), 100 * 2 ** attempt);
        }
      });
  };
  setTimeout(() => post(1), 50);
}

async function sendSms(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.headers.authorization !== `Bearer ${gatewayKey}`) {
    return reply(res, 401, { error: 'unauthorized' });
  }
  const body = await readJson(req);
  const { to, text, sender, callbackUrl, callbackToken } = body;
  if (typeof to !== 'string' || !/^\+?[0-9 -]{5,20}$/.test(to) || typeof text !== 'string') {
    return reply(res, 400, { error: 'invalid_request', detail: 'to and text are required' });
  }
  if (to.endsWith('0000')) return reply(res, 400, { error: 'unreachable_number' });
  const record: StoredSms = {
    id: randomUUID(),
    to,
    text,
    sender: typeof sender === 'string' ? sender : undefined,
    receivedAt: new Date().toISOString(),
  };
  store('sms', record);
  if (typeof callbackUrl === 'string') {
    receipt(callbackUrl, typeof callbackToken === 'string' ? callbackToken : '', record.id, to);
  }
  reply(res, 202, { messageId: record.id, status: 'accepted' });
}

const http = createServer((req, res) => {
  const url = new URL(req.url ?? '/', `http://${host}`);
  const to = url.searchParams.get('to')?.toLowerCase();
  const handle = async (): Promise<void> => {
    if (req.method === 'GET' && url.pathname === '/health') return reply(res, 200, { ok: true });
    if (req.method === 'GET' && url.pathname === '/mail') {
      return reply(res, 200, list('mail', to));
    }
    if (req.method === 'GET' && url.pathname === '/sms') {
      return reply(res, 200, list('sms', to));
    }
    if (req.method === 'POST' && url.pathname === '/sms/v1/messages') return sendSms(req, res);
    reply(res, 404, { error: 'not_found' });
  };
  handle().catch(() => reply(res, 400, { error: 'bad_request' }));
});

smtp.listen(smtpPort, host, () => {
  http.listen(httpPort, host, () => {
    process.stdout.write(
      `mail sink: SMTP on ${host}:${smtpPort}, HTTP on ${host}:${httpPort}, keeping ${dir}\n`,
    );
  });
});

const stop = (): void => {
  // Idle keep-alive connections would hold close() open: give them a second, then go.
  setTimeout(() => process.exit(0), 1000).unref();
  http.close();
  http.closeAllConnections();
  smtp.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
