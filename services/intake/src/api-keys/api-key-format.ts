import { createHash, randomBytes, timingSafeEqual } from 'crypto';

/**
 * A calling system's name as stored with its keys and on its complaints (`callerSystem` in
 * complaints.received.v1): kebab-case, 2..64 characters.
 */
export const SYSTEM_NAME_PATTERN = /^[a-z][a-z0-9-]{1,63}$/;

/**
 * `ik_<id>_<secret>`: the id (8 random bytes, hex) is public and names the key in lists and
 * logs; the secret (32 random bytes, base64url) is what makes it unguessable. Fixed lengths,
 * so the `_` that base64url may contain never confuses the split.
 */
export const API_KEY_PREFIX = 'ik_';

const KEY_PATTERN = /^ik_([0-9a-f]{16})_[A-Za-z0-9_-]{43}$/;

export interface NewApiKey {
  id: string;
  /** The whole key; shown once, never stored. */
  key: string;
}

export function generateApiKey(): NewApiKey {
  const id = randomBytes(8).toString('hex');
  return { id, key: `ik_${id}_${randomBytes(32).toString('base64url')}` };
}

/** The key id of a well-formed key, or undefined: a malformed key costs no database lookup. */
export function apiKeyId(key: string): string | undefined {
  return KEY_PATTERN.exec(key)?.[1];
}

/**
 * SHA-256 of the whole key. The secret has 256 bits of entropy, so a fast unsalted hash is
 * enough: nobody can brute-force it, and a database leak reveals no usable key.
 */
export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** Constant-time: how long the comparison takes says nothing about how much matched. */
export function apiKeyMatches(key: string, storedHash: Buffer): boolean {
  const presented = hashApiKey(key);
  return presented.length === storedHash.length && timingSafeEqual(presented, storedHash);
}
