import { Column, Entity, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';
import { EVENT_TYPES, EventEnvelope, EnvelopeOf } from '@complaints/contracts';
import { PermanentEventError, quoteIdent, schemaOf, Transaction } from '@complaints/messaging';
import { routedEventFor } from '../support/sample-events';

/** The state both consumers under comparison keep: one row per classified complaint. */
@Entity({ name: 'bench_classification' })
export class BenchClassification {
  @PrimaryColumn('uuid', { name: 'complaint_id' })
  complaintId: string;

  @Column('uuid', { name: 'received_event_id' })
  receivedEventId: string;

  @Column('text')
  department: string;

  @Column('text')
  subject: string;
}

export class CreateBenchClassification1764230400099 implements MigrationInterface {
  name = 'CreateBenchClassification1764230400099';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = quoteIdent(schemaOf(queryRunner.connection));
    // applied_at is the clock at insert time: the rate is measured over the rows' own span.
    await queryRunner.query(`
      CREATE TABLE ${s}.bench_classification (
        complaint_id uuid CONSTRAINT pk_bench_classification PRIMARY KEY,
        received_event_id uuid NOT NULL,
        department text NOT NULL,
        subject text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TABLE ${quoteIdent(schemaOf(queryRunner.connection))}.bench_classification`,
    );
  }
}

const DEPARTMENTS: [RegExp, string][] = [
  [/claim|理赔|赔/i, 'claims'],
  [/surrender|退保/i, 'policy-services'],
  [/rude|态度|agent|客服/i, 'customer-service'],
  [/app|login|data|系统|登录/i, 'it'],
];

/**
 * The consumer work both variants do for one received complaint, in the transaction they give
 * it: decide a department, store the classification, queue the routed event in the outbox.
 * The same function runs under our EventConsumer and under the stock NestJS transport.
 */
export async function classifyAndRoute(
  event: EventEnvelope<object>,
  tx: Transaction,
): Promise<void> {
  if (event.type !== EVENT_TYPES.received)
    throw new PermanentEventError('EVENT.UNEXPECTED_TYPE', `${event.type} is not received`);
  const received = event as EnvelopeOf<typeof EVENT_TYPES.received>;
  const text = `${received.payload.subject} ${received.payload.description}`;
  const department = DEPARTMENTS.find(([re]) => re.test(text))?.[1] ?? 'complaints-office';
  await tx.manager.insert(BenchClassification, {
    complaintId: received.complaintId,
    receivedEventId: received.eventId,
    department,
    subject: received.payload.subject,
  });
  tx.publish(routedEventFor(received, department));
}
