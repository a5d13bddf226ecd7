/**
 * Stable codes that survive a process boundary: consumers put them in the dead-letter headers,
 * so operators and dashboards can group failures without parsing messages.
 */
export const CONTRACT_ERROR_CODES = {
  /** The message is not a valid envelope, or its payload breaks the contract. */
  invalid: 'CONTRACT.INVALID',
  /** No payload class is registered for the envelope's `type`. */
  unknownType: 'CONTRACT.UNKNOWN_TYPE',
  /** The `type` is known but not at this `version`. */
  unknownVersion: 'CONTRACT.UNKNOWN_VERSION',
} as const;

export type ContractErrorCode = (typeof CONTRACT_ERROR_CODES)[keyof typeof CONTRACT_ERROR_CODES];

/**
 * One broken rule. `field` is a dotted path from the envelope root (`payload.customer.email`,
 * `payload.attachments.0.sha256`); `reason` never echoes the offending value, so these errors can
 * go into logs and DLQ headers without leaking personal data.
 */
export interface FieldError {
  field: string;
  reason: string;
}

/** Thrown where an invalid event must stop the caller (producing, or a consumer's handler). */
export class ContractValidationError extends Error {
  constructor(
    readonly code: ContractErrorCode,
    readonly errors: readonly FieldError[],
  ) {
    super(`${code}: ${errors.map((error) => `${error.field} ${error.reason}`).join('; ')}`);
    this.name = 'ContractValidationError';
  }
}
