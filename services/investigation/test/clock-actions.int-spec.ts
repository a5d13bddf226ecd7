import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'crypto';
import { AnyEventEnvelope, TOPICS, validateEnvelope } from '@complaints/contracts';
import {
  aDeadlineBreachedEvent,
  aDeadlineChangedEvent,
  aRoutedEvent,
} from '@complaints/contracts/testing';
import { UnitOfWork } from '@complaints/messaging';
import { loadConfig } from '@complaints/platform';
import { ManualClock } from '@complaints/platform/testing';
import {
  readTopics,
  ServiceTestEnv,
  serviceTestEnv,
  TestIssuer,
  waitFor,
} from '@complaints/testing';
import { DataSource } from 'typeorm';
import { RoutedConsumer } from '../src/cases/routed.consumer';
import { InvestigationConfig } from '../src/config/investigation.config';
import { createInvestigationApp } from '../src/investigation-app.factory';
import { aDecision, DAY_MS, WAIT_MS } from './investigation-test-kit';

jest.setTimeout(120_000);

interface Person {
  sub: string;
  username: string;
  roles: string[];
  department?: string;
}

/** Clock actions where the case is worked: who may, what is refused, what is published. */
describe('investigation: actions on the legal clock (real Kafka and PostgreSQL, signed tokens)', () => {
  const clock = new ManualClock('2026-03-03T02:00:00.000Z');
  let env: ServiceTestEnv;
  let issuer: TestIssuer;
  let app: NestFastifyApplication;
  const routed = aRoutedEvent({ complaintId: randomUUID(), payload: { department: 'claims' } });
  const decided = aRoutedEvent({ complaintId: randomUUID(), payload: { department: 'claims' } });
  let handler: Person;
  const approver: Person = { sub: randomUUID(), username: 'approver', roles: ['approver'] };
  const supervisor: Person = {
    sub: randomUUID(),
    username: 'sup-claims',
    roles: ['supervisor'],
    department: 'claims',
  };

  const send = async (who: Person, url: string, body: object) =>
    app.inject({
      method: 'POST',
      url,
      headers: {
        authorization: `Bearer ${await issuer.token({ sub: who.sub, preferred_username: who.username, realm_access: { roles: who.roles }, ...(who.department ? { department: who.department } : {}) })}`,
        'content-type': 'application/json',
      },
      payload: body,
    });
  const at = (path: string, id = routed.complaintId) => `/v1/cases/${id}/${path}`;

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    env = await serviceTestEnv('investigation-clock');
    const config = loadConfig(InvestigationConfig, { ...env.env, OIDC_ISSUER: issuer.issuer });
    app = await createInvestigationApp(config, clock);
    await app.getHttpAdapter().getInstance().ready();
    const consumer = app.get(RoutedConsumer);
    await app.get(UnitOfWork).run(async (tx) => {
      await consumer.apply(routed, tx);
      await consumer.apply(decided, tx);
    });
    const officer: Person = {
      sub: randomUUID(),
      username: 'officer',
      roles: ['complaints_officer'],
    };
    const read = await app.inject({
      method: 'GET',
      url: `/v1/cases/${routed.complaintId}`,
      headers: {
        authorization: `Bearer ${await issuer.token({ sub: officer.sub, preferred_username: 'officer', realm_access: { roles: officer.roles } })}`,
      },
    });
    const handlerId = read.json().handlerId as string;
    handler = { sub: randomUUID(), username: handlerId, roles: ['handler'], department: 'claims' };
  });

  afterAll(async () => {
    await app?.close();
    await issuer?.stop();
    await env?.cleanup();
  });

  it('takes an extension request from the assigned handler and its approval from another approver', async () => {
    const colleague = {
      ...handler,
      sub: randomUUID(),
      username: handler.username === 'h-claims-01' ? 'h-claims-02' : 'h-claims-01',
    };
    expect(
      (await send(colleague, at('extensions'), { kind: 'complex', reason: 'Records' })).json(),
    ).toMatchObject({ code: 'CASE.NOT_ASSIGNED' });
    const bad = await send(handler, at('extensions'), { kind: 'longer', reason: '' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['kind', 'reason']);

    const asked = await send(handler, at('extensions'), {
      kind: 'complex',
      reason: 'Two hospitals must send records',
    });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({
      kind: 'extension',
      detail: 'complex',
      status: 'pending',
      requestedBy: handler.username,
    });
    const requestId = asked.json().requestId as string;
    expect(
      (await send(handler, at('extensions'), { kind: 'complex', reason: 'Again' })).json(),
    ).toMatchObject({ code: 'EXTENSION.PENDING' });

    // The requester holding the approver role too may not approve their own request.
    const self = { ...handler, roles: ['handler', 'approver'] };
    const own = await send(self, at(`extensions/${requestId}/decision`), {
      outcome: 'approved',
      reason: 'Mine',
    });
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ code: 'EXTENSION.OWN_REQUEST' });
    expect(
      (
        await send(handler, at(`extensions/${requestId}/decision`), {
          outcome: 'approved',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await send(approver, at(`extensions/${randomUUID()}/decision`), {
          outcome: 'approved',
          reason: 'x',
        })
      ).json(),
    ).toMatchObject({ code: 'EXTENSION.NOT_FOUND' });

    const approved = await send(approver, at(`extensions/${requestId}/decision`), {
      outcome: 'approved',
      reason: 'Complex indeed',
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ requestId, status: 'approved', decidedBy: 'approver' });
    expect(
      (
        await send(approver, at(`extensions/${requestId}/decision`), {
          outcome: 'refused',
          reason: 'x',
        })
      ).json(),
    ).toMatchObject({ code: 'EXTENSION.ALREADY_DECIDED' });
    const again = await send(handler, at('extensions'), { kind: 'complex', reason: 'More' });
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({
      code: 'EXTENSION.BEYOND_MAXIMUM',
      errors: [{ field: 'kind' }],
    });
  });

  it('pauses with a reason, resumes only a pause, restarts on new facts and ends on withdrawal', async () => {
    const noReason = await send(handler, at('pause'), { kind: 'mediation' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect((await send(handler, at('resume'), { reason: 'Nothing paused' })).json()).toMatchObject({
      code: 'CLOCK.NOT_PAUSED',
    });
    expect(
      (await send(supervisor, at('pause'), { kind: 'mediation', reason: 'Mediation centre' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await send(handler, at('pause'), { kind: 'test', reason: 'Twice' })).json(),
    ).toMatchObject({ code: 'CLOCK.ALREADY_PAUSED' });
    clock.advance(2 * 86_400_000);
    expect(
      (await send(handler, at('resume'), { reason: 'Mediation failed' })).json(),
    ).toMatchObject({ status: 'ended' });
    expect(
      (await send(handler, at('restart'), { reason: 'A second claim came to light' })).statusCode,
    ).toBe(201);
    expect(
      (
        await send(handler, at('merge', routed.complaintId), {
          intoComplaintId: routed.complaintId,
          reason: 'x',
        })
      ).json(),
    ).toMatchObject({ code: 'CLOCK.MERGE_INTO_ITSELF' });
    expect(
      (await send(handler, at('withdrawal'), { reason: 'Customer withdrew by phone' })).statusCode,
    ).toBe(201);
    const after = await send(handler, at('pause'), { kind: 'test', reason: 'Too late' });
    expect(after.statusCode).toBe(409);
    expect(after.json()).toMatchObject({ code: 'CLOCK.ENDED' });

    const events = await published(TOPICS.clock, routed.complaintId, 6);
    expect(events.map((e) => (e.payload as { action: string }).action)).toEqual(
      [
        'extension-requested',
        'extension-approved',
        'paused',
        'resumed',
        'restarted',
        'withdrawn',
      ].slice(0, events.length),
    );
    expect(events).toHaveLength(6);
    const [request, approval, pause] = events.map(
      (e) => e.payload as unknown as Record<string, unknown>,
    );
    expect(request).toMatchObject({
      actor: { subject: handler.sub, username: handler.username },
      extensionKind: 'complex',
    });
    expect(approval).toMatchObject({
      actor: { subject: approver.sub },
      requestId: request['requestId'],
    });
    expect(pause).toMatchObject({
      actor: { username: 'sup-claims' },
      pauseKind: 'mediation',
      reason: 'Mediation centre',
    });
    const audits = await published(TOPICS.audit, routed.complaintId, 7);
    expect(
      audits
        .map((e) => (e.payload as { action: string }).action)
        .filter((a) => a.startsWith('clock.')),
    ).toEqual([
      'clock.extension-requested',
      'clock.extension-approved',
      'clock.paused',
      'clock.resumed',
      'clock.restarted',
      'clock.withdrawn',
    ]);
  });

  it('refuses a pause on a decided round', async () => {
    const handlerOf = (
      await app.inject({
        method: 'GET',
        url: `/v1/cases/${decided.complaintId}`,
        headers: {
          authorization: `Bearer ${await issuer.token({ preferred_username: 'officer', realm_access: { roles: ['complaints_officer'] } })}`,
        },
      })
    ).json().handlerId as string;
    const decider = {
      sub: randomUUID(),
      username: handlerOf,
      roles: ['handler'],
      department: 'claims',
    };
    expect((await send(decider, at('decision', decided.complaintId), aDecision())).statusCode).toBe(
      201,
    );
    const res = await send(decider, at('pause', decided.complaintId), {
      kind: 'test',
      reason: 'Lab test',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CLOCK.CASE_DECIDED' });
  });

  const get = async (who: Person, url: string) =>
    app.inject({
      method: 'GET',
      url,
      headers: {
        authorization: `Bearer ${await issuer.token({ sub: who.sub, preferred_username: who.username, realm_access: { roles: who.roles }, ...(who.department ? { department: who.department } : {}) })}`,
      },
    });
  const officer: Person = { sub: randomUUID(), username: 'officer', roles: ['complaints_officer'] };
  const openCase = async (department = 'claims') => {
    const event = aRoutedEvent({ complaintId: randomUUID(), payload: { department } });
    await app.get(UnitOfWork).run((tx) => app.get(RoutedConsumer).apply(event, tx));
    const handlerId = (await get(officer, `/v1/cases/${event.complaintId}`)).json()
      .handlerId as string;
    const assigned: Person = {
      sub: randomUUID(),
      username: handlerId,
      roles: ['handler'],
      department,
    };
    return { complaintId: event.complaintId, handler: assigned };
  };
  const applied = (eventId: string) =>
    waitFor(
      `event ${eventId} applied`,
      async () =>
        (
          await app
            .get(DataSource)
            .query('SELECT 1 FROM inbox_message WHERE event_id = $1', [eventId])
        ).length > 0 || undefined,
      WAIT_MS,
    );
  const deadlineState = (complaintId: string, basis: number, dueAt: Date, more = {}) =>
    aDeadlineChangedEvent({
      complaintId,
      payload: {
        basis,
        lastEventAt: clock.now().toISOString(),
        clocks: [
          {
            clockId: 'decision:1:0',
            clock: 'decision',
            round: 1,
            startedAt: clock.now().toISOString(),
            periodDays: 15,
            periodHours: 0,
            dueAt: dueAt.toISOString(),
            status: 'open',
            watched: true,
            extensionsAvailable: ['complex'],
            extensions: [],
            pauses: [],
            ...more,
          },
        ],
      },
    });

  it('flags the case on a breach, once, for the supervisor and the complaints officer', async () => {
    const flagged = await openCase();
    const dueAt = new Date(clock.now().getTime() - 60_000).toISOString();
    const breach = aDeadlineBreachedEvent({
      complaintId: flagged.complaintId,
      payload: { clockId: 'decision:1:0', dueAt, breachedAt: clock.now().toISOString() },
    });
    // Redelivered, and republished under a new id: one flag.
    const replay = aDeadlineBreachedEvent({
      complaintId: flagged.complaintId,
      payload: { clockId: 'decision:1:0', dueAt, breachedAt: clock.now().toISOString() },
    });
    // A breach of a complaint whose case is not open yet waits for it.
    const early = aDeadlineBreachedEvent({ complaintId: randomUUID() });
    await env.publish(breach, breach, replay, early);
    await applied(replay.eventId);
    await applied(early.eventId);

    const seen = (await get(officer, `/v1/cases/${flagged.complaintId}`)).json();
    expect(seen).toMatchObject({
      breached: true,
      breaches: [{ clockId: 'decision:1:0', clock: 'decision', dueAt, department: 'claims' }],
    });
    expect(seen.breaches).toHaveLength(1);
    const unflagged = (await get(officer, `/v1/cases/${routed.complaintId}`)).json();
    expect(unflagged.breached).toBe(false);
    expect(unflagged.breaches).toBeUndefined();

    const ids = async (who: Person, query: string) =>
      (await get(who, `/v1/cases?${query}`))
        .json()
        .items.map((c: { complaintId: string }) => c.complaintId);
    expect(await ids(supervisor, 'breached=true')).toContain(flagged.complaintId);
    expect(await ids(supervisor, 'breached=true')).not.toContain(routed.complaintId);
    expect(await ids(officer, 'breached=true&department=claims')).toContain(flagged.complaintId);
    expect(await ids(officer, 'breached=false')).not.toContain(flagged.complaintId);
    const elsewhere: Person = { ...supervisor, sub: randomUUID(), department: 'underwriting' };
    expect(await ids(elsewhere, 'breached=true')).not.toContain(flagged.complaintId);
    const bad = await get(officer, '/v1/cases?breached=maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'breached' })]);

    const routedLate = aRoutedEvent({
      complaintId: early.complaintId,
      payload: { department: 'claims' },
    });
    await app.get(UnitOfWork).run((tx) => app.get(RoutedConsumer).apply(routedLate, tx));
    expect((await get(officer, `/v1/cases/${early.complaintId}`)).json()).toMatchObject({
      breached: true,
    });
  });

  it('refuses at once an extension asked after the published deadline, or one the policy does not grant', async () => {
    const late = await openCase();
    const soon = deadlineState(late.complaintId, 2, new Date(clock.now().getTime() + DAY_MS));
    // An older state arriving after a newer one changes nothing.
    const older = deadlineState(late.complaintId, 1, new Date(clock.now().getTime() + 90 * DAY_MS));
    await env.publish(soon, older);
    await applied(older.eventId);
    const inTime = await send(late.handler, at('extensions', late.complaintId), {
      kind: 'complex',
      reason: 'Records',
    });
    expect(inTime.statusCode).toBe(201);
    const second = await openCase();
    const due = new Date(clock.now().getTime() + DAY_MS);
    const state = deadlineState(second.complaintId, 2, due);
    await env.publish(state);
    await applied(state.eventId);
    clock.advance(2 * DAY_MS);

    const refused = await send(second.handler, at('extensions', second.complaintId), {
      kind: 'complex',
      reason: 'Records from abroad',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({
      code: 'EXTENSION.AFTER_DEADLINE',
      errors: [{ field: 'kind', reason: `asked after the deadline ${due.toISOString()}` }],
    });
    const recorded = await app
      .get(DataSource)
      .query('SELECT 1 FROM clock_request WHERE complaint_id = $1', [second.complaintId]);
    expect(recorded).toHaveLength(0);

    // A policy with no extensions (the FCA's 8 weeks) refuses one at any time.
    const fca = await openCase();
    const fcaState = deadlineState(
      fca.complaintId,
      2,
      new Date(clock.now().getTime() + 50 * DAY_MS),
      {
        extensionsAvailable: [],
      },
    );
    fcaState.payload.policy = 'uk-fca@1';
    await env.publish(fcaState);
    await applied(fcaState.eventId);
    const beyond = await send(fca.handler, at('extensions', fca.complaintId), {
      kind: 'complex',
      reason: 'Complex',
    });
    expect(beyond.statusCode).toBe(422);
    expect(beyond.json()).toMatchObject({
      code: 'EXTENSION.BEYOND_MAXIMUM',
      errors: [{ field: 'kind' }],
    });
    expect(beyond.json().detail).toContain('uk-fca@1');
  });

  /** `complaintId`'s events on a topic, read until `atLeast` arrived. */
  async function published(
    topic: string,
    complaintId: string,
    atLeast: number,
  ): Promise<AnyEventEnvelope[]> {
    const mine = (m: { value: string | null }[]) =>
      m
        .map((x) => validateEnvelope(JSON.parse(x.value ?? '{}')))
        .flatMap((r) => (r.ok && r.envelope.complaintId === complaintId ? [r.envelope] : []));
    const messages = await readTopics(
      env.brokers,
      [env.prefix + topic],
      (m) => mine(m).length >= atLeast,
      atLeast > 6 ? 3000 : WAIT_MS,
    );
    return mine(messages);
  }
});
