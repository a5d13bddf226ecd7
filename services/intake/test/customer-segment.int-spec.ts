import { TOPICS, validateEnvelope } from '@complaints/contracts';
import { readTopics } from '@complaints/testing';
import { aComplaintRequest } from './support/complaint-requests';
import { IntakeTestApp, startIntake } from './support/intake-test-app';

jest.setTimeout(60_000);

/**
 * The customer segment a calling system may give with the customer (age band, vulnerable): kept
 * with the customer's record, published on complaints.received.v1 as its own `customerSegment`
 * (not among the complainant's personal data), refused in words when malformed.
 */
describe('intake: the customer segment (age band, vulnerable customer)', () => {
  let intake: IntakeTestApp;
  let key: string;

  beforeAll(async () => {
    intake = await startIntake('intake-segment');
    key = (await intake.newKey('web-portal')).key;
  });

  afterAll(async () => {
    await intake?.close();
  });

  const published = async (id: string) => {
    const messages = await readTopics(
      intake.env.brokers,
      [intake.env.prefix + TOPICS.received],
      (m) => m.some((x) => x.key === id),
    );
    const event = validateEnvelope(
      JSON.parse(messages.find((m) => m.key === id)?.value ?? ''),
      'produce',
    );
    if (!event.ok) throw new Error('the published event is not valid');
    return event.envelope.payload as unknown as Record<string, unknown>;
  };

  it('publishes the age band and the flag as the customer segment, apart from the complainant', async () => {
    const request = aComplaintRequest();
    const customer = request['customer'] as Record<string, unknown>;
    const res = await intake.submit(
      { ...request, customer: { ...customer, ageBand: '65_74', vulnerable: true } },
      key,
    );
    expect(res.statusCode).toBe(202);
    const payload = await published(res.json().id);
    expect(payload['customerSegment']).toEqual({ ageBand: '65_74', vulnerable: true });
    expect(payload['customer']).toEqual(customer);
  });

  it('keeps a vulnerable flag of false, and publishes no segment when none was given', async () => {
    const request = aComplaintRequest();
    const customer = request['customer'] as Record<string, unknown>;
    const flagged = await intake.submit(
      { ...request, customer: { ...customer, vulnerable: false } },
      key,
    );
    expect((await published(flagged.json().id))['customerSegment']).toEqual({ vulnerable: false });
    const plain = await intake.submit(aComplaintRequest(), key);
    expect(await published(plain.json().id)).not.toHaveProperty('customerSegment');
  });

  it.each([
    ['an unknown age band', { ageBand: '30' }, 'customer.ageBand'],
    ['a birth date instead of a band', { ageBand: '1961-04-02' }, 'customer.ageBand'],
    ['a flag that is not a boolean', { vulnerable: 'yes' }, 'customer.vulnerable'],
    ['a null band', { ageBand: null }, 'customer.ageBand'],
    ['a birth date field', { birthDate: '1961-04-02' }, 'customer.birthDate'],
  ])('refuses %s with 400 naming the field, and stores nothing', async (_, extra, field) => {
    const request = aComplaintRequest();
    const before = await intake.counts();
    const res = await intake.submit(
      { ...request, customer: { ...(request['customer'] as object), ...extra } },
      key,
    );
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    expect(await intake.counts()).toEqual(before);
  });

  it("documents both fields in intake's OpenAPI document", async () => {
    const doc = (await intake.inject({ method: 'GET', url: '/docs/openapi.json' })).json();
    const props = doc.components.schemas.CustomerDto.properties;
    expect(props.ageBand.enum).toEqual([
      'under_18',
      '18_24',
      '25_34',
      '35_44',
      '45_54',
      '55_64',
      '65_74',
      '75_plus',
    ]);
    expect(props.vulnerable.type).toBe('boolean');
  });
});
