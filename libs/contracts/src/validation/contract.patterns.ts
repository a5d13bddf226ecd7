/**
 * Regular expressions shared by the contract classes. They carry no flags on purpose:
 * class-validator-jsonschema copies `RegExp.source` into the published JSON Schema, and flags
 * would be lost there, so case-insensitivity is spelled out in the character classes.
 */

/** RFC 9562 UUID version 7: the version nibble is 7 and the variant bits are 10xx. */
export const UUID_V7_PATTERN =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-7[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;

/**
 * ISO 8601 in UTC with a `Z` designator and optional fraction (1-9 digits, so JVM producers with
 * micro- or nanoseconds pass). Offsets such as `+08:00` are rejected: every stored and compared
 * time in the pipeline is UTC, so SLA arithmetic never has to know a zone.
 */
export const ISO_UTC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** Lower-case hex SHA-256 digest: 64 characters. */
export const SHA256_HEX_PATTERN = /^[0-9a-f]{64}$/;

/** ISO 4217 alphabetic code, e.g. `CNY`, `GBP`. */
export const CURRENCY_CODE_PATTERN = /^[A-Z]{3}$/;

/** RFC 6838 media type `type/subtype`, without parameters. */
export const MEDIA_TYPE_PATTERN =
  /^[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]{0,126}\/[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]{0,126}$/;

/** Service names as deployed: kebab-case, starting with a letter (`intake`, `classification`). */
export const SERVICE_NAME_PATTERN = /^[a-z][a-z0-9-]*$/;

/** Telephone numbers as people type them: optional `+`, digits, spaces, dashes, parentheses. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]*$/;

/**
 * A code from a controlled, versioned list (root causes, regions, branches): lower-case
 * segments of letters, digits, `_` or `-`, separated by dots (`claims.delay`, `cn-sh`).
 */
export const CODE_PATTERN = /^[a-z][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*$/;
