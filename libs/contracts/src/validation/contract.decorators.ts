import { IsISO8601, Matches, ValidateIf } from 'class-validator';
import { ISO_UTC_PATTERN } from './contract.patterns';

/**
 * The field may be absent, but when present it must satisfy the other decorators; `null` is
 * rejected. class-validator's `@IsOptional` would let `null` through, which the published JSON
 * Schema (`type: string`, not required) does not allow, so producers and analysts would disagree.
 */
export function OptionalNotNull(): PropertyDecorator {
  return ValidateIf(isPresent);
}

/**
 * The condition of `@OptionalNotNull`: the JSON Schema says the same by leaving the field out of
 * `required`, so the compiled validators (compiled-validators.ts) know this `@ValidateIf` apart
 * from conditions the schema cannot express.
 */
export function isPresent(_object: object, value: unknown): boolean {
  return value !== undefined;
}

/**
 * An ISO 8601 UTC timestamp string (`2025-03-03T09:00:00.000Z`). The pattern pins the `Z`
 * designator; the ISO check rejects impossible dates such as 30 February.
 */
export function IsUtcTimestamp(): PropertyDecorator {
  return (target: object, propertyKey: string | symbol) => {
    IsISO8601(
      { strict: true, strictSeparator: true },
      { message: '$property must be a real calendar date and time' },
    )(target, propertyKey);
    Matches(ISO_UTC_PATTERN, {
      message: '$property must be an ISO 8601 UTC timestamp ending in Z',
    })(target, propertyKey);
  };
}
