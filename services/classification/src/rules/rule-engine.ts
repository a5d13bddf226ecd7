import { COMPLAINT_CATEGORIES, PRIORITIES, SEVERITIES } from '@complaints/contracts';
import type { ComplaintCategory, Priority, Severity } from '@complaints/contracts';
import { RulebookError } from './rulebook.error';
import type {
  ClassifyInput,
  Confidence,
  DepartmentRouteDefinition,
  MatchedRule,
  RuleDefinition,
  Verdict,
} from './rule.types';

/**
 * Who wins a tie between classes. Business handling first: claims and surrender disputes carry
 * money and are most of what regulators count; technical next, since a stability or security
 * fault affects many customers at once; product management, the catch-all, last.
 */
export const CLASS_TIE_ORDER: readonly ComplaintCategory[] = [
  'business_handling',
  'technical',
  'staff_service',
  'product_service',
];

/** Where a complaint no class rule recognises goes, with low confidence. */
export const FALLBACK_CLASS = {
  category: 'product_service',
  subcategory: 'service_process',
} as const;

/** Route entries with this subcategory cover every subcategory of their class. */
export const ANY_SUBCATEGORY = '*';

/** A recognised complaint starts at medium; an unrecognised one at low until a rule raises it. */
const BASE_SEVERITY: Record<'matched' | 'unmatched', Severity> = {
  matched: 'medium',
  unmatched: 'low',
};
const PRIORITY_BY_SEVERITY: Record<Severity, Priority> = {
  critical: 'P1',
  high: 'P2',
  medium: 'P3',
  low: 'P4',
};
/** A fast-tracked complaint is never handled after ordinary ones. */
const GREEN_CHANNEL_PRIORITY: Priority = 'P2';
/** A winner at least this strong and twice the runner-up is a confident classification. */
const HIGH_CONFIDENCE_SCORE = 3;

interface CompiledRule extends RuleDefinition {
  regex?: RegExp;
}

/**
 * The classification rules as a pure function of the complaint's text, channel and product
 * line: no I/O, no clock. Every fired rule is reported, so any routing can be explained.
 */
export class RuleEngine {
  private readonly rules: CompiledRule[];
  private readonly departments = new Map<string, string>();
  /** `category/subcategory` of every class a rule votes for or a route names (not `*`). */
  private readonly classes = new Set<string>();

  /** Throws RulebookError listing every problem when the rules cannot be applied as given. */
  constructor(rules: readonly RuleDefinition[], routes: readonly DepartmentRouteDefinition[]) {
    const problems: string[] = [];
    for (const r of routes) this.departments.set(routeKey(r.category, r.subcategory), r.department);
    for (const r of [FALLBACK_CLASS, ...routes, ...rules]) {
      if (r.category && r.subcategory && r.subcategory !== ANY_SUBCATEGORY)
        this.classes.add(routeKey(r.category, r.subcategory));
    }
    this.rules = [...rules]
      .sort((a, b) => a.priority - b.priority)
      .map((r) => compile(r, problems));
    problems.push(
      ...duplicates(
        rules.map((r) => r.id),
        'rule id',
      ),
    );
    problems.push(
      ...duplicates(
        rules.map((r) => String(r.priority)),
        'rule priority',
      ),
    );
    const voted = [FALLBACK_CLASS, ...this.rules.filter((r) => r.category && r.subcategory)];
    for (const { category, subcategory } of voted) {
      if (category && subcategory && !this.departmentFor(category, subcategory)) {
        problems.push(`no department route for ${category}/${subcategory}`);
      }
    }
    if (problems.length > 0) throw new RulebookError(problems);
  }

  classify(input: ClassifyInput): Verdict {
    // NFKC folds full-width letters, digits and ￥ into their ordinary forms.
    const text = `${input.subject}\n${input.description}`.normalize('NFKC');
    const fired = this.rules.filter((r) => applies(r, input, text));
    const { category, subcategory, confidence } = chooseClass(fired);

    let severity = BASE_SEVERITY[confidence === 'low' ? 'unmatched' : 'matched'];
    for (const r of fired) if (r.minSeverity) severity = maxSeverity(severity, r.minSeverity);
    const greenChannel = severity === 'critical' || fired.some((r) => r.greenChannel);
    let priority = PRIORITY_BY_SEVERITY[severity];
    for (const r of fired) if (r.minPriority) priority = maxPriority(priority, r.minPriority);
    if (greenChannel) priority = maxPriority(priority, GREEN_CHANNEL_PRIORITY);

    const department = this.departmentFor(category, subcategory);
    // The constructor proved every votable class has a department.
    if (!department) throw new Error(`no department for ${category}/${subcategory}`);
    const matchedRules: MatchedRule[] = fired.map((r) => ({
      id: r.id,
      description: r.description,
    }));
    return {
      category,
      subcategory,
      severity,
      priority,
      greenChannel,
      department,
      confidence,
      matchedRules,
    };
  }

  /** Whether the rulebook knows this subcategory of the class (a rule votes for it or a route names it). */
  knowsClass(category: ComplaintCategory, subcategory: string): boolean {
    return this.classes.has(routeKey(category, subcategory));
  }

  /** Every department some route sends complaints to. */
  routedDepartments(): ReadonlySet<string> {
    return new Set(this.departments.values());
  }

  /** The department the routing table gives the class: its own route, else its class's `*`. */
  departmentFor(category: ComplaintCategory, subcategory: string): string | undefined {
    return (
      this.departments.get(routeKey(category, subcategory)) ??
      this.departments.get(routeKey(category, ANY_SUBCATEGORY))
    );
  }
}

function compile(rule: RuleDefinition, problems: string[]): CompiledRule {
  const compiled: CompiledRule = { ...rule };
  if (rule.pattern !== undefined) {
    try {
      compiled.regex = new RegExp(rule.pattern, 'iu');
    } catch (err) {
      problems.push(
        `${rule.id}: pattern does not compile (${err instanceof Error ? err.message : String(err)})`,
      );
    }
  }
  if (rule.pattern === undefined && !rule.channels?.length && !rule.productLines?.length) {
    problems.push(`${rule.id}: has no condition, so it would fire on every complaint`);
  }
  const votes = rule.category !== undefined || rule.subcategory !== undefined;
  if (
    votes &&
    (!rule.category || !rule.subcategory || !COMPLAINT_CATEGORIES.includes(rule.category))
  ) {
    problems.push(`${rule.id}: a class vote needs a known category and a subcategory`);
  }
  if (votes !== rule.weight > 0)
    problems.push(`${rule.id}: weight must be positive exactly when the rule votes for a class`);
  if (rule.minSeverity && !SEVERITIES.includes(rule.minSeverity))
    problems.push(`${rule.id}: unknown severity`);
  if (rule.minPriority && !PRIORITIES.includes(rule.minPriority))
    problems.push(`${rule.id}: unknown priority`);
  return compiled;
}

function applies(rule: CompiledRule, input: ClassifyInput, text: string): boolean {
  if (rule.channels?.length && !(input.channel && rule.channels.includes(input.channel)))
    return false;
  if (
    rule.productLines?.length &&
    !(input.productLine && rule.productLines.includes(input.productLine))
  )
    return false;
  return rule.regex ? rule.regex.test(text) : true;
}

/**
 * Sums the weights of the fired rules per class; the highest class wins, ties by CLASS_TIE_ORDER.
 * Within it the highest subcategory wins, ties to the one whose rule fired first.
 */
function chooseClass(fired: readonly CompiledRule[]): {
  category: ComplaintCategory;
  subcategory: string;
  confidence: Confidence;
} {
  const classScores = new Map<ComplaintCategory, number>();
  const subScores = new Map<string, number>();
  for (const r of fired) {
    if (!r.category || !r.subcategory) continue;
    classScores.set(r.category, (classScores.get(r.category) ?? 0) + r.weight);
    const key = routeKey(r.category, r.subcategory);
    subScores.set(key, (subScores.get(key) ?? 0) + r.weight);
  }
  if (classScores.size === 0) return { ...FALLBACK_CLASS, confidence: 'low' };

  const ranked = CLASS_TIE_ORDER.filter((c) => classScores.has(c)).sort(
    (a, b) => (classScores.get(b) ?? 0) - (classScores.get(a) ?? 0),
  );
  const category = ranked[0];
  let subcategory = '';
  let best = 0;
  for (const [key, score] of subScores) {
    const [c, s] = key.split('/');
    if (c === category && score > best) [subcategory, best] = [s, score];
  }
  const top = classScores.get(category) ?? 0;
  const runnerUp = ranked.length > 1 ? (classScores.get(ranked[1]) ?? 0) : 0;
  const confidence: Confidence =
    top >= HIGH_CONFIDENCE_SCORE && top >= 2 * runnerUp ? 'high' : 'medium';
  return { category, subcategory, confidence };
}

function routeKey(category: string, subcategory: string): string {
  return `${category}/${subcategory}`;
}

/** SEVERITIES runs from low to critical. */
function maxSeverity(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(a) >= SEVERITIES.indexOf(b) ? a : b;
}

/** PRIORITIES runs from P1 (first) to P4. */
function maxPriority(a: Priority, b: Priority): Priority {
  return PRIORITIES.indexOf(a) <= PRIORITIES.indexOf(b) ? a : b;
}

function duplicates(values: readonly string[], what: string): string[] {
  const seen = new Set<string>();
  const out = new Set<string>();
  for (const v of values) (seen.has(v) ? out : seen).add(v);
  return [...out].map((v) => `${what} ${v} is used more than once`);
}
