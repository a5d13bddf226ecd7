import { createHash } from 'node:crypto';
import { canonicalJson } from '../../canonical-json';
import { ComplaintArchivedV1 } from './complaint-archived-v1.payload';

export type UnsealedArchive = Omit<ComplaintArchivedV1, 'sealHash'>;

/**
 * SHA-256 (lower-case hex) over the canonical JSON (keys sorted, no whitespace, UTF-8) of the
 * record without its `sealHash`. Anyone holding the record can recompute it; no key is involved,
 * because the seal proves integrity, not authorship.
 */
export function computeSealHash(record: UnsealedArchive | ComplaintArchivedV1): string {
  const unsealed: Partial<ComplaintArchivedV1> = { ...record };
  delete unsealed.sealHash;
  return createHash('sha256').update(canonicalJson(unsealed), 'utf8').digest('hex');
}

export function verifySeal(record: ComplaintArchivedV1): boolean {
  return computeSealHash(record) === record.sealHash;
}
