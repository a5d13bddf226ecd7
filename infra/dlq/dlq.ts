/**
 * `npm run dlq -- <command>`: the dead letters every service's consumers gave up on.
 *
 *   list [--service NAME] [--status parked|replayed|discarded|all] [--json]
 *   show ID --service NAME [--with-payload]
 *   replay ID --service NAME
 *   discard ID --service NAME --reason TEXT
 *
 * Environment: DATABASE_URL (a login that may read the services' schemas; default the local
 * superuser), KAFKA_BROKERS (for replay; default 127.0.0.1:9092). Replay puts the original
 * message back on its topic for the consumer to apply through its normal path, and refuses,
 * saying why, when the complaint has moved on since. `show` leaves the payload out (it holds
 * personal data) unless --with-payload is given.
 */
import 'reflect-metadata';
import { userInfo } from 'os';
import { parseArgs } from 'util';
import pino from 'pino';
import { DataSource } from 'typeorm';
import {
  createKafka,
  createProducer,
  DeadLetterAdmin,
  DeadLetterStatus,
  DeadLetterSummary,
  ReplayRefusedError,
} from '@complaints/messaging';
import { SERVICE_DATABASES } from '../postgres/services';

const USAGE = `usage: npm run dlq -- <command>
  list [--service NAME] [--status parked|replayed|discarded|all] [--json]
  show ID --service NAME [--with-payload]
  replay ID --service NAME
  discard ID --service NAME --reason TEXT
services: ${SERVICE_DATABASES.map((s) => s.service).join(', ')}
environment: DATABASE_URL, KAFKA_BROKERS`;

const STATUSES = ['parked', 'replayed', 'discarded', 'all'] as const;

class UsageError extends Error {}

const out = (text: string): void => void process.stdout.write(`${text}\n`);

function schemaOf(service: string | undefined): { service: string; schema: string } {
  const found = SERVICE_DATABASES.find((s) => s.service === service);
  if (!found) {
    throw new UsageError(service ? `unknown service ${service}` : '--service is required');
  }
  return found;
}

function row(s: DeadLetterSummary, service: string): string {
  return [
    service.padEnd(14),
    s.id.padStart(5),
    s.status.padEnd(9),
    s.code.padEnd(24),
    s.group.padEnd(34),
    `${s.topic}[${s.partition}]@${s.offset}`.padEnd(36),
    s.complaintId ?? '-',
    s.forwarded ? 'forwarded' : `not forwarded${s.forwardError ? ` (${s.forwardError})` : ''}`,
  ].join(' ');
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      service: { type: 'string' },
      status: { type: 'string', default: 'parked' },
      reason: { type: 'string' },
      json: { type: 'boolean', default: false },
      'with-payload': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, id] = positionals;
  if (values.help || !command) throw new UsageError('');
  if (command !== 'list' && !/^\d+$/.test(id ?? ''))
    throw new UsageError(`${command} needs a dead letter's numeric ID`);
  const dataSource = new DataSource({
    type: 'postgres',
    url: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/complaints',
    extra: { max: 1 },
  });
  await dataSource.initialize();
  const actor = userInfo().username;
  try {
    if (command === 'list') {
      const status = values.status as DeadLetterStatus | 'all';
      if (!STATUSES.includes(status))
        throw new UsageError(`--status must be one of ${STATUSES.join(', ')}`);
      const services = values.service ? [schemaOf(values.service)] : SERVICE_DATABASES;
      const all: { service: string; letters: DeadLetterSummary[] }[] = [];
      for (const s of services) {
        try {
          const letters = await new DeadLetterAdmin(dataSource, s.schema).list(status);
          all.push({ service: s.service, letters });
        } catch (err) {
          // 42P01: the service has not run its migrations here yet (never started).
          if ((err as { driverError?: { code?: string } }).driverError?.code !== '42P01') throw err;
          process.stderr.write(`${s.service}: no dead-letter table yet (start the service once)\n`);
        }
      }
      if (values.json) out(JSON.stringify(all, null, 2));
      else {
        for (const { service, letters } of all) for (const l of letters) out(row(l, service));
        out(`${all.reduce((n, s) => n + s.letters.length, 0)} dead letters (${status})`);
      }
      return 0;
    }
    const { service, schema } = schemaOf(values.service);
    const admin = new DeadLetterAdmin(dataSource, schema);
    if (command === 'show') {
      const found = await admin.show(id);
      if (!found)
        throw new ReplayRefusedError('DEAD_LETTER.NOT_FOUND', `no dead letter ${id} in ${service}`);
      out(
        JSON.stringify(
          values['with-payload']
            ? found
            : { ...found, value: '(left out; --with-payload shows it)' },
          null,
          2,
        ),
      );
      return 0;
    }
    if (command === 'discard') {
      if (!values.reason?.trim()) throw new UsageError('discard needs --reason');
      out(row(await admin.discard(id, actor, values.reason.trim()), service));
      return 0;
    }
    if (command === 'replay') {
      const kafka = createKafka({
        brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
        clientId: 'dlq-cli',
        logger: pino({ level: 'error' }),
      });
      const producer = createProducer(kafka);
      await producer.connect();
      try {
        out(row(await admin.replay(id, actor, producer), service));
      } finally {
        await producer.disconnect();
      }
      return 0;
    }
    throw new UsageError(`unknown command ${command}`);
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err) => {
    if (err instanceof UsageError) {
      if (err.message) process.stderr.write(`${err.message}\n`);
      process.stderr.write(`${USAGE}\n`);
      process.exit(2);
    }
    if (err instanceof ReplayRefusedError) {
      process.stderr.write(`refused (${err.code}): ${err.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`dlq failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
