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
  /** Present while the current round is the customer's internal review. */
  review?: CaseReview;
  complaint?: ComplaintSummary;
  /** A deadline passed unmet: escalated to the supervisor and the complaints officer. */
  breached: boolean;
  breaches?: CaseBreach[];
}

/** The internal review the current round is (investigation CaseReviewDto). */
export interface CaseReview {
  /** the round whose decision is reviewed */
  reviewedRound: number;
  requestedAt: string;
  decisionSentAt: string;
  requestedThrough: 'calling-system' | 'answer-link' | 'officer';
}

export type ReviewOutcome = 'upheld' | 'overturned';

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
  /** internal review rounds only: the reviewed decision upheld or overturned */
  reviewOutcome?: ReviewOutcome;
}

/** investigation RepeatLinkDto: a later complaint proposed to repeat an open earlier one. */
export type RepeatStatus = 'proposed' | 'merged' | 'restarted' | 'split';
export type RepeatOutcome = Exclude<RepeatStatus, 'proposed'>;
export interface RepeatLink {
  linkId: string;
  complaintId: string;
  earlierComplaintId: string;
  similarity: number;
  status: RepeatStatus;
  proposedAt: string;
  decidedBy?: string;
  decidedAt?: string;
  reason?: string;
}

/** investigation CaseRepeatsDto. */
export interface CaseRepeats {
  repeatOf?: RepeatLink;
  repeatedBy: RepeatLink[];
}

export type MajorIncidentTrigger =
  | 'complainant-threshold'
  | 'disaster'
  | 'public-health'
  | 'regulator-designation';
export type MajorIncidentStepName =
  | 'management-informed'
  | 'coordinated-response'
  | 'priority-handling';

/** investigation MajorIncidentStepDto: one contingency step. */
export interface MajorIncidentStep {
  step: MajorIncidentStepName;
  done: boolean;
  note?: string;
  doneBy?: string;
  doneAt?: string;
}

/** investigation MajorIncidentDto. */
export interface MajorIncident {
  incidentId: string;
  trigger: MajorIncidentTrigger;
  productLine?: string;
  raisedAt: string;
  raisedBy?: string;
  reason?: string;
  complainantCount: number;
  complaintCount: number;
  steps: MajorIncidentStep[];
}

/** investigation MajorIncidentDetailDto. */
export interface MajorIncidentDetail extends MajorIncident {
  complaintIds: string[];
}

/** investigation CaseMajorIncidentDto. */
export interface CaseMajorIncident {
  flagged: boolean;
  incident?: MajorIncident;
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
