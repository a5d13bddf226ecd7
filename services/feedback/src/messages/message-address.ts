import { createHash } from 'crypto';
import type { IntakeChannel } from '@complaints/contracts';
import type { SendChannel } from './channels/channel-adapter';
import type { CustomerContact } from './customer-contact.entity';

/** zhang.san@example.com -> z***@e***.com: enough for a person to recognise, not to use. */
export function maskEmail(address: string): string {
  const [local = '', domain = ''] = address.split('@');
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${local.slice(0, 1)}***@${host.slice(0, 1)}***${tld}`;
}

/** +86 138 0013 8000 -> ********8000: the last four digits only. */
export function maskPhone(number: string): string {
  const digits = number.replace(/\D/g, '');
  return `${'*'.repeat(Math.max(digits.length - 4, 4))}${digits.slice(-4)}`;
}

export function maskAddress(channel: SendChannel, address: string): string {
  return channel === 'email' ? maskEmail(address) : maskPhone(address);
}

/** sha256 hex over what the customer reads: the subject, a blank line, the body. */
export function contentHash(subject: string, body: string): string {
  return createHash('sha256').update(`${subject}\n\n${body}`, 'utf8').digest('hex');
}

/** Complaints that came by phone or social media are answered by text first; others by e-mail. */
const SMS_FIRST: readonly IntakeChannel[] = ['phone', 'social'];

/** The channels this customer can be reached on, the one they used first; [] when none. */
export function channelsOf(contact: CustomerContact): { channel: SendChannel; address: string }[] {
  const email = contact.email ? [{ channel: 'email' as const, address: contact.email }] : [];
  const sms = contact.phone ? [{ channel: 'sms' as const, address: contact.phone }] : [];
  return SMS_FIRST.includes(contact.intakeChannel) ? [...sms, ...email] : [...email, ...sms];
}
