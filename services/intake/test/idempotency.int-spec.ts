import { ManualClock } from '@complaints/platform/testing';
import { IdempotencyRecords } from '../src/complaints/idempotency-records.repository';
import { aComplaintRequest } from './support/complaint-requests';
import { IntakeTestApp, startIntake } from './support/intake-test-app';

jest.setTimeout(60_000);

const HOUR_MS = 3_600_000;

describe('intake: Idempotency-Key and retries', () => {
  let intake: IntakeTestApp;
  let key: string;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    intake = await startIntake('intake_idem', { IDEMPOTENCY_TTL_HOURS: '1' }, clock);
    key = (await intake.newKey('app-backend')).key;
  });

  afterAll(async () => {
    await intake?.close();
  });

  let n = 0;
  const aKey = (): string => `idem-${Date.now()}-${++n}`;
  const rowsFor = async (id: string) => {
    const [row] = await intake.db.query(
      `SELECT (SELECT count(*) FROM complaint WHERE id = $1)::int AS complaints,
              (SELECT count(*) FROM outbox_message WHERE message_key = $1::text)::int AS events`,
      [id],
    );
    return row;
  };

  it('answers the same key with the same body with the original 202, creating nothing more', async () => {
    const idem = aKey();
    const body = aComplaintRequest();
    const first = await intake.submit(body, key, { 'idempotency-key': idem });
    expect(first.statusCode).toBe(202);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const before = await intake.counts();

    // The same JSON with its keys in another order and other spacing is the same body.
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(body).reverse()), null, 2);
    const again = await intake.inject({
      method: 'POST',
      url: '/v1/complaints',
      payload: reordered,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${key}`,
        'idempotency-key': idem,
      },
    });
    expect(again.statusCode).toBe(202);
    // The original answer, byte for byte.
    expect(again.body).toBe(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['location']).toBe(first.headers['location']);
    expect(await intake.counts()).toEqual(before);
    expect(await rowsFor(first.json().id)).toEqual({ complaints: 1, events: 1 });
  });

  it('refuses the same key with a different body with 409, creating nothing', async () => {
    const idem = aKey();
    expect(
      (await intake.submit(aComplaintRequest(), key, { 'idempotency-key': idem })).statusCode,
    ).toBe(202);
    const before = await intake.counts();
    const other = await intake.submit(aComplaintRequest(), key, { 'idempotency-key': idem });
    expect(other.statusCode).toBe(409);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED', status: 409 });
    expect(await intake.counts()).toEqual(before);
  });

  it('creates exactly one complaint for 20 concurrent submissions with one key', async () => {
    const idem = aKey();
    const body = aComplaintRequest();
    const before = await intake.counts();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => intake.submit(body, key, { 'idempotency-key': idem })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(202));
    const ids = new Set(answers.map((a) => a.json().id));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
    const after = await intake.counts();
    expect(after.complaints - before.complaints).toBe(1);
    expect(after.outbox - before.outbox).toBe(1);
  });

  it('lets exactly one of 10 concurrent different bodies with one key through; the rest get 409', async () => {
    const idem = aKey();
    const before = await intake.counts();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        intake.submit(aComplaintRequest(), key, { 'idempotency-key': idem }),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 202)).toHaveLength(1);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(9);
    expect((await intake.counts()).complaints - before.complaints).toBe(1);
  });

  it('keeps keys per calling system, and treats the same reference under two keys as one complaint', async () => {
    const other = (await intake.newKey('other-backend')).key;
    const idem = aKey();
    const mine = await intake.submit(aComplaintRequest(), key, { 'idempotency-key': idem });
    const theirs = await intake.submit(aComplaintRequest(), other, { 'idempotency-key': idem });
    expect([mine.statusCode, theirs.statusCode]).toEqual([202, 202]);
    expect(theirs.json().id).not.toBe(mine.json().id);

    const body = aComplaintRequest();
    const a = await intake.submit(body, key, { 'idempotency-key': aKey() });
    const b = await intake.submit(body, key, { 'idempotency-key': aKey() });
    const c = await intake.submit(body, key);
    expect(new Set([a.json().id, b.json().id, c.json().id]).size).toBe(1);
  });

  it('forgets a key after IDEMPOTENCY_TTL_HOURS: the same key then takes a new body', async () => {
    const idem = aKey();
    const first = await intake.submit(aComplaintRequest(), key, { 'idempotency-key': idem });
    clock.advance(HOUR_MS - 1000);
    expect(
      (await intake.submit(aComplaintRequest(), key, { 'idempotency-key': idem })).statusCode,
    ).toBe(409);
    clock.advance(1000);
    const second = await intake.submit(aComplaintRequest(), key, { 'idempotency-key': idem });
    expect(second.statusCode).toBe(202);
    expect(second.json().id).not.toBe(first.json().id);
    expect(second.headers['idempotent-replayed']).toBeUndefined();

    clock.advance(HOUR_MS);
    expect(await intake.app.get(IdempotencyRecords).sweep()).toBeGreaterThan(0);
    expect((await intake.counts()).idempotency).toBe(0);
  });

  it.each([
    ['too long', 'k'.repeat(256)],
    ['not ASCII', 'schlüssel'],
    ['with a space', 'two words'],
  ])('refuses an Idempotency-Key %s with 400 naming the header', async (_why, value) => {
    const before = await intake.counts();
    const res = await intake.submit(aComplaintRequest(), key, { 'idempotency-key': value });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'REQUEST.INVALID',
      errors: [{ field: 'Idempotency-Key' }],
    });
    expect(await intake.counts()).toEqual(before);
  });
});
