import { plainToInstance } from 'class-transformer';
import { ValidatorOptions, validateSync } from 'class-validator';
import { EventEnvelope } from '../envelope/event-envelope';
import { AnyEventEnvelope, EVENT_REGISTRY } from '../events';
import {
  CONTRACT_ERROR_CODES,
  ContractErrorCode,
  ContractValidationError,
  FieldError,
} from './contract.errors';
import { compiledValidator, instantiate, UnusualKeyError } from './compiled-validators';
import { flattenValidationErrors } from './flatten-validation-errors';

export type EnvelopeValidationResult =
  | { ok: true; envelope: AnyEventEnvelope }
  | { ok: false; code: ContractErrorCode; errors: FieldError[] };

/**
 * Producing, unknown fields are errors: a producer must not send what its contract lacks.
 * Consuming, they are dropped: adding an optional field keeps the version (DESIGN.md), so a
 * consumer on the older contract must accept events from a producer already on the newer one.
 */
export type ValidationMode = 'produce' | 'consume';

const VALIDATOR_OPTIONS: Record<ValidationMode, ValidatorOptions> = {
  produce: {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  },
  consume: {
    whitelist: true,
    forbidNonWhitelisted: false,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  },
};

/**
 * Checks a decoded message against the contract: the envelope fields, then the payload against
 * the class registered for (`type`, `version`). On success the payload is an instance of that
 * class. Never throws for bad input; see `assertValidEnvelope` for the throwing form.
 *
 * The decision is made by the validator compiled from the contract's JSON Schema
 * (compiled-validators.ts; compiled-validators.spec.ts shows it accepts and refuses exactly
 * what the classes do); what it refuses goes through class-validator again, so the errors are
 * the classes' own field and reason.
 */
export function validateEnvelope(
  raw: unknown,
  mode: ValidationMode = 'produce',
): EnvelopeValidationResult {
  const accepted = acceptedByCompiledSchema(raw, mode);
  return accepted ? { ok: true, envelope: accepted } : validateEnvelopeWithClasses(raw, mode);
}

/**
 * The envelope as class instances when the compiled schema validator accepts `raw`; undefined
 * when it refuses it or the contract keeps class-validator (isClassValidated).
 * The instances are checked, not `raw`: consuming, unknown fields are removed from them (as
 * class-validator's whitelist removes them), so the caller's object is never changed.
 */
export function acceptedByCompiledSchema(
  raw: unknown,
  mode: ValidationMode,
): AnyEventEnvelope | undefined {
  if (!isPlainObject(raw) || !isPlainObject(raw.payload)) return undefined;
  const { type, version } = raw;
  if (typeof type !== 'string' || typeof version !== 'number') return undefined;
  const definition = EVENT_REGISTRY.byType.get(type)?.get(version);
  if (!definition) return undefined;
  const validate = compiledValidator(definition, mode);
  if (!validate) return undefined;
  let envelope: EventEnvelope;
  try {
    envelope = instantiate(EventEnvelope, { ...raw, payload: undefined });
    envelope.payload = instantiate(definition.payload, raw.payload);
  } catch (err) {
    if (err instanceof UnusualKeyError) return undefined;
    throw err;
  }
  return validate(envelope) ? (envelope as AnyEventEnvelope) : undefined;
}

/** `validateEnvelope` with class-validator alone (the reference the compiled validators match). */
export function validateEnvelopeWithClasses(
  raw: unknown,
  mode: ValidationMode = 'produce',
): EnvelopeValidationResult {
  const options = VALIDATOR_OPTIONS[mode];
  if (!isPlainObject(raw)) {
    return failure(CONTRACT_ERROR_CODES.invalid, [
      { field: 'envelope', reason: 'envelope must be a JSON object' },
    ]);
  }

  const envelope = plainToInstance(EventEnvelope, raw);
  const errors = flattenValidationErrors(validateSync(envelope, options));
  if (typeof envelope.type !== 'string' || typeof envelope.version !== 'number') {
    return failure(CONTRACT_ERROR_CODES.invalid, errors);
  }

  const versions = EVENT_REGISTRY.byType.get(envelope.type);
  if (!versions) {
    return failure(CONTRACT_ERROR_CODES.unknownType, [
      { field: 'type', reason: `type ${envelope.type} is not a known event type` },
      ...errors.filter((error) => error.field !== 'type'),
    ]);
  }
  const definition = versions.get(envelope.version);
  if (!definition) {
    const known = [...versions.keys()].join(', ');
    return failure(CONTRACT_ERROR_CODES.unknownVersion, [
      {
        field: 'version',
        reason: `version ${envelope.version} of ${envelope.type} is not known (known: ${known})`,
      },
      ...errors.filter((error) => error.field !== 'version'),
    ]);
  }

  if (isPlainObject(raw.payload)) {
    const payload = plainToInstance(definition.payload, raw.payload);
    const payloadErrors = validateSync(payload, options);
    errors.push(...flattenValidationErrors(payloadErrors, 'payload'));
    envelope.payload = payload;
  }

  if (errors.length > 0) {
    return failure(CONTRACT_ERROR_CODES.invalid, errors);
  }
  return { ok: true, envelope: envelope as AnyEventEnvelope };
}

/** Validates like `validateEnvelope` and throws `ContractValidationError` when it fails. */
export function assertValidEnvelope(raw: unknown): AnyEventEnvelope {
  const result = validateEnvelope(raw);
  if (!result.ok) {
    throw new ContractValidationError(result.code, result.errors);
  }
  return result.envelope;
}

function failure(code: ContractErrorCode, errors: FieldError[]): EnvelopeValidationResult {
  return { ok: false, code, errors };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
