/**
 * The closed sets of values the payloads use. Each list is the single source for the
 * class-validator `@IsIn` rules, the JSON Schema `enum`s and the TypeScript union types.
 * Adding a value is a compatible change for producers only; consumers must be ready for it
 * before anyone produces it.
 */

/** Where a complaint came in: the dedicated channels, plus referrals forwarded by the regulator. */
export const INTAKE_CHANNELS = [
  'phone',
  'email',
  'web',
  'app',
  'branch',
  'social',
  'regulator_referral',
] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

export const PRODUCT_LINES = [
  'life',
  'health',
  'motor',
  'property',
  'liability',
  'travel',
  'other',
] as const;
export type ProductLine = (typeof PRODUCT_LINES)[number];

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The industry plan's four classes: product and service, business handling, staff, technical. */
export const COMPLAINT_CATEGORIES = [
  'product_service',
  'business_handling',
  'staff_service',
  'technical',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** P1 is handled first. */
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const INVESTIGATION_OUTCOMES = ['upheld', 'partially_upheld', 'rejected'] as const;
export type InvestigationOutcome = (typeof INVESTIGATION_OUTCOMES)[number];

/** How the decision reached the customer; each one leaves a proof of notification. */
export const RESPONSE_CHANNELS = ['letter', 'sms', 'email', 'phone', 'app', 'web'] as const;
export type ResponseChannel = (typeof RESPONSE_CHANNELS)[number];

/**
 * Why a complaint closed: the customer said they were satisfied, the survey window ran out,
 * or the customer took it further (internal review, mediation, regulator, courts).
 */
export const CLOSURE_RESOLUTIONS = ['satisfied', 'no_feedback', 'escalated'] as const;
export type ClosureResolution = (typeof CLOSURE_RESOLUTIONS)[number];

/** receive -> route -> investigate -> respond -> feedback (-> reopen -> investigate ...) -> close. */
export const LIFECYCLE_STAGES = [
  'received',
  'routed',
  'investigated',
  'responded',
  'feedback_received',
  'reopened',
  'closed',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
