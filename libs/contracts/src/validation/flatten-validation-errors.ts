import { ValidationError } from 'class-validator';
import { FieldError } from './contract.errors';

/**
 * class-validator returns a tree (nested objects and array items as `children`); consumers and
 * DLQ headers want a flat list with dotted paths. Array items appear by index: `attachments.0`.
 */
export function flattenValidationErrors(
  errors: readonly ValidationError[],
  prefix = '',
): FieldError[] {
  const flat: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const reason of Object.values(error.constraints ?? {})) {
      flat.push({ field, reason });
    }
    if (error.children?.length) {
      flat.push(...flattenValidationErrors(error.children, field));
    }
  }
  return flat;
}
