import {
  complaintsOutOfOrder,
  duplicateEffects,
  EventRecord,
  expectedStages,
  InboxRow,
  lostComplaints,
  outOfOrder,
  redeliveredEvents,
  totalExtra,
} from './checks';
import { judgeHealth } from './health-truth';
import { HealthSample } from './health-watch';
import { exitCode, lastLine, totals } from './report';
import { ScenarioResult } from './scenario';

const A = '0190a000-0000-7000-8000-00000000000a';
const B = '0190a000-0000-7000-8000-00000000000b';
const RECEIVED = 'complaints.received.v1';
const INVESTIGATED = 'complaints.investigated.v1';
const ARCHIVED = 'complaints.archived.v1';

let seq = 0;
/** An event of complaint A unless told otherwise, at the next offset. */
function event(over: Partial<EventRecord> = {}): EventRecord {
  seq++;
  return {
    topic: RECEIVED,
    partition: 0,
    offset: String(seq),
    key: A,
    eventId: `e${seq}`,
    complaintId: A,
    occurredAt: new Date(1_700_000_000_000 + seq * 1000).toISOString(),
    causationId: null,
    ...over,
  };
}

function inboxRow(eventId: string, offset: string, processedUs: number): InboxRow {
  return {
    group: 'archiving.timeline',
    topic: RECEIVED,
    partition: 0,
    offset,
    eventId,
    processedUs: String(processedUs),
  };
}

describe('the fault suite counts', () => {
  const mine = new Set([A, B]);

  it('counts as lost an accepted complaint with no archived record', () => {
    expect(lostComplaints([A, B], new Set([A]))).toEqual([B]);
  });

  it('takes every audit entry as an effect of its own, ordered per producing service', () => {
    const AUDIT = 'complaints.audit.v1';
    const audited = { topic: AUDIT, type: 'complaint.audited', causationId: null };
    const read = event({ ...audited, producer: 'investigation' });
    const readAgain = event({ ...audited, producer: 'investigation' });
    expect(duplicateEffects([read, readAgain], [], mine)).toEqual([]);
    // Intake's entry stamped a moment before investigation's, written to the topic after it.
    const earlier = event({
      ...audited,
      producer: 'intake',
      occurredAt: read.occurredAt,
      offset: '100',
    });
    const later = event({ ...audited, producer: 'investigation' });
    expect(outOfOrder([later, earlier], [], mine, ARCHIVED)).toEqual([]);
    const backwards = event({ ...audited, producer: 'investigation', occurredAt: read.occurredAt });
    expect(outOfOrder([later, backwards], [], mine, ARCHIVED)).toHaveLength(1);
  });

  it('counts a second event for one effect as a duplicated effect, not a redelivery of the same event', () => {
    const first = event({ topic: INVESTIGATED, round: 1, causationId: 'c1' });
    const again = { ...first, offset: '99' };
    expect(duplicateEffects([first, again], [], mine)).toEqual([]);
    expect(redeliveredEvents([first, again])).toBe(1);

    const second = event({ topic: INVESTIGATED, round: 1, causationId: 'c1' });
    const found = duplicateEffects([first, second], [], mine);
    expect(totalExtra(found)).toBe(1);
    // Another round is another effect.
    expect(
      duplicateEffects(
        [first, event({ topic: INVESTIGATED, round: 2, causationId: 'c1' })],
        [],
        mine,
      ),
    ).toEqual([]);
  });

  it('takes a major incident raised and the complaint linked to it by one cause as two effects, a second link as a duplicate', () => {
    const MAJOR = 'complaints.major-incident.v1';
    const raised = event({ topic: MAJOR, causationId: 'routed-1', kind: 'raised' });
    const linked = event({ topic: MAJOR, causationId: 'routed-1', kind: 'linked' });
    expect(duplicateEffects([raised, linked], [], mine)).toEqual([]);
    const linkedAgain = event({ topic: MAJOR, causationId: 'routed-1', kind: 'linked' });
    expect(totalExtra(duplicateEffects([raised, linked, linkedAgain], [], mine))).toBe(1);
  });

  it('counts extra rows in the services tables and ignores other scenarios complaints', () => {
    const tables = [{ what: 'investigation.complaint_case per complaint', key: A, count: 3 }];
    expect(totalExtra(duplicateEffects([], tables, mine))).toBe(2);
    const other = event({ complaintId: 'not-mine', topic: INVESTIGATED, causationId: 'x' });
    expect(duplicateEffects([other, { ...other, eventId: 'other' }], [], mine)).toEqual([]);
  });

  it('finds a later round published before an earlier one on a topic', () => {
    const r2 = event({ topic: INVESTIGATED, round: 2 });
    const r1 = event({ topic: INVESTIGATED, round: 1, occurredAt: r2.occurredAt });
    const findings = outOfOrder([r2, r1], [], mine, ARCHIVED);
    expect(findings).toHaveLength(1);
    expect(findings[0].what).toMatch(/round 1 after round 2/);
    expect(complaintsOutOfOrder(findings)).toBe(1);
  });

  it('finds a cause published after its effect', () => {
    const effect = event({ causationId: 'cause' });
    const cause = event({ eventId: 'cause', occurredAt: effect.occurredAt });
    expect(outOfOrder([effect, cause], [], mine, ARCHIVED)[0].what).toMatch(
      /cause after its effect/,
    );
  });

  it('finds a group that applied a later offset of a complaint before an earlier one', () => {
    const e1 = event();
    const e2 = event();
    const inOrder = [
      inboxRow(e1.eventId ?? '', e1.offset, 10),
      inboxRow(e2.eventId ?? '', e2.offset, 20),
    ];
    expect(outOfOrder([e1, e2], inOrder, mine, ARCHIVED)).toEqual([]);
    const reversed = [
      inboxRow(e1.eventId ?? '', e1.offset, 20),
      inboxRow(e2.eventId ?? '', e2.offset, 10),
    ];
    expect(outOfOrder([e1, e2], reversed, mine, ARCHIVED)[0].what).toMatch(/applied .* before/);
  });

  it('finds a sealed timeline whose stages are not in causal order', () => {
    const good = event({ topic: ARCHIVED, stages: expectedStages(2), decisions: 2 });
    expect(outOfOrder([good], [], mine, ARCHIVED)).toEqual([]);
    const stages = expectedStages(1);
    [stages[2], stages[3]] = [stages[3], stages[2]];
    const bad = event({ topic: ARCHIVED, complaintId: B, stages, decisions: 1 });
    expect(outOfOrder([bad], [], mine, ARCHIVED).map((f) => f.complaintId)).toEqual([B]);
  });

  it('expects received, routed, then per round investigated, responded, feedback, reopened between, closed', () => {
    expect(expectedStages(2)).toEqual([
      'received',
      'routed',
      'investigated',
      'responded',
      'feedback_received',
      'reopened',
      'investigated',
      'responded',
      'feedback_received',
      'closed',
    ]);
  });
});

describe('whether /health/ready told the truth', () => {
  const sample = (t: number, claimsHealthy: boolean, service = 'intake'): HealthSample => ({
    t,
    ms: 100,
    service,
    status: claimsHealthy ? 200 : 503,
    claimsHealthy,
    down: claimsHealthy ? [] : ['kafka:down'],
  });
  const rule = {
    faultStart: 0,
    faultEnd: 20_000,
    impaired: ['intake'],
    because: 'the broker was down',
    graceMs: 5000,
    services: ['intake'],
  };

  it('is true when the service was not ready during the outage and ready after it', () => {
    const samples = [
      sample(1000, true),
      sample(8000, false),
      sample(15_000, false),
      sample(25_000, true),
    ];
    expect(judgeHealth(samples, rule).truthful).toBe(true);
  });

  it('is false when the service said all is well while its broker was down, or stayed unready', () => {
    expect(judgeHealth([sample(8000, true), sample(25_000, true)], rule).summary).toMatch(
      /said 200 all up 1\/1/,
    );
    expect(judgeHealth([sample(8000, false), sample(25_000, false)], rule).truthful).toBe(false);
  });
});

describe('the last line and the exit code', () => {
  const result = (over: Partial<ScenarioResult>): ScenarioResult => ({
    name: 'x',
    description: 'x',
    startedAt: '',
    durationS: 1,
    accepted: 2,
    archived: 2,
    lost: [],
    duplicates: [],
    outOfOrder: [],
    outOfOrderComplaints: 0,
    redelivered: 0,
    evidence: { events: 0, inboxRows: 0, poison: 0 },
    recoveryS: 1,
    recovered: true,
    health: { truthful: true, summary: 'yes', said: {} },
    ok: true,
    notes: [],
    problems: {},
    ...over,
  });

  it('is exactly "faults: S scenarios, L lost, D duplicated effects, O out of order"', () => {
    const t = totals([
      result({ lost: [A] }),
      result({ duplicates: [{ what: 'w', key: 'k', extra: 2 }], outOfOrderComplaints: 1 }),
    ]);
    expect(lastLine(t)).toBe('faults: 2 scenarios, 1 lost, 2 duplicated effects, 1 out of order');
    expect(exitCode(t)).toBe(1);
  });

  it('exits 0 only when nothing was lost, duplicated or reordered and every scenario recovered', () => {
    expect(exitCode(totals([result({})]))).toBe(0);
    expect(exitCode(totals([result({ recovered: false, recoveryS: undefined })]))).toBe(1);
    expect(exitCode(totals([result({})], 1))).toBe(1);
  });
});
