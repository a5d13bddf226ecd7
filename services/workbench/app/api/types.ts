/**
 * The shapes the workbench reads, as the services' OpenAPI documents declare them
 * (investigation CaseDto/CaseDetailDto/WorkloadDto, intake ComplainantDto, classification
 * ClassificationDto, feedback ResponseDto). Only the fields the screens use.
 */
export type Outcome = 'upheld' | 'partially_upheld' | 'rejected';
export type CaseStatus = 'open' | 'decided' | 'reopened';
export type Category = 'product_service' | 'business_handling' | 'staff_service' | 'technical';
export type Language = 'zh' | 'en';

export interface Money {
  /** minor units (fen, cents), >= 0 */
  amountMinor: number;
  currency: string;
}

export interface ComplaintSummary {
  referenceNumber: string;
  channel: string;
  productLine: string;
  language: Language;
  subject: string;
  description: string;
  receivedAt: string;
}

export interface CaseItem {
  caseId: string;
  complaintId: string;
  department: string;
  routedDepartment: string;
  handlerId: string;
  status: CaseStatus;
  round: number;
  category: Category;
  subcategory: string;
  severity: string;
  priority: string;
  greenChannel: boolean;
  decisionDueAt: string;
  openedAt: string;
  reopenedAt?: string;
  decidedAt?: string;
  reopenCount: number;
  complaint?: ComplaintSummary;
  /** A deadline passed unmet: escalated to the supervisor and the complaints officer. */
  breached: boolean;
  breaches?: CaseBreach[];
}

/** One breached clock of a case (investigation CaseBreachDto). */
export interface CaseBreach {
  clockId: string;
  clock: 'decision' | 'review' | 'acknowledgement' | 'green-channel';
  dueAt: string;
  breachedAt: string;
  department: string;
}

export interface CaseNote {
  noteId: string;
  author: string;
  body: string;
  createdAt: string;
}

export interface CaseDecision {
  decisionId: string;
  round: number;
  outcome: Outcome;
  summary: string;
  rootCause: string;
  remedy?: string;
  compensation?: Money;
  decidedBy: string;
  decidedAt: string;
}

export interface CaseDetail extends CaseItem {
  notes: CaseNote[];
  decisions: CaseDecision[];
}

export interface DecideRequest {
  outcome: Outcome;
  summary: string;
  rootCause: string;
  remedy?: string;
  compensation?: Money;
}

export interface HandlerWorkload {
  handlerId: string;
  department: string;
  active: boolean;
  maxOpenCases: number;
  openCases: number;
  greenChannelCases: number;
  nearestDueAt?: string;
}

export interface DueCase {
  complaintId: string;
  caseId: string;
  department: string;
  handlerId: string;
  status: CaseStatus;
  greenChannel: boolean;
  decisionDueAt: string;
}

export interface Workload {
  department?: string;
  dueWithinDays: number;
  handlers: HandlerWorkload[];
  dueSoon: DueCase[];
}

export interface Complainant {
  complaintId: string;
  referenceNumber: string;
  channel: string;
  name: string;
  customerId?: string;
  phone?: string;
  email?: string;
  idNumber?: string;
  policyNumber?: string;
  language: string;
}

export interface Classification {
  complaintId: string;
  category: Category;
  subcategory: string;
  severity: string;
  priority: string;
  greenChannel: boolean;
  department: string;
  confidence: 'low' | 'medium' | 'high';
  decisionDueAt: string;
  classifiedAt: string;
  corrected: boolean;
  correction?: {
    previousCategory: Category;
    previousSubcategory: string;
    previousDepartment: string;
    reason: string;
    correctedBy: string;
    correctedAt: string;
  };
}

export interface LetterResponse {
  id: string;
  complaintId: string;
  round: number;
  outcome: Outcome;
  language: Language;
  channel: string;
  body: string;
  sentAt: string;
  surveyDueAt: string;
  status: string;
}

export type ServiceName =
  | 'intake'
  | 'classification'
  | 'investigation'
  | 'feedback'
  | 'archiving'
  | 'deadlines'
  | 'analytics';

/** The analytics service's hotspots (pseudonymised counts only). */
export interface HotspotRow {
  value: string | null;
  count: number;
  previousCount: number;
  change: number | null;
  pValue: number | null;
  significant: boolean;
}
export interface Hotspots {
  dimension: string;
  period: { kind: string; id: string; from: string; to: string };
  previousPeriod: { id: string };
  total: HotspotRow;
  rows: HotspotRow[];
}

/** The deadlines service's watchlist: figures only, no personal data. */
export interface WatchlistItem {
  complaintId: string;
  department: string;
  greenChannel: boolean;
  dueAt?: string;
  minutesLeft?: number;
  breached: boolean;
  state: string;
}
