import { createHash, randomUUID } from 'crypto';
import { AnyEventEnvelope, ComplaintSummary, TOPICS } from '@complaints/contracts';
import { aRoutedEvent } from '@complaints/contracts/testing';
import { DataSource } from 'typeorm';
import { ManualClock } from '@complaints/platform/testing';
import { waitFor } from '@complaints/testing';
import {
  AUDIT,
  InvestigationUnderTest,
  investigationUnderTest,
  WAIT_MS,
} from './investigation-test-kit';

jest.setTimeout(240_000);

/** Stands in for intake's keyed hash of customer and policy: any 64 hex digits per customer. */
const keyOf = (customer: string) => createHash('sha256').update(customer).digest('hex');

let sequence = 0;
function aSummary({ at, ...o }: Partial<ComplaintSummary> & { at: string }): ComplaintSummary {
  sequence += 1;
  return {
    referenceNumber: `CMP-2026-${String(900000 + sequence)}`,
    channel: 'phone',
    productLine: 'motor',
    language: 'zh',
    subject: '理赔',
    description: '车险理赔三个月未赔付，定损后一直拖延，要求尽快赔付。',
    receivedAt: at,
    ...o,
  };
}

function routedWith(complaint: ComplaintSummary, department = 'claims') {
  return aRoutedEvent({ complaintId: randomUUID(), payload: { department, complaint } });
}

interface Repeats {
  repeatOf?: { linkId: string; earlierComplaintId: string; similarity: number; status: string };
  repeatedBy: { complaintId: string; status: string }[];
}

describe('investigation: repeat complaints and major complaints (real Kafka, PostgreSQL, Keycloak)', () => {
  const clock = new ManualClock('2026-05-04T02:00:00.000Z');
  let t: InvestigationUnderTest;

  beforeAll(async () => {
    t = await investigationUnderTest('investigation-repeats', clock);
  });

  afterAll(async () => {
    await t?.close();
  });

  const repeatsOf = (complaintId: string, until: (r: Repeats) => boolean = () => true) =>
    waitFor<Repeats>(
      `the repeat links of ${complaintId}`,
      async () => {
        const res = await t.as('officer', 'GET', `/v1/cases/${complaintId}/repeats`);
        return res.statusCode === 200 && until(res.json()) ? (res.json() as Repeats) : undefined;
      },
      WAIT_MS,
    );
  /** The clock actions recorded for a complaint: written with their events, in one transaction. */
  const clockActions = async (complaintId: string) =>
    (
      (await t.app
        .get(DataSource)
        .query(`SELECT kind FROM clock_request WHERE complaint_id = $1 ORDER BY requested_at`, [
          complaintId,
        ])) as { kind: string }[]
    ).map((r) => r.kind);

  /** An earlier complaint and its repeat by the same customer, both with open cases. */
  async function aRepeat(customer: string, repeatText: string) {
    const earlier = routedWith(
      aSummary({ at: '2026-05-01T01:00:00.000Z', repeatKey: keyOf(customer) }),
    );
    await t.env.publish(earlier);
    await t.caseOf(earlier.complaintId);
    await repeatsOf(earlier.complaintId);
    const repeat = routedWith(
      aSummary({
        at: '2026-05-03T01:00:00.000Z',
        repeatKey: keyOf(customer),
        description: repeatText,
      }),
    );
    await t.env.publish(repeat);
    const repeatCase = await t.caseOf(repeat.complaintId);
    const links = await repeatsOf(repeat.complaintId, (r) => !!r.repeatOf);
    return { earlier, repeat, handler: repeatCase.handlerId, links };
  }

  it('links a repeat with no new facts to the open complaint and merges it: the clock runs on, the merge is published for the customer notice', async () => {
    const { earlier, repeat, handler, links } = await aRepeat(
      'customer-merge',
      '我的车险理赔定损后三个月还没赔付，一直在拖延，请尽快处理赔付。',
    );
    expect(links.repeatOf).toMatchObject({
      earlierComplaintId: earlier.complaintId,
      status: 'proposed',
    });
    expect(links.repeatOf?.similarity).toBeGreaterThanOrEqual(0.5);
    const onEarlier = await repeatsOf(earlier.complaintId, (r) => r.repeatedBy.length > 0);
    expect(onEarlier.repeatedBy).toEqual([
      expect.objectContaining({ complaintId: repeat.complaintId, status: 'proposed' }),
    ]);

    const bad = await t.as(handler, 'POST', `/v1/cases/${repeat.complaintId}/repeats/decision`, {
      outcome: 'joined',
      reason: 'Same matter',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('outcome');
    expect((await repeatsOf(repeat.complaintId)).repeatOf?.status).toBe('proposed');

    const merged = await t.as(handler, 'POST', `/v1/cases/${repeat.complaintId}/repeats/decision`, {
      outcome: 'merged',
      reason: 'The same delay told again; no new facts',
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ status: 'merged', decidedBy: handler });

    const [mergeEvent] = await t.events(
      TOPICS.clock,
      (e) =>
        e.complaintId === repeat.complaintId &&
        (e.payload as { action: string }).action === 'merged',
    );
    expect(mergeEvent?.payload).toMatchObject({
      action: 'merged',
      mergedInto: earlier.complaintId,
      actor: expect.objectContaining({ username: handler }),
    });
    const [audit] = await t.events(
      AUDIT,
      (e) =>
        e.complaintId === repeat.complaintId &&
        (e.payload as { action: string }).action === 'repeat.merged',
    );
    expect(audit).toBeDefined();
    // The earlier complaint's clock was not restarted (nor touched at all).
    expect(await clockActions(earlier.complaintId)).toEqual([]);

    const again = await t.as(handler, 'POST', `/v1/cases/${repeat.complaintId}/repeats/decision`, {
      outcome: 'split',
      reason: 'Changed my mind',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'REPEAT.ALREADY_DECIDED' });
  });

  it('restarts the open complaint’s clock when the repeat brings new facts', async () => {
    const { earlier, repeat } = await aRepeat(
      'customer-restart',
      '车险理赔三个月未赔付，定损后一直拖延，现在修理厂又说配件被换成旧件，要求尽快赔付。',
    );
    const res = await t.as(
      'sup-claims',
      'POST',
      `/v1/cases/${repeat.complaintId}/repeats/decision`,
      {
        outcome: 'restarted',
        reason: 'New fact: the garage fitted used parts',
      },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'restarted' });
    const [restart] = await t.events(
      TOPICS.clock,
      (e) =>
        e.complaintId === earlier.complaintId &&
        (e.payload as { action: string }).action === 'restarted',
    );
    expect((restart?.payload as { reason: string }).reason).toContain('used parts');
    const [merge] = await t.events(
      TOPICS.clock,
      (e) =>
        e.complaintId === repeat.complaintId &&
        (e.payload as { action: string }).action === 'merged',
    );
    expect(merge?.payload).toMatchObject({ mergedInto: earlier.complaintId });
  });

  it('splits a proposed repeat that is another matter, and never links another matter of the same customer', async () => {
    const { earlier, repeat, handler } = await aRepeat(
      'customer-split',
      '车险理赔定损后三个月还没有赔付，一直拖延，要求赔付。',
    );
    const res = await t.as(handler, 'POST', `/v1/cases/${repeat.complaintId}/repeats/decision`, {
      outcome: 'split',
      reason: 'A second vehicle: its own claim',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'split' });
    expect((await repeatsOf(repeat.complaintId)).repeatOf?.status).toBe('split');

    const other = routedWith(
      aSummary({
        at: '2026-05-03T05:00:00.000Z',
        repeatKey: keyOf('customer-split'),
        description: '客服电话态度恶劣，挂断我的电话，要求道歉。',
      }),
    );
    const stranger = routedWith(
      aSummary({ at: '2026-05-03T06:00:00.000Z', repeatKey: keyOf('someone-else') }),
    );
    await t.env.publish(other, stranger);
    await t.caseOf(other.complaintId);
    await t.caseOf(stranger.complaintId);
    // Matching runs on its own consumer group: wait until it has seen both (their fingerprints
    // are recorded before a link would be), then check no link was made.
    await waitFor(
      'matching of both complaints',
      async () => {
        const rows = (await t.app
          .get(DataSource)
          .query(
            `SELECT count(*)::int AS n FROM complaint_fingerprint WHERE complaint_id = ANY($1)`,
            [[other.complaintId, stranger.complaintId]],
          )) as { n: number }[];
        return rows[0]?.n === 2 ? true : undefined;
      },
      WAIT_MS,
    );
    expect((await repeatsOf(other.complaintId)).repeatOf).toBeUndefined();
    expect((await repeatsOf(stranger.complaintId)).repeatOf).toBeUndefined();
    expect(await clockActions(earlier.complaintId)).toEqual([]);
    expect(await clockActions(repeat.complaintId)).toEqual([]);
  });

  it('links a repeat whose routed event was consumed before the earlier complaint’s', async () => {
    const key = keyOf('customer-out-of-order');
    const earlier = routedWith(aSummary({ at: '2026-05-01T03:00:00.000Z', repeatKey: key }));
    const repeat = routedWith(
      aSummary({
        at: '2026-05-02T03:00:00.000Z',
        repeatKey: key,
        description: '我的车险理赔定损后三个月还没赔付，一直在拖延，请尽快处理赔付。',
      }),
    );
    await t.env.publish(repeat);
    await waitFor(
      'the repeat matched first',
      async () => {
        const rows = (await t.app
          .get(DataSource)
          .query(`SELECT 1 FROM complaint_fingerprint WHERE complaint_id = $1`, [
            repeat.complaintId,
          ])) as unknown[];
        return rows.length === 1 ? true : undefined;
      },
      WAIT_MS,
    );
    expect((await repeatsOf(repeat.complaintId)).repeatOf).toBeUndefined();
    await t.env.publish(earlier);
    const links = await repeatsOf(repeat.complaintId, (r) => !!r.repeatOf);
    expect(links.repeatOf).toMatchObject({
      earlierComplaintId: earlier.complaintId,
      status: 'proposed',
    });
    expect((await repeatsOf(earlier.complaintId)).repeatOf).toBeUndefined();
  });

  describe('major complaints', () => {
    const towns = ['东区', '西区', '南区', '北区', '新城'];
    const typhoon = (n: number) =>
      routedWith(
        aSummary({
          at: new Date(Date.parse('2026-05-02T00:00:00.000Z') + n * 3_600_000).toISOString(),
          productLine: 'property',
          repeatKey: keyOf(`typhoon-${n}`),
          subject: '台风后房屋理赔',
          description: `台风过后我家房屋（${towns[n % towns.length]}${n}号）受损严重，报案后理赔员一直没有来查勘定损，要求尽快查勘并赔付。`,
        }),
        'claims',
      );
    const complaints = Array.from({ length: 25 }, (_v, n) => typhoon(n));
    const unrelated = routedWith(
      aSummary({
        at: '2026-05-02T12:30:00.000Z',
        productLine: 'property',
        repeatKey: keyOf('not-typhoon'),
        description: '续保时保费上涨了一倍，销售人员没有解释原因，要求说明并退还多收的保费。',
      }),
    );
    const incidentEvents = (match: (e: AnyEventEnvelope) => boolean, count = 1) =>
      t.events(TOPICS.majorIncident, match, count);

    it('raises one major incident for 25 complainants on one matter, flags every complaint, and stays one under redelivery', async () => {
      await t.env.publish(...complaints.slice(0, 10), unrelated, ...complaints.slice(10));
      // Redelivery (the same event again) and a replay under a new event id change nothing.
      await t.env.publish(complaints[3], { ...complaints[21], eventId: randomUUID() } as never);
      const incidents = await waitFor(
        'one major incident with all 25 complaints',
        async () => {
          const res = await t.as('officer', 'GET', '/v1/major-incidents');
          const items = (res.json() as { items: { complaintCount: number }[] }).items;
          return items.length === 1 && items[0].complaintCount === 25 ? items : undefined;
        },
        WAIT_MS * 2,
      );
      expect(incidents[0]).toMatchObject({
        trigger: 'complainant-threshold',
        productLine: 'property',
        complainantCount: 25,
        steps: [
          { step: 'management-informed', done: false },
          { step: 'coordinated-response', done: false },
          { step: 'priority-handling', done: false },
        ],
      });
      const ids = new Set(complaints.map((c) => c.complaintId));
      const linked = await incidentEvents(
        (e) => (e.payload as { action: string }).action === 'linked',
        25,
      );
      expect(linked).toHaveLength(25);
      expect(new Set(linked.map((e) => e.complaintId))).toEqual(ids);
      const raised = await incidentEvents(
        (e) => (e.payload as { action: string }).action === 'raised',
      );
      expect(raised).toHaveLength(1);
      expect(raised[0].payload).toMatchObject({
        trigger: 'complainant-threshold',
        complainantCount: expect.any(Number),
      });
      expect(
        (raised[0].payload as { complainantCount: number }).complainantCount,
      ).toBeGreaterThanOrEqual(20);

      const rows = (await t.app.get(DataSource).query(
        `SELECT i.id, count(c.complaint_id)::int AS n FROM major_incident i
             JOIN major_incident_complaint c ON c.incident_id = i.id GROUP BY i.id`,
      )) as { n: number }[];
      expect(rows).toEqual([expect.objectContaining({ n: 25 })]);
      for (const c of complaints) {
        const res = await t.as('sup-claims', 'GET', `/v1/cases/${c.complaintId}/major-incident`);
        expect(res.json()).toMatchObject({
          flagged: true,
          incident: { trigger: 'complainant-threshold' },
        });
      }
      const notFlagged = await t.as(
        'officer',
        'GET',
        `/v1/cases/${unrelated.complaintId}/major-incident`,
      );
      expect(notFlagged.json()).toEqual({ flagged: false });
    });

    it('lets the complaints officer tick the contingency steps, once each, audited and published', async () => {
      const list = await t.as('officer', 'GET', '/v1/major-incidents');
      const incidentId = (list.json() as { items: { incidentId: string }[] }).items[0].incidentId;
      const tick = (step: string) =>
        t.as('officer', 'POST', `/v1/major-incidents/${incidentId}/steps`, {
          step,
          note: 'General manager told at 09:00',
        });
      const res = await tick('management-informed');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        steps: expect.arrayContaining([
          expect.objectContaining({ step: 'management-informed', done: true, doneBy: 'officer' }),
        ]),
      });
      expect((await tick('management-informed')).json()).toMatchObject({ code: 'MAJOR.STEP_DONE' });
      const unknown = await tick('press-release');
      expect(unknown.statusCode).toBe(400);
      expect(JSON.stringify(unknown.json())).toContain('step');
      const [done] = await incidentEvents(
        (e) =>
          (e.payload as { action: string; incidentId: string }).action === 'step-done' &&
          (e.payload as { incidentId: string }).incidentId === incidentId,
      );
      expect(done?.payload).toMatchObject({ step: 'management-informed' });
      const [audit] = await t.events(
        AUDIT,
        (e) => (e.payload as { action: string }).action === 'major.step-done',
      );
      expect(audit?.payload).toMatchObject({
        actor: expect.objectContaining({ username: 'officer' }),
      });
      const handler = await t.as('h-claims-01', 'GET', '/v1/major-incidents');
      expect(handler.statusCode).toBe(403);
    });

    it('takes an officer’s declaration of a disaster over named complaints, refusing bad ones', async () => {
      const flood = routedWith(
        aSummary({
          at: '2026-05-03T08:00:00.000Z',
          productLine: 'health',
          repeatKey: keyOf('flood-1'),
          description: '暴雨洪水后医院停诊，住院费用报销材料无法按时提交，要求延长期限。',
        }),
      );
      await t.env.publish(flood);
      await t.caseOf(flood.complaintId);
      const declare = (body: object) => t.as('officer', 'POST', '/v1/major-incidents', body);
      const malformed = await declare({
        trigger: 'disaster',
        reason: 'Flood',
        complaintIds: ['x'],
      });
      expect(malformed.statusCode).toBe(400);
      expect(JSON.stringify(malformed.json())).toContain('complaintIds');
      const unknown = await declare({
        trigger: 'disaster',
        reason: 'Flood',
        complaintIds: [randomUUID()],
      });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json()).toMatchObject({ code: 'MAJOR.UNKNOWN_COMPLAINT' });
      expect(JSON.stringify(unknown.json())).toContain('complaintIds[0]');
      const taken = await declare({
        trigger: 'disaster',
        reason: 'Flood',
        complaintIds: [complaints[0].complaintId],
      });
      expect(taken.json()).toMatchObject({ code: 'MAJOR.ALREADY_LINKED' });

      const res = await declare({
        trigger: 'disaster',
        reason: 'City-wide flood declared on 3 May',
        complaintIds: [flood.complaintId],
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        trigger: 'disaster',
        raisedBy: 'officer',
        complaintIds: [flood.complaintId],
        complainantCount: 1,
      });
      const flagged = await t.as('officer', 'GET', `/v1/cases/${flood.complaintId}/major-incident`);
      expect(flagged.json()).toMatchObject({ flagged: true, incident: { trigger: 'disaster' } });
      const [raised] = await incidentEvents(
        (e) =>
          e.complaintId === flood.complaintId &&
          (e.payload as { action: string }).action === 'raised',
      );
      expect(raised?.payload).toMatchObject({
        trigger: 'disaster',
        reason: 'City-wide flood declared on 3 May',
      });
    });
  });
});
