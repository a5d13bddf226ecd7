import fc from 'fast-check';
import { assertValidEnvelope } from '@complaints/contracts';
import {
  aValidRequest,
  ALL_FIELDS,
  forbiddenControl,
  TEXT_FIELDS,
  VALID_ATTACHMENT,
  withField,
} from './support/complaint-request.arbitraries';
import { IntakeTestApp, startIntake } from './support/intake-test-app';

jest.setTimeout(120_000);

/** A valid request, or one with a single thing wrong with it. */
const aRequestMaybeBroken = fc.oneof(
  aValidRequest.map((body) => ({ body, broken: false })),
  fc
    .tuple(
      aValidRequest,
      fc
        .constantFrom(...TEXT_FIELDS)
        .chain((f) => fc.tuple(fc.constant(f), forbiddenControl(f.multiline))),
    )
    .map(([body, [f, control]]) => ({
      body: withField(
        f.path.startsWith('attachments.') ? { ...body, attachments: [VALID_ATTACHMENT] } : body,
        f.path,
        `${f.valid}${control}`,
      ),
      broken: true,
    })),
  fc
    .tuple(
      aValidRequest,
      fc.constantFrom(...ALL_FIELDS),
      fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant([])),
    )
    // An integer is the right type for a size: only one outside 0..100 MiB breaks it (CI found
    // 84,012,722 generated as "broken" and rightly accepted).
    .filter(
      ([, path, value]) =>
        !(
          path === 'attachments.0.sizeBytes' &&
          typeof value === 'number' &&
          value >= 0 &&
          value <= 100 * 1024 * 1024
        ),
    )
    .map(([body, path, value]) => ({ body: withField(body, path, value), broken: true })),
);

describe('intake over HTTP, property-based: no input causes a 5xx, and only valid input is stored', () => {
  let intake: IntakeTestApp;
  let key: string;

  beforeAll(async () => {
    intake = await startIntake('intake_fuzz');
    key = (await intake.newKey('fuzz-tester')).key;
  });

  afterAll(async () => {
    await intake?.close();
  });

  const expectProblem = (res: {
    statusCode: number;
    headers: Record<string, unknown>;
    json(): { code?: unknown };
  }) => {
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(typeof res.json().code).toBe('string');
  };

  it('answers any JSON value with a 4xx problem, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 12 }), async (body) => {
        const res = await intake.submit(body, key);
        expectProblem(res);
      }),
      { numRuns: 300 },
    );
  });

  it('answers any text sent as JSON with a 4xx problem, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (raw) => {
        const res = await intake.inject({
          method: 'POST',
          url: '/v1/complaints',
          payload: raw,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        });
        expectProblem(res);
      }),
      { numRuns: 200 },
    );
  });

  it('stores exactly the valid requests, each with one publishable event, and refuses the rest', async () => {
    const before = await intake.counts();
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(aRequestMaybeBroken, async ({ body, broken }) => {
        if (broken) {
          const res = await intake.submit(body, key);
          expect(res.statusCode).toBe(400);
          expect(res.json().code).toBe('REQUEST.INVALID');
        } else {
          // A reference of its own, so that each valid request is a new complaint.
          const res = await intake.submit(
            { ...body, externalReference: `FUZZ-${Date.now()}-${accepted}` },
            key,
          );
          expect(res.statusCode).toBe(202);
          accepted++;
        }
      }),
      { numRuns: 200 },
    );
    const after = await intake.counts();
    expect(after.complaints - before.complaints).toBe(accepted);
    expect(after.outbox - before.outbox).toBe(accepted);
    const rows: { payload: string }[] = await intake.db.query('SELECT payload FROM outbox_message');
    for (const row of rows) assertValidEnvelope(JSON.parse(row.payload));
  });
});
