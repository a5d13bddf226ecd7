import type { TFunction } from 'i18next';

/** A code's label in the current language, or the code itself when there is none. */
export function label(t: TFunction, group: string, code: string | undefined): string {
  if (!code) return '';
  const key = `${group}.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

export const DEPARTMENTS = [
  'claims',
  'policy-services',
  'customer-service-quality',
  'it-operations',
  'information-security',
  'product-management',
  'complaints-office',
] as const;

/** The rulebook's subclasses by class (classification's rulebook v1). */
export const SUBCATEGORIES: Record<string, string[]> = {
  product_service: ['product_features', 'policy_terms', 'service_process'],
  business_handling: ['underwriting', 'claims', 'surrender'],
  staff_service: ['attitude', 'efficiency', 'expertise'],
  technical: ['system_stability', 'information_security'],
};
