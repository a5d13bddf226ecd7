import type {
  CaseBreach,
  CaseDecision,
  CaseDetail,
  CaseItem,
  CaseMajorIncident,
  CaseNote,
  CaseRepeats,
  CaseReview,
  Classification,
  Complainant,
  ComplaintSummary,
  DueCase,
  HandlerWorkload,
  LetterResponse,
  MajorIncident,
  MajorIncidentDetail,
  MajorIncidentStep,
  Money,
  RepeatLink,
  ServiceName,
  WatchlistItem,
  Workload,
} from '../app/api/types';

type OptionalKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];
type RequiredKeys<T> = Exclude<keyof T, OptionalKeys<T>>;

/**
 * The fields a screen reads from one schema of a service's OpenAPI document: the compiler
 * holds the lists to the workbench's type (every field listed, optional ones as optional), and
 * the browser suite holds them to the running service's document.
 */
export interface SchemaReads {
  service: ServiceName;
  schema: string;
  required: readonly string[];
  optional: readonly string[];
}

function reads<T>() {
  return <R extends readonly RequiredKeys<T>[], O extends readonly OptionalKeys<T>[]>(
    service: ServiceName,
    schema: string,
    required: R & ([RequiredKeys<T>] extends [R[number]] ? unknown : 'a required field is missing'),
    optional: O &
      ([OptionalKeys<T>] extends [O[number]] ? unknown : 'an optional field is missing'),
  ): SchemaReads => ({
    service,
    schema,
    required: Array.from(required as readonly PropertyKey[], String),
    optional: Array.from(optional as readonly PropertyKey[], String),
  });
}

const CASE_REQUIRED = [
  'caseId',
  'complaintId',
  'department',
  'routedDepartment',
  'handlerId',
  'status',
  'round',
  'category',
  'subcategory',
  'severity',
  'priority',
  'greenChannel',
  'decisionDueAt',
  'openedAt',
  'reopenCount',
  'breached',
] as const;
const CASE_OPTIONAL = ['reopenedAt', 'decidedAt', 'review', 'complaint', 'breaches'] as const;

export const SCHEMA_READS: SchemaReads[] = [
  reads<CaseItem>()('investigation', 'CaseDto', CASE_REQUIRED, CASE_OPTIONAL),
  reads<CaseDetail>()(
    'investigation',
    'CaseDetailDto',
    [...CASE_REQUIRED, 'notes', 'decisions'] as const,
    CASE_OPTIONAL,
  ),
  reads<ComplaintSummary>()(
    'investigation',
    'ComplaintSummaryDto',
    [
      'referenceNumber',
      'channel',
      'productLine',
      'language',
      'subject',
      'description',
      'receivedAt',
    ] as const,
    [] as const,
  ),
  reads<CaseBreach>()(
    'investigation',
    'CaseBreachDto',
    ['clockId', 'clock', 'dueAt', 'breachedAt', 'department'] as const,
    [] as const,
  ),
  reads<CaseNote>()(
    'investigation',
    'CaseNoteDto',
    ['noteId', 'author', 'body', 'createdAt'] as const,
    [] as const,
  ),
  reads<CaseDecision>()(
    'investigation',
    'CaseDecisionDto',
    ['decisionId', 'round', 'outcome', 'summary', 'rootCause', 'decidedBy', 'decidedAt'] as const,
    ['remedy', 'compensation'] as const,
  ),
  reads<Money>()(
    'investigation',
    'MoneyAmountDto',
    ['amountMinor', 'currency'] as const,
    [] as const,
  ),
  reads<Workload>()(
    'investigation',
    'WorkloadDto',
    ['dueWithinDays', 'handlers', 'dueSoon'] as const,
    ['department'] as const,
  ),
  reads<HandlerWorkload>()(
    'investigation',
    'HandlerWorkloadDto',
    [
      'handlerId',
      'department',
      'active',
      'maxOpenCases',
      'openCases',
      'greenChannelCases',
    ] as const,
    ['nearestDueAt'] as const,
  ),
  reads<DueCase>()(
    'investigation',
    'DueCaseDto',
    [
      'complaintId',
      'caseId',
      'department',
      'handlerId',
      'status',
      'greenChannel',
      'decisionDueAt',
    ] as const,
    [] as const,
  ),
  reads<Complainant>()(
    'intake',
    'ComplainantDto',
    ['complaintId', 'referenceNumber', 'channel', 'name', 'language'] as const,
    ['customerId', 'phone', 'email', 'idNumber', 'policyNumber'] as const,
  ),
  reads<Classification>()(
    'classification',
    'ClassificationDto',
    [
      'complaintId',
      'category',
      'subcategory',
      'severity',
      'priority',
      'greenChannel',
      'department',
      'confidence',
      'decisionDueAt',
      'classifiedAt',
      'corrected',
    ] as const,
    ['correction'] as const,
  ),
  reads<NonNullable<Classification['correction']>>()(
    'classification',
    'CorrectionDto',
    [
      'previousCategory',
      'previousSubcategory',
      'previousDepartment',
      'reason',
      'correctedBy',
      'correctedAt',
    ] as const,
    [] as const,
  ),
  reads<LetterResponse>()(
    'feedback',
    'ResponseDto',
    [
      'id',
      'complaintId',
      'round',
      'outcome',
      'language',
      'channel',
      'body',
      'sentAt',
      'surveyDueAt',
      'status',
    ] as const,
    [] as const,
  ),
];

// Internal review, repeats and major incidents (the reviewer's, the case page's and the
// complaints officer's screens).
const INCIDENT_REQUIRED = [
  'incidentId',
  'trigger',
  'raisedAt',
  'complainantCount',
  'complaintCount',
  'steps',
] as const;
const INCIDENT_OPTIONAL = ['productLine', 'raisedBy', 'reason'] as const;
SCHEMA_READS.push(
  reads<CaseReview>()(
    'investigation',
    'CaseReviewDto',
    ['reviewedRound', 'requestedAt', 'decisionSentAt', 'requestedThrough'] as const,
    [] as const,
  ),
  reads<RepeatLink>()(
    'investigation',
    'RepeatLinkDto',
    ['linkId', 'complaintId', 'earlierComplaintId', 'similarity', 'status', 'proposedAt'] as const,
    ['decidedBy', 'decidedAt', 'reason'] as const,
  ),
  reads<CaseRepeats>()(
    'investigation',
    'CaseRepeatsDto',
    ['repeatedBy'] as const,
    ['repeatOf'] as const,
  ),
  reads<MajorIncidentStep>()(
    'investigation',
    'MajorIncidentStepDto',
    ['step', 'done'] as const,
    ['note', 'doneBy', 'doneAt'] as const,
  ),
  reads<MajorIncident>()('investigation', 'MajorIncidentDto', INCIDENT_REQUIRED, INCIDENT_OPTIONAL),
  reads<MajorIncidentDetail>()(
    'investigation',
    'MajorIncidentDetailDto',
    [...INCIDENT_REQUIRED, 'complaintIds'] as const,
    INCIDENT_OPTIONAL,
  ),
  reads<CaseMajorIncident>()(
    'investigation',
    'CaseMajorIncidentDto',
    ['flagged'] as const,
    ['incident'] as const,
  ),
);

// The operators' page reads the deadlines watchlist's items.
SCHEMA_READS.push(
  reads<WatchlistItem>()(
    'deadlines',
    'WatchlistItemDto',
    ['complaintId', 'department', 'greenChannel', 'breached', 'state'] as const,
    ['dueAt', 'minutesLeft'] as const,
  ),
);

export interface OpenApiDocument {
  components?: {
    schemas?: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
  };
}

/** Each read field missing from a service's document, or optional there but required here. */
export function driftFrom(documents: Record<string, OpenApiDocument>): string[] {
  const drift: string[] = [];
  for (const r of SCHEMA_READS) {
    const schema = documents[r.service]?.components?.schemas?.[r.schema];
    if (!schema) {
      drift.push(`${r.service} ${r.schema}: no such schema`);
      continue;
    }
    const properties = Object.keys(schema.properties ?? {});
    for (const field of [...r.required, ...r.optional]) {
      if (!properties.includes(field))
        drift.push(`${r.service} ${r.schema}.${field}: not in the document`);
    }
    for (const field of r.required) {
      if (!(schema.required ?? []).includes(field)) {
        drift.push(
          `${r.service} ${r.schema}.${field}: optional in the document, required in the workbench`,
        );
      }
    }
  }
  return drift;
}
