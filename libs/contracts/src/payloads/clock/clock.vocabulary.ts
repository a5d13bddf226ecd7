/** What a clock event records; one topic carries them all, in the order they were taken. */
export const CLOCK_ACTIONS = [
  'extension-requested',
  'extension-approved',
  'extension-refused',
  'paused',
  'resumed',
  'restarted',
  'merged',
  'withdrawn',
] as const;
export type ClockAction = (typeof CLOCK_ACTIONS)[number];

/**
 * complex: to 30 days from the start; especially-complex: a further 30, only after a complex
 * extension was granted (China, 2020 rules). Both need an approver who is not the requester.
 */
export const EXTENSION_KINDS = ['complex', 'especially-complex'] as const;
export type ExtensionKind = (typeof EXTENSION_KINDS)[number];

/** Why the clock stops: outside appraisal, test or evaluation, mediation, or the customer's material. */
export const PAUSE_KINDS = [
  'appraisal',
  'test',
  'evaluation',
  'mediation',
  'awaiting-customer-material',
] as const;
export type PauseKind = (typeof PAUSE_KINDS)[number];

/**
 * The clocks the deadlines service keeps. decision: decide and tell (per round; a reopened
 * round is an internal review); acknowledgement: tell the customer the complaint arrived;
 * green-channel: the fast track's shorter internal target.
 */
export const CLOCK_KINDS = ['decision', 'review', 'acknowledgement', 'green-channel'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];
