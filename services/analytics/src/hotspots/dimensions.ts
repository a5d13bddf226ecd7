/** What complaints can be grouped by, and the read-model column each reads. */
export const DIMENSIONS = {
  category: 'category',
  subcategory: 'subcategory',
  productLine: 'product_line',
  channel: 'channel',
  region: 'region',
  branch: 'branch',
  department: 'department',
  rootCause: 'root_cause_code',
  /** the customer segment: age band, and vulnerable as 'true' / 'false' */
  ageBand: 'age_band',
  vulnerable: 'vulnerable::text',
} as const;
export type Dimension = keyof typeof DIMENSIONS;
export const DIMENSION_NAMES = Object.keys(DIMENSIONS) as Dimension[];
