import { createHash } from 'crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { ArchivedReview, ComplaintArchivedV1, ReviewOutcome } from '@complaints/contracts';
import { anArchivedPayload } from '@complaints/contracts/testing';
import { ServiceTestEnv, TestIdentity } from '@complaints/testing';
import { asPeople, runRebuild, startAnalytics } from './analytics-kit';
import { archivedEventOf, archivedRecord, FixtureComplaint } from './archived-fixture';

jest.setTimeout(180_000);

const DAY = 86_400_000;
const at = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString();
const pseudonym = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * A complaint decided by `handler` in round 1; with `review`, the customer asked for an
 * internal review of that decision, handled in round 2 by `reviewer` (decided with the
 * outcome, or sealed while undecided: `pending`).
 */
function reviewedRecord(
  c: FixtureComplaint,
  review?: { reviewer: string; outcome: ReviewOutcome | 'pending' },
): ComplaintArchivedV1 {
  const record = archivedRecord(c);
  if (!review) return record;
  const first = record.decisions[0];
  const requestedAt = at(first.decidedAt, 2);
  const reviewDecidedAt = at(first.decidedAt, 10);
  const decided = review.outcome !== 'pending';
  const reviews: ArchivedReview[] = [
    {
      reviewedRound: 1,
      reviewRound: 2,
      requestedThrough: 'answer-link',
      requestedAt,
      ...(review.outcome !== 'pending'
        ? {
            outcome: review.outcome,
            decidedAt: reviewDecidedAt,
            reviewerPseudonym: pseudonym(review.reviewer),
          }
        : {}),
    },
  ];
  const closedAt = at(decided ? reviewDecidedAt : requestedAt, 1);
  return anArchivedPayload({
    ...record,
    decisions: decided
      ? [
          first,
          {
            ...first,
            round: 2,
            outcome: review.outcome === 'overturned' ? 'upheld' : first.outcome,
            handlerId: pseudonym(review.reviewer),
            decidedAt: reviewDecidedAt,
          },
        ]
      : [first],
    reviews,
    timeline: [record.timeline[0], { ...record.timeline[1], occurredAt: closedAt }],
    closure: {
      ...record.closure,
      closedAt,
      reopenCount: 1,
      finalOutcome: review.outcome === 'overturned' ? 'upheld' : record.closure.finalOutcome,
    },
    sealedAt: at(closedAt, 0.01),
  });
}

const complaint = (
  day: number,
  productLine: 'motor' | 'health',
  handler: string,
): FixtureComplaint => ({
  receivedAt: `2026-08-${String(day).padStart(2, '0')}T02:00:00.000Z`,
  productLine,
  rootCause: 'Approval step had no deadline',
  slaMet: true,
  daysToDecision: 5,
  answered: false,
  outcome: 'rejected',
  reopened: false,
  handler,
});

/**
 * 2026-Q3, six complaints. h-claims-01 (claims) decided four: three reviewed by h-claims-09,
 * one overturned and two upheld, one not reviewed. h-product-01 (product management) decided
 * two: one overturned by h-product-02, one whose review was still undecided at the seal.
 */
const RECORDS = () => [
  reviewedRecord(complaint(1, 'motor', 'h-claims-01'), {
    reviewer: 'h-claims-09',
    outcome: 'overturned',
  }),
  reviewedRecord(complaint(2, 'motor', 'h-claims-01'), {
    reviewer: 'h-claims-09',
    outcome: 'upheld',
  }),
  reviewedRecord(complaint(3, 'motor', 'h-claims-01'), {
    reviewer: 'h-claims-09',
    outcome: 'upheld',
  }),
  reviewedRecord(complaint(4, 'motor', 'h-claims-01')),
  reviewedRecord(complaint(5, 'health', 'h-product-01'), {
    reviewer: 'h-product-02',
    outcome: 'overturned',
  }),
  reviewedRecord(complaint(6, 'health', 'h-product-01'), {
    reviewer: 'h-product-02',
    outcome: 'pending',
  }),
];

describe('analytics: internal reviews from the archived record', () => {
  let env: ServiceTestEnv;
  let app: NestFastifyApplication;
  let identity: TestIdentity;
  let people: ReturnType<typeof asPeople>;

  beforeAll(async () => {
    ({ env, app, identity, people } = await startAnalytics(
      'analytics-reviews',
      '2026-10-15T02:00:00.000Z',
      RECORDS().map(archivedEventOf),
      6,
    ));
  });

  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  it("gives each handler the overturn rate of their own decisions' reviews", async () => {
    const res = await people.get('/v1/handler-performance?period=2026-Q3', 'officer');
    expect(res.statusCode).toBe(200);
    const rows = res
      .json()
      .map(
        (r: {
          unit: string;
          decided: number;
          reviewsDecided: number;
          reviewsOverturned: number;
          reviewOverturnRate: number | null;
        }) => [r.unit, r.decided, r.reviewsDecided, r.reviewsOverturned, r.reviewOverturnRate],
      )
      .sort(([a]: [string], [b]: [string]) => a.localeCompare(b));
    // Complaints are credited to their last round's handler (the reviewer, after a decided
    // review); the overturn rate to the handler whose decision was reviewed.
    expect(rows).toEqual(
      [
        [pseudonym('h-claims-01'), 1, 3, 1, 0.3333],
        [pseudonym('h-claims-09'), 3, 0, 0, null],
        [pseudonym('h-product-01'), 1, 1, 1, 1],
        [pseudonym('h-product-02'), 1, 0, 0, null],
      ].sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
    expect(JSON.stringify(res.json())).not.toContain('h-claims');
  });

  it('gives each team the overturn rate of its decisions reviewed', async () => {
    const teams = (await people.get('/v1/handler-performance?period=2026-Q3&by=team')).json();
    const byTeam = Object.fromEntries(
      teams.map(
        (t: {
          unit: string;
          decided: number;
          reviewsDecided: number;
          reviewOverturnRate: number | null;
        }) => [t.unit, [t.decided, t.reviewsDecided, t.reviewOverturnRate]],
      ),
    );
    expect(byTeam).toEqual({ claims: [4, 3, 0.3333], 'product-management': [2, 1, 1] });
  });

  it('shows the review rate and overturns in the periodic report, JSON, CSV and HTML', async () => {
    const report = (await people.get('/v1/reports/2026-Q3')).json();
    expect(report.volumes.received).toBe(6);
    expect(report.reviews).toEqual({
      complaints: 5,
      rate: 0.8333,
      decided: 4,
      overturned: 2,
      overturnRate: 0.5,
    });
    const csv = (await people.get('/v1/reports/2026-Q3?format=csv')).body;
    expect(csv).toContain('\r\nsummary,review_requested,5,');
    expect(csv).toContain('\r\nsummary,review_rate,0.8333,');
    expect(csv).toContain('\r\nsummary,review_overturn_rate,0.5,');
    const html = (await people.get('/v1/reports/2026-Q3?format=html&lang=en')).body;
    expect(html).toContain('internal review asked for</th><td>5 (83.3%)');
    expect(html).toContain('reviews that overturned the decision</th><td>2 / 4 (50.0%)');
  });

  it('rebuilds the review figures from the topic', async () => {
    const before = (await people.get('/v1/handler-performance?period=2026-Q3')).json();
    const ds = app.get(DataSource);
    await ds.query(
      `UPDATE decision_fact SET review_requested = false, review_outcome = NULL;
       UPDATE complaint_fact SET review_requests = 0, reviews_upheld = 0, reviews_overturned = 0`,
    );
    const lines = await runRebuild({ ...env.env, OIDC_ISSUER: identity.issuer });
    expect(lines[lines.length - 1]).toBe('rebuilt 6 complaints into 2 read models');
    expect((await people.get('/v1/handler-performance?period=2026-Q3')).json()).toEqual(before);
    expect((await people.get('/v1/reports/2026-Q3')).json().reviews.overturned).toBe(2);
  });
});
