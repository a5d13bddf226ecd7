import { createHmac } from 'node:crypto';
import type { Complainant } from '@complaints/contracts';

/**
 * Keyed, one-way pseudonyms (HMAC-SHA256, lower-case hex) for customers, policies and staff: equal
 * inputs give equal pseudonyms, so analysts can count repeat complainants, and without the key
 * nobody can confirm a guess. Each kind of identifier is hashed under its own label, so a
 * customer id can never collide with a phone number that happens to be spelt the same.
 */
export class Pseudonymiser {
  constructor(private readonly key: string) {
    if (key.length < 32) throw new Error('the pseudonym key must be at least 32 characters');
  }

  /**
   * The most stable identifier the complaint carries: the insurer's customer id, else the ID
   * number, phone, e-mail, and only as a last resort the name. The same customer complaining
   * once with an id and once without gets two pseudonyms: the caller did not say who it was.
   */
  customer(customer: Complainant): string {
    if (customer.customerId) return this.hash('customer-id', customer.customerId.trim());
    if (customer.idNumber)
      return this.hash('id-number', customer.idNumber.replace(/[\s-]/g, '').toUpperCase());
    if (customer.phone) return this.hash('phone', normalisePhone(customer.phone));
    if (customer.email) return this.hash('email', customer.email.trim().toLowerCase());
    return this.hash(
      'name',
      customer.name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase(),
    );
  }

  policy(policyNumber: string): string {
    return this.hash('policy', policyNumber.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase());
  }

  /**
   * A member of staff by the token's `sub` (the actor of an audit entry). Staff are not the
   * customer, but the analysts' stream carries no staff identity in clear either.
   */
  person(subject: string): string {
    return this.hash('staff-subject', subject);
  }

  /** A handler by their handler id (their username): decisions and assignments share it. */
  handler(handlerId: string): string {
    return this.hash('handler-id', handlerId.trim());
  }

  private hash(kind: string, value: string): string {
    return createHmac('sha256', this.key).update(`${kind}:${value}`, 'utf8').digest('hex');
  }
}

/** Digits only; a mainland mobile loses its +86 so `+86 138…` and `138…` are one customer. */
function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return /^861[3-9]\d{9}$/.test(digits) ? digits.slice(2) : digits;
}
