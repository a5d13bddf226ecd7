import type {
  ComplaintCategory,
  IntakeChannel,
  Priority,
  ProductLine,
  Severity,
} from '@complaints/contracts';

/**
 * One rule of the rulebook, as stored in `routing_rule`. A rule fires when every condition it
 * sets holds (pattern, channel, product line). When it fires it may vote for a class and
 * subcategory with its weight, raise the severity and priority to at least its own, and put
 * the complaint on the green channel.
 */
export interface RuleDefinition {
  /** Stable id quoted in `matchedRuleIds`, e.g. `R-BH-CLAIMS`; at most 64 characters. */
  id: string;
  /** Evaluation order, ascending; unique. Matched rules are reported in this order. */
  priority: number;
  /** What the rule is for, in words an analyst understands. */
  description: string;
  /** JavaScript regular expression source, matched case-insensitively over subject + description. */
  pattern?: string;
  /** The rule applies only to complaints from these channels. */
  channels?: IntakeChannel[];
  /** The rule applies only to complaints about these product lines. */
  productLines?: ProductLine[];
  /** Set together with subcategory and a positive weight. */
  category?: ComplaintCategory;
  subcategory?: string;
  /** Points added to the class and subcategory this rule votes for; 0 when it votes for none. */
  weight: number;
  /** The severity is raised to at least this. */
  minSeverity?: Severity;
  /** The priority is raised to at least this (P1 is highest). */
  minPriority?: Priority;
  greenChannel: boolean;
}

/** Which department investigates a class; subcategory `*` covers every subcategory of the class. */
export interface DepartmentRouteDefinition {
  category: ComplaintCategory;
  subcategory: string;
  department: string;
}

/** The deadlines in force, as stored in `sla_policy`. */
export interface SlaPolicyDefinition {
  /** `<name>@<revision>`, e.g. `cn-2020-standard@1`; quoted on every routed event. */
  id: string;
  /** natural days from receipt to the decision */
  decisionDays: number;
  /** natural days, green channel */
  greenDecisionDays: number;
  /** hours from receipt to the acknowledgement */
  acknowledgeHours: number;
  /** hours, green channel */
  greenAcknowledgeHours: number;
}

/** What the rules look at: the complaint's words and, when known, where it came from and about what. */
export interface ClassifyInput {
  subject: string;
  description: string;
  channel?: IntakeChannel;
  productLine?: ProductLine;
}

/** low: no class rule fired (the fallback class); high: a clear winner; medium: otherwise. */
export type Confidence = 'low' | 'medium' | 'high';

export interface MatchedRule {
  id: string;
  description: string;
}

export interface Verdict {
  category: ComplaintCategory;
  subcategory: string;
  severity: Severity;
  priority: Priority;
  greenChannel: boolean;
  department: string;
  confidence: Confidence;
  /** Every rule that fired, in evaluation order. */
  matchedRules: MatchedRule[];
}
