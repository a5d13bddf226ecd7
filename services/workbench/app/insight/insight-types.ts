/**
 * The analytics service's reports, returns, fairness and experience index as its OpenAPI
 * document answers them (pseudonymised figures only). Only the fields the views read.
 */
export interface CnReturnRow {
  productLine: string;
  cause: string;
  complaints: number;
  share: number;
  per100mYuanPremium: number | null;
  per10kPolicies: number | null;
  per10kInsured: number | null;
}
export interface CnQuarterlyReturn {
  quarter: string;
  region: string | null;
  rows: CnReturnRow[];
  notes: string[];
}

export interface FcaRow {
  productGroup: string;
  product: string;
  opened: Record<string, number> & { total: number };
  closed: {
    total: number;
    within3BusinessDays: number;
    after3BusinessDaysWithin8Weeks: number;
    after8Weeks: number;
    upheldPercent: number | null;
    redressPaid: number;
  };
}
export interface FcaHalfYearlyReturn {
  period: { id: string; from: string; to: string };
  outstandingAtStart: number;
  rows: FcaRow[];
  total: FcaRow;
  redressCurrency: string | null;
  notes: string[];
}

export interface FairnessGroup {
  value: string | null;
  complaints: number;
  upheld: number;
  upholdRate: number;
  upholdRateCi95: [number, number];
  compensated: number;
  meanCompensationMinor: number | null;
  test?: { z: number; pValue: number };
  flagged: boolean;
}
export interface Fairness {
  dimension: string;
  period: { id: string };
  currency: string | null;
  test: { name: string; alpha: number; adjustedAlpha: number; groupsTested: number };
  groups: FairnessGroup[];
}

export interface ExperienceIndicator {
  code: string;
  dimension: string;
  weight: number;
  labelEn: string;
  labelZh: string;
}
export interface ExperienceUnit {
  unit: string;
  complaints: number;
  scores: Record<string, number | null>;
  index: number;
}
export interface ExperienceIndex {
  version: number;
  period: { id: string };
  formula: string;
  indicators: ExperienceIndicator[];
  units: ExperienceUnit[];
}

export const FCA_CAUSES = [
  'arrears_related',
  'general_admin_customer_service',
  'advising_selling_arranging',
  'terms_disputed_sums_charges',
  'other',
] as const;

export const FAIRNESS_DIMENSIONS = [
  'handler',
  'channel',
  'region',
  'branch',
  'productLine',
  'department',
  'ageBand',
  'vulnerable',
] as const;
