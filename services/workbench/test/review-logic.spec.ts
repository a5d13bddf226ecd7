import type { TFunction } from 'i18next';
import { ApiError } from '../app/api/api-error';
import type { CaseDecision, CaseItem, MajorIncident } from '../app/api/types';
import type { Person } from '../app/auth/session';
import { can } from '../app/auth/session';
import { problemWords } from '../app/common/problem-words';
import { translator } from './translator';
import {
  incidentOrder,
  repeatChoices,
  reviewedDecision,
  reviewRequests,
  stepsLeft,
} from '../app/review/review-logic';

const person = (username: string, ...roles: string[]): Person => ({
  username,
  roles,
  department: 'claims',
});

function aCase(over: Partial<CaseItem>): CaseItem {
  return {
    caseId: `case-${over.complaintId}`,
    complaintId: 'c',
    department: 'claims',
    routedDepartment: 'claims',
    handlerId: 'h-claims-02',
    status: 'reopened',
    round: 2,
    category: 'business_handling',
    subcategory: 'claims_delay',
    severity: 'medium',
    priority: 'normal',
    greenChannel: false,
    decisionDueAt: '2026-12-30T00:00:00Z',
    openedAt: '2026-11-01T00:00:00Z',
    reopenCount: 1,
    breached: false,
    ...over,
  };
}

const review = (requestedAt: string) => ({
  reviewedRound: 1,
  requestedAt,
  decisionSentAt: '2026-11-20T00:00:00Z',
  requestedThrough: 'answer-link' as const,
});

describe("the reviewer's requests", () => {
  it('lists only internal reviews assigned to the reviewer, still undecided, earliest request first', () => {
    const items = [
      aCase({ complaintId: 'late', review: review('2026-11-28T00:00:00Z') }),
      aCase({ complaintId: 'reopened-not-review' }),
      aCase({ complaintId: 'early', review: review('2026-11-22T00:00:00Z') }),
      aCase({ complaintId: 'colleague', handlerId: 'h-claims-03', review: review('2026-11-21') }),
      aCase({ complaintId: 'done', status: 'decided', review: review('2026-11-21T00:00:00Z') }),
    ];
    expect(reviewRequests(items, 'h-claims-02').map((c) => c.complaintId)).toEqual([
      'early',
      'late',
    ]);
    expect(reviewRequests(items, 'h-claims-01')).toEqual([]);
  });

  it('shows the reviewer the decision of the round under review, not a later one', () => {
    const decision = (round: number, outcome: CaseDecision['outcome']): CaseDecision => ({
      decisionId: `d${round}`,
      round,
      outcome,
      summary: 's',
      rootCause: `reasons ${round}`,
      decidedBy: 'h-claims-01',
      decidedAt: '2026-11-20T00:00:00Z',
    });
    const decisions = [decision(1, 'rejected'), decision(2, 'upheld')];
    expect(reviewedDecision({ review: review('2026-11-22'), decisions })?.rootCause).toBe(
      'reasons 1',
    );
    expect(reviewedDecision({ decisions })).toBeUndefined();
  });

  it('the reviews page is for handlers; major incidents for complaints officers only', () => {
    expect(can.review(person('h', 'handler'))).toBe(true);
    expect(can.review(person('a', 'analyst'))).toBe(false);
    expect(can.review(person('o', 'complaints_officer'))).toBe(false);
    expect(can.majorIncidents(person('o', 'complaints_officer'))).toBe(true);
    expect(can.majorIncidents(person('s', 'supervisor'))).toBe(false);
    expect(can.majorIncidents(person('au', 'auditor'))).toBe(false);
  });
});

describe('the decision on a proposed repeat', () => {
  const proposed = { status: 'proposed' as const };
  const held = { handlerId: 'h-claims-02', status: 'open' as const };

  it("is the repeat's handler's, a supervisor's or a complaints officer's: merge, restart, split", () => {
    expect(repeatChoices(proposed, person('h-claims-02', 'handler'), held)).toEqual([
      'merged',
      'restarted',
      'split',
    ]);
    expect(repeatChoices(proposed, person('sup-claims', 'supervisor'), held)).toHaveLength(3);
    expect(repeatChoices(proposed, person('officer', 'complaints_officer'), held)).toHaveLength(3);
  });

  it('offers nothing to another handler, an analyst, or once decided', () => {
    expect(repeatChoices(proposed, person('h-claims-01', 'handler'), held)).toEqual([]);
    expect(repeatChoices(proposed, person('analyst', 'analyst'), held)).toEqual([]);
    expect(repeatChoices({ status: 'merged' }, person('h-claims-02', 'handler'), held)).toEqual([]);
    expect(repeatChoices(undefined, person('h-claims-02', 'handler'), held)).toEqual([]);
    expect(
      repeatChoices(proposed, person('h-claims-02', 'handler'), { ...held, status: 'decided' }),
    ).toEqual([]);
  });
});

describe('major incidents', () => {
  const incident = (id: string, raisedAt: string, done: boolean[]): MajorIncident => ({
    incidentId: id,
    trigger: 'disaster',
    raisedAt,
    complainantCount: 25,
    complaintCount: 25,
    steps: (['management-informed', 'coordinated-response', 'priority-handling'] as const).map(
      (step, i) => ({ step, done: done[i] ?? false }),
    ),
  });

  it('counts the contingency steps left and shows open incidents first, newest first', () => {
    const closed = incident('closed', '2026-12-01T00:00:00Z', [true, true, true]);
    const older = incident('older', '2026-11-01T00:00:00Z', [true, false, false]);
    const newer = incident('newer', '2026-11-15T00:00:00Z', []);
    expect(stepsLeft(older)).toBe(2);
    expect(stepsLeft(closed)).toBe(0);
    expect(incidentOrder([closed, older, newer]).map((i) => i.incidentId)).toEqual([
      'newer',
      'older',
      'closed',
    ]);
  });
});

describe("the API's refusals in words", () => {
  let zhT: TFunction;
  let enT: TFunction;
  beforeAll(async () => {
    zhT = await translator('zh');
    enT = await translator('en');
  });

  it('names a recusal refusal and keeps the reason the problem+json gave', () => {
    const excluded = new ApiError('investigation', 422, 'RECUSAL.HANDLER_EXCLUDED', 'x', [
      { field: 'handlerId', reason: 'the complaint is about them' },
    ]);
    expect(problemWords(zhT, excluded)).toEqual({
      text: '所选经办人不能处理本案件：',
      fields: ['经办人: the complaint is about them'],
    });
    const declared = new ApiError('investigation', 409, 'RECUSAL.ALREADY_DECLARED', 'x');
    expect(problemWords(enT, declared).text).toBe(
      'You already declared a conflict of interest on this case.',
    );
    expect(
      problemWords(zhT, new ApiError('investigation', 409, 'REPEAT.ALREADY_DECIDED', 'x')).text,
    ).toBe('这条重复投诉关联已经处理过了。');
  });

  it("shows a code it has no words for with the service's own detail", () => {
    const unknown = new ApiError(
      'investigation',
      409,
      'SOMETHING.NEW',
      'The repeat was already decided (merged).',
    );
    expect(problemWords(enT, unknown).fields).toEqual(['The repeat was already decided (merged).']);
  });

  it("lists an empty reason's field in the reviewer's and handler's words", () => {
    const invalid = new ApiError('investigation', 400, 'REQUEST.INVALID', 'invalid', [
      { field: 'reason', reason: 'reason should not be empty' },
    ]);
    expect(problemWords(zhT, invalid).fields).toEqual(['原因: reason should not be empty']);
  });
});
