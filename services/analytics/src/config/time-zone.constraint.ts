import { ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';

/** An IANA time zone this Node.js knows (`Asia/Shanghai`, `Europe/London`, `UTC`). */
@ValidatorConstraint({ name: 'timeZone' })
export class TimeZoneConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || value.length === 0) return false;
    try {
      new Intl.DateTimeFormat('en-CA', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }

  defaultMessage(): string {
    return 'REPORT_TIME_ZONE must be an IANA time zone such as Asia/Shanghai';
  }
}
