import { Transaction } from '@complaints/messaging';
import { Complaint } from './complaint.entity';
import { newComplaint } from './complaint.factory';
import { complaintReceivedEvent } from './complaint-received.event';
import type { RepeatKeys } from './repeat-keys';
import { acceptedView } from './complaint-views';
import { ComplaintAcceptedDto } from './dto/complaint-accepted.dto';
import { CreateComplaintDto } from './dto/create-complaint.dto';
import { IdempotencyRecords, IdempotentRequest } from './idempotency-records.repository';

export interface BatchEntry {
  callerSystem: string;
  dto: CreateComplaintDto;
  receivedAt: Date;
  idempotent?: IdempotentRequest;
}

export type BatchOutcome =
  | { complaint: ComplaintAcceptedDto; outcome: 'created' | 'existing' | 'replayed' }
  | { error: Error };

interface AcceptedRow {
  id: string;
  reference_number: string;
  status: string;
  received_at: Date;
  decision_due_at: Date;
  caller_system: string;
  external_reference: string;
}

/** complaint's columns as one submission fills them (the rest start NULL). */
const COLUMNS = [
  'id',
  'reference_number',
  'caller_system',
  'external_reference',
  'channel',
  'product_line',
  'language',
  'subject',
  'description',
  'desired_outcome',
  'customer',
  'complained_about',
  'policy_number',
  'incident_occurred_at',
  'attachments',
  'received_at',
  'status',
  'stage_times',
  'decision_due_at',
  'status_changed_at',
] as const;
const JSONB = new Set<string>(['customer', 'complained_about', 'attachments', 'stage_times']);

function row(c: Complaint): unknown[] {
  return [
    c.id,
    c.referenceNumber,
    c.callerSystem,
    c.externalReference,
    c.channel,
    c.productLine,
    c.language,
    c.subject,
    c.description,
    c.desiredOutcome,
    JSON.stringify(c.customer),
    c.complainedAbout === null ? null : JSON.stringify(c.complainedAbout),
    c.policyNumber,
    c.incidentOccurredAt,
    JSON.stringify(c.attachments),
    c.receivedAt,
    c.status,
    JSON.stringify(c.stageTimes),
    c.decisionDueAt,
    c.statusChangedAt,
  ];
}

const referenceOf = (callerSystem: string, externalReference: string) =>
  `${callerSystem}\u0000${externalReference}`;

function viewOf(r: AcceptedRow): ComplaintAcceptedDto {
  return {
    id: r.id,
    referenceNumber: r.reference_number,
    status: r.status as ComplaintAcceptedDto['status'],
    receivedAt: r.received_at.toISOString(),
    decisionDueAt: r.decision_due_at.toISOString(),
  };
}

/**
 * Many submissions in one transaction, with the answer each would get alone: the Idempotency-Key
 * claims, the caller-reference check, the inserts and their complaint.received events, a few
 * statements for the whole batch. Entries must not share an Idempotency-Key or caller reference
 * (the batcher keeps those apart). Rows are written in key order so that concurrent batches wait
 * for each other rather than deadlock.
 */
export async function writeComplaintBatch(
  tx: Transaction,
  entries: BatchEntry[],
  idempotency: IdempotencyRecords,
  decisionDays: number,
  repeatKeys?: RepeatKeys,
): Promise<BatchOutcome[]> {
  const outcomes: (BatchOutcome | undefined)[] = new Array(entries.length);
  const keyed = entries.flatMap((e, i) => (e.idempotent ? [{ i, request: e.idempotent }] : []));
  if (keyed.length > 0) {
    const claims = await idempotency.claimMany(
      tx.manager,
      keyed.map((k) => k.request),
    );
    claims.forEach((claim, n) => {
      if (claim.kind === 'replay')
        outcomes[keyed[n].i] = { complaint: claim.response, outcome: 'replayed' };
      else if (claim.kind === 'error') outcomes[keyed[n].i] = { error: claim.error };
    });
  }
  const open = entries.flatMap((_e, i) => (outcomes[i] ? [] : [i]));
  const found = await acceptedRows(
    tx,
    open.map((i) => entries[i]),
  );
  const fresh: number[] = [];
  for (const i of open) {
    const existing = found.get(
      referenceOf(entries[i].callerSystem, entries[i].dto.externalReference),
    );
    if (existing) outcomes[i] = { complaint: viewOf(existing), outcome: 'existing' };
    else fresh.push(i);
  }
  await insertFresh(tx, entries, fresh, outcomes, decisionDays, repeatKeys);
  await idempotency.completeMany(
    tx.manager,
    entries.flatMap((e, i) => {
      const o = outcomes[i];
      return e.idempotent && o && 'complaint' in o && o.outcome !== 'replayed'
        ? [{ request: e.idempotent, response: o.complaint }]
        : [];
    }),
  );
  return outcomes.map((o) => o ?? { error: new Error('a submission of the batch had no answer') });
}

/** Inserts new complaints (ON CONFLICT: a concurrent insert of the same reference wins). */
async function insertFresh(
  tx: Transaction,
  entries: BatchEntry[],
  fresh: number[],
  outcomes: (BatchOutcome | undefined)[],
  decisionDays: number,
  repeatKeys?: RepeatKeys,
): Promise<void> {
  if (fresh.length === 0) return;
  const seqs: { seq: string }[] = await tx.manager.query(
    `SELECT nextval('complaint_reference_seq')::text AS seq FROM generate_series(1, $1)`,
    [fresh.length],
  );
  const complaints = fresh
    .map((i, n) =>
      newComplaint({
        callerSystem: entries[i].callerSystem,
        dto: entries[i].dto,
        receivedAt: entries[i].receivedAt,
        sequence: seqs[n].seq,
        decisionDays,
      }),
    )
    .map((complaint, n) => ({ complaint, i: fresh[n] }))
    .sort((a, b) => {
      const x = referenceOf(a.complaint.callerSystem, a.complaint.externalReference);
      const y = referenceOf(b.complaint.callerSystem, b.complaint.externalReference);
      return x < y ? -1 : x > y ? 1 : 0;
    });
  const params: unknown[] = [];
  const values = complaints.map(({ complaint }) => {
    const placeholders = row(complaint).map((value, c) => {
      params.push(value);
      return `$${params.length}${JSONB.has(COLUMNS[c]) ? '::jsonb' : ''}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  const inserted: { id: string }[] = await tx.manager.query(
    `INSERT INTO complaint (${COLUMNS.join(', ')}) VALUES ${values.join(', ')}
     ON CONFLICT DO NOTHING RETURNING id`,
    params,
  );
  const ids = new Set(inserted.map((r) => r.id));
  const lost = complaints.filter(({ complaint }) => !ids.has(complaint.id));
  const winners = await acceptedRows(
    tx,
    lost.map(({ i }) => entries[i]),
  );
  for (const { complaint, i } of complaints) {
    if (ids.has(complaint.id)) {
      tx.publish(complaintReceivedEvent(complaint, repeatKeys));
      outcomes[i] = { complaint: acceptedView(complaint), outcome: 'created' };
      continue;
    }
    const winner = winners.get(referenceOf(complaint.callerSystem, complaint.externalReference));
    outcomes[i] = winner
      ? { complaint: viewOf(winner), outcome: 'existing' }
      : { error: new Error('a conflicting complaint vanished') };
  }
}

/** The stored complaints with these caller references, by reference. */
async function acceptedRows(
  tx: Transaction,
  entries: BatchEntry[],
): Promise<Map<string, AcceptedRow>> {
  if (entries.length === 0) return new Map();
  const rows: AcceptedRow[] = await tx.manager.query(
    `SELECT c.id, c.reference_number, c.status, c.received_at, c.decision_due_at,
            c.caller_system, c.external_reference
       FROM complaint c
       JOIN unnest($1::text[], $2::text[]) AS v(cs, er)
         ON c.caller_system = v.cs AND c.external_reference = v.er`,
    [entries.map((e) => e.callerSystem), entries.map((e) => e.dto.externalReference)],
  );
  return new Map(rows.map((r) => [referenceOf(r.caller_system, r.external_reference), r]));
}
