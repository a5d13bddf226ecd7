import { AnyEventEnvelope, validateEnvelope } from '@complaints/contracts';
import { anAssignedEvent, aRespondedEvent, aRoutedEvent } from '@complaints/contracts/testing';
import { readTopics, waitFor } from '@complaints/testing';
import { aComplaintRequest } from './complaint-requests';
import { IntakeTestApp } from './intake-test-app';

const iso = (ms: number) => new Date(ms).toISOString();

let last = 0;
/** A later instant on every call (and after the complaint's receipt): each event is newer than the one before. */
const later = () => (last = Math.max(Date.now() + 1000, last + 1000));

/** A complaint of `key`'s system, routed to `department` and assigned to `handlerId`. */
export async function anAssignedComplaint(
  intake: IntakeTestApp,
  key: string,
  department: string,
  handlerId: string,
): Promise<string> {
  const accepted = await intake.submit(aComplaintRequest(), key);
  if (accepted.statusCode !== 202) throw new Error(`submission: ${accepted.statusCode}`);
  const id: string = accepted.json().id;
  await intake.env.publish(
    aRoutedEvent({
      complaintId: id,
      occurredAt: iso(later()),
      payload: { department, decisionDueAt: '2030-01-01T00:00:00.000Z' },
    }),
  );
  await assign(intake, id, department, handlerId);
  return id;
}

/** Publishes complaint.assigned as investigation would and waits until intake applied it. */
export async function assign(
  intake: IntakeTestApp,
  id: string,
  department: string,
  handlerId: string,
): Promise<void> {
  const atMs = later();
  await intake.env.publish(
    anAssignedEvent({
      complaintId: id,
      occurredAt: iso(atMs),
      payload: { department, handlerId, cause: 'routed', assignedAt: iso(atMs) },
    }),
  );
  await waitFor('the assignment applied', async () => {
    const [row] = await intake.db.query(
      `SELECT department, handler_id, status FROM complaint WHERE id = $1`,
      [id],
    );
    return (
      row?.handler_id === handlerId && row?.department === department && row?.status !== 'received'
    );
  });
}

/** Publishes complaint.responded and waits until the status view shows it. */
export async function respond(intake: IntakeTestApp, id: string): Promise<void> {
  await intake.env.publish(aRespondedEvent({ complaintId: id, occurredAt: iso(later()) }));
  await waitFor('the complaint responded', async () => {
    const [row] = await intake.db.query(`SELECT status FROM complaint WHERE id = $1`, [id]);
    return row?.status === 'responded';
  });
}

/** Events about one complaint on one of this run's topics (TOPICS.x), once `until` holds. */
export async function eventsOn(
  intake: IntakeTestApp,
  topic: string,
  complaintId: string,
  until: (events: AnyEventEnvelope[]) => boolean,
): Promise<AnyEventEnvelope[]> {
  const parse = (messages: { key: string | null; value: string | null }[]) =>
    messages
      .filter((m) => m.key === complaintId)
      .map((m) => {
        const checked = validateEnvelope(JSON.parse(m.value ?? ''), 'produce');
        if (!checked.ok) throw new Error(`an invalid event on ${topic}`);
        return checked.envelope as AnyEventEnvelope;
      });
  return parse(
    await readTopics(intake.env.brokers, [intake.env.prefix + topic], (m) => until(parse(m))),
  );
}

/** The payload of an audit entry, as the tests look at it. */
export interface AuditPayload {
  action: string;
  kind: string;
  actor?: { username: string; roles: string[]; subject: string; department?: string };
  callerSystem?: string;
  origin: { ip: string; userAgent?: string };
  details?: Record<string, string>;
}

export const auditPayloads = (events: AnyEventEnvelope[]): AuditPayload[] =>
  events.map((e) => e.payload as unknown as AuditPayload);
