import { createHmac } from 'node:crypto';
import type { CustomerRecord } from './complaint.entity';

/**
 * The key investigation matches repeat complaints on: HMAC-SHA256 (hex) of the customer's most
 * stable identifier and the policy number, under intake's own secret, so the identity never
 * leaves intake and nobody without the secret can confirm a guess. The identifier is the
 * insurer's customer id, else the ID number, phone or e-mail (never the name alone: two people
 * share names). No identifier: no key, and the complaint is never taken for a repeat.
 */
export class RepeatKeys {
  constructor(private readonly secret: string | undefined) {}

  of(customer: CustomerRecord, policyNumber: string | null | undefined): string | undefined {
    if (!this.secret) return undefined;
    const identity = identityOf(customer);
    if (!identity) return undefined;
    const policy = policyNumber
      ? policyNumber.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase()
      : '-';
    return createHmac('sha256', this.secret)
      .update(`repeat:v1|${identity}|policy:${policy}`, 'utf8')
      .digest('hex');
  }
}

function identityOf(c: CustomerRecord): string | undefined {
  if (c.customerId?.trim()) return `customer-id:${c.customerId.trim()}`;
  if (c.idNumber?.trim()) return `id-number:${c.idNumber.replace(/[\s-]/g, '').toUpperCase()}`;
  if (c.phone?.trim()) {
    const digits = c.phone.replace(/\D/g, '');
    return `phone:${/^861[3-9]\d{9}$/.test(digits) ? digits.slice(2) : digits}`;
  }
  if (c.email?.trim()) return `email:${c.email.trim().toLowerCase()}`;
  return undefined;
}
