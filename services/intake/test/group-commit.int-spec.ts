import { ComplaintsService } from '../src/complaints/complaints.service';
import { CreateComplaintDto } from '../src/complaints/dto/create-complaint.dto';
import { aComplaintRequest, aReference } from './support/complaint-requests';
import { IntakeTestApp, startIntake } from './support/intake-test-app';

jest.setTimeout(60_000);

/**
 * Group commit: concurrent submissions share transactions, and each still gets the answer it
 * would get alone; a conflict in one (a reused Idempotency-Key, a caller reference already
 * accepted, the same new reference three times at once) does not touch the others.
 */
describe('intake: concurrent submissions committed together', () => {
  let intake: IntakeTestApp;
  let key: string;

  beforeAll(async () => {
    intake = await startIntake('intake_group');
    key = (await intake.newKey('app-backend')).key;
  });

  afterAll(async () => {
    await intake?.close();
  });

  it('answers each of a mixed burst as if alone, in far fewer transactions than complaints, each with its event', async () => {
    const acceptedBody = aComplaintRequest();
    const accepted = await intake.submit(acceptedBody, key);
    const replayBody = aComplaintRequest();
    const replayKey = `grp-${Date.now()}-replay`;
    const original = await intake.submit(replayBody, key, { 'idempotency-key': replayKey });
    const reusedKey = `grp-${Date.now()}-reused`;
    await intake.submit(aComplaintRequest(), key, { 'idempotency-key': reusedKey });
    expect([accepted, original].map((a) => a.statusCode)).toEqual([202, 202]);
    const before = await intake.counts();

    const fresh = Array.from({ length: 24 }, (_, i) =>
      aComplaintRequest(i % 3 === 0 ? {} : { externalReference: aReference('GRP') }),
    );
    const shared = aComplaintRequest();
    const burst = await Promise.all([
      ...fresh.map((body, i) =>
        intake.submit(body, key, i % 2 ? { 'idempotency-key': `grp-${Date.now()}-${i}` } : {}),
      ),
      intake.submit(
        { ...aComplaintRequest(), externalReference: acceptedBody.externalReference },
        key,
      ),
      intake.submit(replayBody, key, { 'idempotency-key': replayKey }),
      intake.submit(aComplaintRequest(), key, { 'idempotency-key': reusedKey }),
      ...[1, 2, 3].map(() => intake.submit(shared, key)),
    ]);
    const [existing, replayed, reused, ...sharedAnswers] = burst.slice(fresh.length);
    const freshAnswers = burst.slice(0, fresh.length);

    expect(freshAnswers.map((a) => a.statusCode)).toEqual(Array(fresh.length).fill(202));
    expect(new Set(freshAnswers.map((a) => a.json().id)).size).toBe(fresh.length);
    expect(existing.statusCode).toBe(202);
    expect(existing.json().id).toBe(accepted.json().id);
    expect(replayed.statusCode).toBe(202);
    expect(replayed.body).toBe(original.body);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(reused.statusCode).toBe(409);
    expect(reused.json()).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
    expect(sharedAnswers.map((a) => a.statusCode)).toEqual([202, 202, 202]);
    expect(new Set(sharedAnswers.map((a) => a.json().id)).size).toBe(1);

    const after = await intake.counts();
    // 24 fresh complaints and the shared one; nothing for the existing, replayed or 409 ones.
    expect(after.complaints - before.complaints).toBe(fresh.length + 1);
    expect(after.outbox - before.outbox).toBe(fresh.length + 1);

    const ids = freshAnswers.map((a) => a.json().id as string);
    const rows: { tx: string; events: number }[] = await intake.db.query(
      `SELECT c.xmin::text AS tx,
              (SELECT count(*) FROM outbox_message o WHERE o.message_key = c.id::text)::int AS events
         FROM complaint c WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    expect(rows).toHaveLength(fresh.length);
    // Every complaint has its one event (the relay updates outbox rows, so their xmin is not
    // compared; the counts above show nothing else was written)...
    expect(rows.filter((r) => r.events !== 1)).toEqual([]);
    // ...and the burst took far fewer transactions than complaints.
    expect(new Set(rows.map((r) => r.tx)).size).toBeLessThan(fresh.length / 2);
  });

  it('when a shared transaction fails, writes the others alone and fails only the one at fault', async () => {
    const service = intake.app.get(ComplaintsService);
    const good = [aComplaintRequest(), aComplaintRequest()] as unknown as CreateComplaintDto[];
    // Past the request validation (called directly): its complaint.received is invalid, so
    // publishing it throws and rolls the shared transaction back.
    const bad = {
      ...aComplaintRequest(),
      productLine: 'spaceship',
    } as unknown as CreateComplaintDto;
    const before = await intake.counts();
    const [first, broken, second] = await Promise.allSettled([
      service.submit('app-backend', good[0]),
      service.submit('app-backend', bad),
      service.submit('app-backend', good[1]),
    ]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { outcome: 'created' } });
    expect(second).toMatchObject({ status: 'fulfilled', value: { outcome: 'created' } });
    expect(broken.status).toBe('rejected');
    const after = await intake.counts();
    expect(after.complaints - before.complaints).toBe(2);
    expect(after.outbox - before.outbox).toBe(2);
  });
});
