/**
 * The FCA complaints return's vocabulary (DISP 1 Annex 1R): its main causes, the products of
 * its "Insurance & pure protection" grouping that this insurer's product lines map onto, and
 * the CSV's column order (Table 1, opened by cause, then Table 2, closed and redress).
 */
export const FCA_CAUSES = [
  'arrears_related',
  'general_admin_customer_service',
  'advising_selling_arranging',
  'terms_disputed_sums_charges',
  'other',
] as const;
export type FcaCause = (typeof FCA_CAUSES)[number];

const INSURANCE = 'Insurance & pure protection';

/** product line -> [product/service grouping, product], in the form's row order */
export const FCA_PRODUCTS: Record<string, [string, string]> = {
  life: [INSURANCE, 'Pure protection'],
  motor: [INSURANCE, 'Motor & transport'],
  property: [INSURANCE, 'Property'],
  travel: [INSURANCE, 'Travel'],
  health: [INSURANCE, 'Other general insurance'],
  liability: [INSURANCE, 'Other general insurance'],
  other: [INSURANCE, 'Other general insurance'],
};

/**
 * Each root-cause code of the taxonomy onto the return's main cause. No code here is about
 * arrears (premiums are not lent), so that column stays 0; unclassified and unknown codes
 * count as other.
 */
const CAUSE_OF_CODE: Record<string, FcaCause> = {
  'sales.misrepresentation': 'advising_selling_arranging',
  'sales.unsuitable': 'advising_selling_arranging',
  'sales.unauthorised': 'advising_selling_arranging',
  'claims.denial': 'terms_disputed_sums_charges',
  'claims.amount': 'terms_disputed_sums_charges',
  'surrender.value': 'terms_disputed_sums_charges',
  'underwriting.premium': 'terms_disputed_sums_charges',
  'product.terms': 'terms_disputed_sums_charges',
  'claims.delay': 'general_admin_customer_service',
  'claims.documents': 'general_admin_customer_service',
  'surrender.process': 'general_admin_customer_service',
  'underwriting.decision': 'general_admin_customer_service',
  'service.process': 'general_admin_customer_service',
  'service.communication': 'general_admin_customer_service',
  'staff.attitude': 'general_admin_customer_service',
  'staff.expertise': 'general_admin_customer_service',
  'technical.system': 'general_admin_customer_service',
};

export const fcaCauseOf = (code: string | null): FcaCause =>
  (code && CAUSE_OF_CODE[code]) || 'other';

export const FCA_COLUMNS = [
  'reporting_period',
  'product_group',
  'product',
  'opened_arrears_related',
  'opened_general_admin_customer_service',
  'opened_advising_selling_arranging',
  'opened_terms_disputed_sums_charges',
  'opened_other',
  'opened_total',
  'closed_total',
  'closed_within_3_business_days',
  'closed_after_3_business_days_within_8_weeks',
  'closed_after_8_weeks',
  'upheld_percent',
  'redress_paid',
  'redress_currency',
];
