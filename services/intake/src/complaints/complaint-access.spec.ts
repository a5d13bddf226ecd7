import type { Actor } from '@complaints/platform';
import { complainantAccess, mayReadComplaint } from './complaint-access';
import { Complaint } from './complaint.entity';

const person = (roles: string[], department?: string, username = 'h-claims-01'): Actor => ({
  subject: `sub-${username}`,
  username,
  roles,
  ...(department ? { department } : {}),
});
const complaint = (department: string | null, handlerId: string | null) =>
  Object.assign(new Complaint(), { department, handlerId });

describe('people access to a complaint', () => {
  const claims = complaint('claims', 'h-claims-01');

  it.each([
    [person(['complaints_officer']), true],
    [person(['auditor']), true],
    [person(['approver']), true],
    [person(['handler'], 'claims', 'h-claims-02'), true],
    [person(['supervisor'], 'claims', 'sup-claims'), true],
    [person(['handler'], 'policy-services', 'h-policy-01'), false],
    [person(['handler'], undefined), false],
    [person(['operator']), false],
    [person(['analyst']), false],
  ])('status of a claims complaint: %j -> %s', (actor, allowed) => {
    expect(mayReadComplaint(actor, claims)).toBe(allowed);
  });

  it('hides a complaint not yet routed from department-bound people', () => {
    expect(mayReadComplaint(person(['handler'], 'claims'), complaint(null, null))).toBe(false);
    expect(complainantAccess(person(['handler'], 'claims'), complaint(null, null))).toBe('hidden');
  });

  it.each([
    [person(['handler'], 'claims', 'h-claims-01'), 'granted'],
    [person(['complaints_officer']), 'granted'],
    [person(['auditor']), 'granted'],
    [person(['handler'], 'claims', 'h-claims-02'), 'not-assigned'],
    [person(['supervisor'], 'claims', 'h-claims-01'), 'not-assigned'],
    [person(['handler'], 'policy-services', 'h-claims-01'), 'hidden'],
    [person(['approver']), 'hidden'],
  ])('complainant of a case assigned to h-claims-01: %j -> %s', (actor, access) => {
    expect(complainantAccess(actor, claims)).toBe(access);
  });
});
