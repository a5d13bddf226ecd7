import { canonicalJson, EVENT_CATALOG, validateEnvelope } from '@complaints/contracts';
import { clockFacts, CLOCK_INPUT_TYPES } from '../clocks/clock-inputs';
import { ClockEngine } from '../clocks/clock-engine';
import type { ClockInput, ComplaintClocks } from '../clocks/clock-state';
import { DeadlineCalculator } from '../clocks/deadline-calculator';
import { policyByKey } from '../policy/clock-policy';
import { HolidayCalendar, NO_HOLIDAYS } from '../policy/working-days';
import { readToEnd } from './topic-reader';

export type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export interface ReplayReport {
  replayed: number;
  match: number;
  differ: number;
  /** complaint ids whose stored clocks differ from the replay, at most 20 */
  differing: string[];
}

export interface ReplayOptions {
  brokers: string[];
  topicPrefix: string;
  timeZone: string;
  /** reads the deadlines schema (search_path set to it) */
  query: Query;
}

async function calendars(query: Query): Promise<Map<string, HolidayCalendar>> {
  const map = new Map<string, { holidays: Set<string>; workdays: Set<string> }>();
  for (const r of await query(`SELECT calendar, day, kind FROM holiday`)) {
    const c = map.get(String(r['calendar'])) ?? { holidays: new Set(), workdays: new Set() };
    (r['kind'] === 'holiday' ? c.holidays : c.workdays).add(String(r['day']));
    map.set(String(r['calendar']), c);
  }
  return map;
}

/**
 * Rebuilds every complaint's clocks from the topics alone and compares them with the stored
 * ones: the proof that every deadline follows from the log. Each complaint is replayed under
 * the policy it stored (a new policy version never moves an old complaint's deadlines).
 */
export async function replayClocks(o: ReplayOptions): Promise<ReplayReport> {
  const topics = [...new Set(CLOCK_INPUT_TYPES.map((t) => o.topicPrefix + EVENT_CATALOG[t].topic))];
  const byComplaint = new Map<string, Map<string, ClockInput>>();
  for (const value of await readToEnd(o.brokers, topics)) {
    const parsed = validateEnvelope(JSON.parse(value));
    if (!parsed.ok) continue; // the consumer dead-lettered it too
    const e = parsed.envelope;
    const events = byComplaint.get(e.complaintId) ?? new Map<string, ClockInput>();
    events.set(e.eventId, {
      eventId: e.eventId,
      type: e.type,
      occurredAt: e.occurredAt,
      payload: clockFacts(e),
    });
    byComplaint.set(e.complaintId, events);
  }
  const cals = await calendars(o.query);
  const stored = new Map<string, { policy: string; clocks: ComplaintClocks }>();
  for (const r of await o.query(`SELECT complaint_id, policy, clocks FROM complaint_clocks`))
    stored.set(String(r['complaint_id']), {
      policy: String(r['policy']),
      clocks: r['clocks'] as ComplaintClocks,
    });
  const report: ReplayReport = { replayed: 0, match: 0, differ: 0, differing: [] };
  for (const id of new Set([...byComplaint.keys(), ...stored.keys()])) {
    report.replayed++;
    const saved = stored.get(id);
    const events = [...(byComplaint.get(id)?.values() ?? [])];
    let same = false;
    if (saved) {
      const policy = policyByKey(saved.policy);
      const engine = new ClockEngine(
        policy,
        new DeadlineCalculator(policy, o.timeZone, cals.get(policy.calendar) ?? NO_HOLIDAYS),
      );
      const replayed: unknown = JSON.parse(JSON.stringify(engine.compute(id, events)));
      same = canonicalJson(replayed) === canonicalJson(saved.clocks);
    }
    if (same) report.match++;
    else {
      report.differ++;
      if (report.differing.length < 20) report.differing.push(id);
    }
  }
  return report;
}

export function replayLine(r: ReplayReport): string {
  return `replayed ${r.replayed} complaints: ${r.match} match, ${r.differ} differ`;
}
