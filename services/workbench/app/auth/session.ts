/** Who is signed in, read from the access token's claims (the services verify the token). */
export interface Person {
  username: string;
  roles: string[];
  department?: string;
}

export const ROLES = [
  'handler',
  'supervisor',
  'approver',
  'complaints_officer',
  'operator',
  'analyst',
  'auditor',
] as const;

function decodeSegment(segment: string): unknown {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

export function personFromAccessToken(token: string): Person {
  const claims = decodeSegment(token.split('.')[1] ?? '') as {
    preferred_username?: string;
    sub?: string;
    department?: string;
    realm_access?: { roles?: string[] };
  };
  const roles = (claims.realm_access?.roles ?? []).filter((r) =>
    (ROLES as readonly string[]).includes(r),
  );
  return {
    username: claims.preferred_username ?? claims.sub ?? '',
    roles,
    department: claims.department,
  };
}

export const can = {
  /** The local mail sink's "sent mail": officers and auditors (feedback's GET /v1/sent-mail). */
  readSentMail: (p: Person) => p.roles.some((r) => r === 'complaints_officer' || r === 'auditor'),
  analyse: (p: Person) => p.roles.includes('analyst'),
  operate: (p: Person) => p.roles.includes('operator'),
  workQueue: (p: Person) => p.roles.includes('handler') || p.roles.includes('supervisor'),
  board: (p: Person) => p.roles.includes('supervisor') || p.roles.includes('complaints_officer'),
  allDepartments: (p: Person) =>
    p.roles.some((r) => r === 'complaints_officer' || r === 'approver' || r === 'auditor'),
  correct: (p: Person) => p.roles.includes('complaints_officer'),
  reassign: (p: Person) => p.roles.includes('supervisor') || p.roles.includes('complaints_officer'),
  decide: (p: Person) => p.roles.includes('handler'),
  /** Internal reviews are handlers' work: investigation assigns one who decided no round. */
  review: (p: Person) => p.roles.includes('handler'),
  /** Only the handler holding the case may declare a conflict on it (investigation checks). */
  declareConflict: (p: Person) => p.roles.includes('handler'),
  /** investigation's GET /v1/major-incidents: complaints officers only. */
  majorIncidents: (p: Person) => p.roles.includes('complaints_officer'),
  seeComplainant: (p: Person) =>
    p.roles.some((r) => r === 'handler' || r === 'complaints_officer' || r === 'auditor'),
  note: (p: Person) =>
    p.roles.some((r) => r === 'handler' || r === 'supervisor' || r === 'complaints_officer'),
  readLetter: (p: Person) =>
    p.roles.some(
      (r) => r === 'handler' || r === 'supervisor' || r === 'complaints_officer' || r === 'auditor',
    ),
};
