/**
 * Why a matter is a major complaint (China, 2020 rules): 20 or more complainants on one matter
 * (`complainant-threshold`, found across complaints), a declared disaster, a public-health event,
 * or the regulator's designation (the last three declared by a complaints officer).
 */
export const MAJOR_INCIDENT_TRIGGERS = [
  'complainant-threshold',
  'disaster',
  'public-health',
  'regulator-designation',
] as const;
export type MajorIncidentTrigger = (typeof MAJOR_INCIDENT_TRIGGERS)[number];

/** The contingency plan's steps, ticked by the complaints officer. */
export const MAJOR_INCIDENT_STEPS = [
  'management-informed',
  'coordinated-response',
  'priority-handling',
] as const;
export type MajorIncidentStep = (typeof MAJOR_INCIDENT_STEPS)[number];

/**
 * raised: the incident exists (once, keyed by its first complaint). linked: one complaint is
 * part of it (once per complaint, keyed by that complaint). step-done: the officer ticked a step.
 */
export const MAJOR_INCIDENT_ACTIONS = ['raised', 'linked', 'step-done'] as const;
export type MajorIncidentAction = (typeof MAJOR_INCIDENT_ACTIONS)[number];
