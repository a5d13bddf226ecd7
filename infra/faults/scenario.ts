import { ComplaintBody } from './complaints';
import { DuplicateFinding, OrderFinding } from './checks';
import { Truth } from './health-truth';
import { Load } from './load';
import { KafkaObserver } from './observe-kafka';
import { DbObserver } from './observe-db';
import { FaultStack } from './stack';

export interface Mode {
  quick: boolean;
  /** ms a dependency stays down in the outage scenarios: 60 s, 15 s quick */
  outageMs: number;
  /** complaints per scenario */
  complaints: number;
  /** submissions per second */
  rate: number;
  /** s recovery is watched for after a fault: 60 quick (the bound itself), 75 full (shows how late) */
  recoveryWatchS: number;
  /** ms the services get after recovery to say ready again */
  readyAgainMs: number;
}

export interface ScenarioContext {
  stack: FaultStack;
  kafka: KafkaObserver;
  db: DbObserver;
  mode: Mode;
  load: Load;
  /** externalReference prefix of this scenario's complaints */
  prefix: string;
  log: (line: string) => void;
}

/** What the fault was, as inject() reports it. */
export interface FaultWindow {
  /** ms since epoch: the fault began / was repaired (recovery is measured from `end`) */
  start: number;
  end: number;
  /** services whose database or broker was unreachable for the whole window */
  impaired: string[];
  because: string;
  /** ms since epoch the dependency was reachable again, when before `end` (a broker answers a few
   * seconds before kafka.sh sees it started); the health judgement stops there */
  impairedUntil?: number;
  /** ms after `start` the impaired services get to notice; default 5000 */
  graceMs?: number;
  notes?: string[];
}

export interface Verdict {
  ok: boolean;
  notes: string[];
}

export interface Scenario {
  name: string;
  description: string;
  /** runs in `npm run faults -- --quick` too */
  quick: boolean;
  /** complaints to send; default mode.complaints */
  complaints?: (mode: Mode) => number;
  body?: (index: number, externalReference: string) => ComplaintBody;
  /**
   * Injects the fault and repairs it. Called once half the complaints were sent (the load goes
   * on meanwhile), or at the start with `ownLoad`, which then drives ctx.load itself.
   */
  inject(ctx: ScenarioContext): Promise<FaultWindow>;
  ownLoad?: boolean;
  /** Scenario-specific conditions of recovery, checked after the pipeline settled. */
  verify?(ctx: ScenarioContext, fault: FaultWindow): Promise<Verdict>;
}

export interface ScenarioResult {
  name: string;
  description: string;
  startedAt: string;
  durationS: number;
  accepted: number;
  archived: number;
  lost: string[];
  duplicates: DuplicateFinding[];
  outOfOrder: OrderFinding[];
  /** complaints with at least one order finding */
  outOfOrderComplaints: number;
  /** what the counts were made from: this scenario's events on the topics, their inbox rows, and
   * the suite's own poison messages left out */
  evidence: { events: number; inboxRows: number; poison: number };
  /** one eventId at several offsets: at-least-once delivery, absorbed by the inboxes */
  redelivered: number;
  /** s from the end of the fault until outboxes were empty and lags 0; undefined: not within the bound */
  recoveryS?: number;
  recovered: boolean;
  health: Truth;
  /** when health was not truthful: every answer, [s since the fault began, service, status, indicators down] */
  healthSamples?: [number, string, number | string, string][];
  ok: boolean;
  notes: string[];
  /** what each service logged at warn or above during the scenario */
  problems: Record<string, string[]>;
}
