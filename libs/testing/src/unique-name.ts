import { randomBytes } from 'crypto';

/**
 * A name no other test run uses: lower-case letters, digits and underscores, so it is valid
 * as a schema, role, topic prefix or consumer group.
 */
export function uniqueName(label: string): string {
  const clean = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 20);
  return `t_${clean}_${randomBytes(4).toString('hex')}`;
}
