import { channelsOf, contentHash, maskEmail, maskPhone } from './message-address';
import { CustomerContact } from './customer-contact.entity';

const contact = (o: Partial<CustomerContact>): CustomerContact => ({
  complaintId: '00000000-0000-4000-8000-000000000001',
  referenceNumber: 'CMP-1',
  language: 'zh',
  intakeChannel: 'web',
  email: 'li.wei@example.com',
  phone: '+86 138 0013 8000',
  receivedAt: new Date(0),
  ...o,
});

describe('addresses in proof, and the channels a customer has', () => {
  it('masks an e-mail address and a phone number past use', () => {
    expect(maskEmail('li.wei@example.com')).toBe('l***@e***.com');
    expect(maskPhone('+86 138 0013 8000')).toBe('*********8000');
  });

  it('tries a phone complainant by text first, anyone else by e-mail first, and skips what they lack', () => {
    expect(channelsOf(contact({ intakeChannel: 'phone' })).map((c) => c.channel)).toEqual([
      'sms',
      'email',
    ]);
    expect(channelsOf(contact({})).map((c) => c.channel)).toEqual(['email', 'sms']);
    expect(channelsOf(contact({ email: null, phone: null }))).toEqual([]);
  });

  it('hashes what the customer reads, so a changed word changes the hash', () => {
    expect(contentHash('a', 'b')).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash('a', 'b')).not.toBe(contentHash('a', 'c'));
  });
});
