import { HealthSample } from './health-watch';

/** What /health/ready should have said around one fault. */
export interface TruthRule {
  /** ms since epoch */
  faultStart: number;
  faultEnd: number;
  /** when the dependency answered again, if before faultEnd */
  impairedUntil?: number;
  /** Services a dependency of which was down for the whole fault: they must not claim all is well. */
  impaired: string[];
  /** why they were impaired, for the report ("the broker was down") */
  because: string;
  /** ms after faultStart before a service is expected to have noticed (its checks time out at 2 s) */
  graceMs: number;
  /** every service: must claim healthy again after faultEnd, and in its last answer */
  services: string[];
}

export interface Truth {
  truthful: boolean;
  /** "yes", or what was false */
  summary: string;
  /** what each impaired service answered during the fault: status -> times */
  said: Record<string, Record<string, number>>;
}

/**
 * "Truth" = non-200 (or a degraded/down indicator) while the service's database or broker is
 * unreachable, and 200 with everything up again after recovery. A service that does not answer
 * at all during its fault (killed, frozen) claims nothing, which is not a lie. Services whose
 * dependencies were fine are not judged during the fault.
 */
export function judgeHealth(samples: readonly HealthSample[], rule: TruthRule): Truth {
  const lies: string[] = [];
  const said: Record<string, Record<string, number>> = {};
  const from = rule.faultStart + rule.graceMs;
  // The last second before the fault ends is left out: the fix may already be visible.
  const to = Math.min(rule.faultEnd, rule.impairedUntil ?? rule.faultEnd) - 1000;
  for (const service of rule.impaired) {
    // Only answers asked and given inside the window: a request sent just before the repair
    // may be answered after it.
    const during = samples.filter((s) => s.service === service && s.t >= from && s.t + s.ms <= to);
    const counts: Record<string, number> = {};
    for (const s of during) {
      const label = s.claimsHealthy ? '200 all up' : describe(s);
      counts[label] = (counts[label] ?? 0) + 1;
    }
    said[service] = counts;
    const healthy = during.filter((s) => s.claimsHealthy);
    if (healthy.length)
      lies.push(
        `${service} said 200 all up ${healthy.length}/${during.length} times while ${rule.because}` +
          ` (at +${healthy.map((s) => ((s.t - rule.faultStart) / 1000).toFixed(1)).join(', +')} s)`,
      );
  }
  for (const service of rule.services) {
    const after = samples.filter((s) => s.service === service && s.t >= rule.faultEnd);
    const last = after[after.length - 1];
    if (!last) lies.push(`${service}: no answer recorded after the fault`);
    else if (!last.claimsHealthy) {
      const ok = after.filter((s) => s.claimsHealthy).length;
      lies.push(
        `${service} still said ${describe(last)} ${((last.t - rule.faultEnd) / 1000).toFixed(0)} s after the fault ` +
          `(all up in ${ok}/${after.length} answers since)`,
      );
    }
  }
  const judged = to > from || !rule.impaired.length;
  const summary = lies.length
    ? `no: ${lies.join('; ')}`
    : judged
      ? 'yes'
      : 'yes (fault too short to judge during)';
  return { truthful: !lies.length, summary, said };
}

function describe(s: HealthSample): string {
  if (typeof s.status !== 'number') return s.status;
  return s.down.length ? `${s.status} ${s.down.join(',')}` : String(s.status);
}
