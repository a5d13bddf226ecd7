import type { ExtensionKind } from '@complaints/contracts';

/** One extension a policy allows: the decision period grows to `toDays` from the clock's start. */
export interface ExtensionRule {
  kind: ExtensionKind;
  /** natural days from the clock's start, > the base period */
  toDays: number;
  /** An extension that must have been approved first (especially complex after complex). */
  after?: ExtensionKind;
}

/**
 * A versioned set of time limits, as data. A complaint keeps the policy (id and version) it
 * started under, so a new version never moves an existing deadline; the same events under the
 * same policy always give the same deadlines.
 */
export interface ClockPolicy {
  id: string;
  /** >= 1; bumped on every change of a figure below */
  version: number;
  /** natural days to decide and tell, counted from the day after receipt */
  decisionDays: number;
  extensions: readonly ExtensionRule[];
  /** natural days to decide an internal review (a reopened round), from its request */
  reviewDays: number;
  /** natural days to decide again after new facts restart the clock */
  restartDays: number;
  /** hours to acknowledge receipt (green channel: `greenAcknowledgementHours`) */
  acknowledgementHours: number;
  greenAcknowledgementHours: number;
  /** hours: the green channel's shorter internal target for the decision; absent: none */
  greenChannelTargetHours?: number;
  /** minutes before a deadline a warning is published, largest first */
  warningLeadMinutes: readonly number[];
  greenWarningLeadMinutes: readonly number[];
  /**
   * Whether a deadline whose last day is a public holiday or a rest day runs to the end of the
   * next working day (the Civil Code's rule for periods). A policy choice, so it is a switch.
   */
  holidaysExtendDeadline: boolean;
  /** the holiday calendar (rows of `holiday`) the switch reads */
  calendar: string;
  /**
   * Whether the acknowledgement clock warns and breaches. Off until acknowledgements are sent
   * (the customer-communication work): it would otherwise breach every complaint.
   */
  watchAcknowledgement: boolean;
  /**
   * TEST ONLY: a day lasts this many ms, counted from the clock's start (no local midnights),
   * so a test can see a deadline pass within seconds. Only test policies set it, and the
   * service refuses to start with one unless DEADLINES_TEST_POLICIES=on.
   */
  testDayMs?: number;
}

const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * HOUR_MINUTES;

/** China, CBIRC Order 2020 No. 3: 15 days, extendable to 30 and a further 30; review in 30. */
export const CHINA_2020: ClockPolicy = {
  id: 'cn-2020',
  version: 1,
  decisionDays: 15,
  extensions: [
    { kind: 'complex', toDays: 30 },
    { kind: 'especially-complex', toDays: 60, after: 'complex' },
  ],
  reviewDays: 30,
  restartDays: 15,
  acknowledgementHours: 24,
  greenAcknowledgementHours: 2,
  greenChannelTargetHours: 5 * 24,
  warningLeadMinutes: [3 * DAY_MINUTES, 1 * DAY_MINUTES],
  greenWarningLeadMinutes: [12 * HOUR_MINUTES, 2 * HOUR_MINUTES],
  holidaysExtendDeadline: false,
  calendar: 'CN',
  watchAcknowledgement: false,
};

/**
 * UK FCA DISP 1.6: a final response within 8 weeks; no extension. (The summary resolution by
 * the end of the third business day is not a clock here yet.)
 */
export const UK_FCA: ClockPolicy = {
  id: 'uk-fca',
  version: 1,
  decisionDays: 56,
  extensions: [],
  reviewDays: 56,
  restartDays: 56,
  acknowledgementHours: 5 * 24,
  greenAcknowledgementHours: 24,
  warningLeadMinutes: [7 * DAY_MINUTES, 2 * DAY_MINUTES],
  greenWarningLeadMinutes: [1 * DAY_MINUTES],
  holidaysExtendDeadline: false,
  calendar: 'GB',
  watchAcknowledgement: false,
};

/**
 * TEST ONLY (the end-to-end suite's breach): China's figures with a day of one second, so a
 * decision is due 15 s after receipt; no warnings. Refused at start unless
 * DEADLINES_TEST_POLICIES=on.
 */
export const TEST_SECONDS: ClockPolicy = {
  ...CHINA_2020,
  id: 'test-seconds',
  version: 1,
  greenChannelTargetHours: undefined,
  warningLeadMinutes: [],
  greenWarningLeadMinutes: [],
  calendar: 'none',
  testDayMs: 1000,
};

export const POLICIES: readonly ClockPolicy[] = [CHINA_2020, UK_FCA, TEST_SECONDS];

export function policyKey(p: Pick<ClockPolicy, 'id' | 'version'>): string {
  return `${p.id}@${p.version}`;
}

/** The policy a stored key names; an unknown key is a bug (policies are never removed). */
export function policyByKey(key: string): ClockPolicy {
  const found = POLICIES.find((p) => policyKey(p) === key);
  if (!found) throw new Error(`unknown clock policy ${key}`);
  return found;
}
