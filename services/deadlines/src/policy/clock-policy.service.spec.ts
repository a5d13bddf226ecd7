import type { DataSource } from 'typeorm';
import { DeadlinesConfig } from '../config/deadlines.config';
import { ClockPolicies } from './clock-policy.service';

const noHolidays = { getRepository: () => ({ find: async () => [] }) } as unknown as DataSource;
const config = (o: Partial<DeadlinesConfig>): DeadlinesConfig =>
  Object.assign(new DeadlinesConfig(), o);

describe('ClockPolicies: the test-only policy', () => {
  it('refuses to start with test-seconds@1 unless DEADLINES_TEST_POLICIES=on', async () => {
    for (const o of [
      { DEADLINES_POLICY: 'test-seconds@1' },
      { DEADLINES_POLICY_BY_CALLER_SYSTEM: ['e2e=test-seconds@1'] },
    ])
      await expect(new ClockPolicies(config(o), noHolidays).onModuleInit()).rejects.toThrow(
        /test-only policy: set DEADLINES_TEST_POLICIES=on/,
      );
    const on = config({
      DEADLINES_TEST_POLICIES: 'on',
      DEADLINES_POLICY_BY_CALLER_SYSTEM: ['e2e=test-seconds@1'],
    });
    const policies = new ClockPolicies(on, noHolidays);
    await policies.onModuleInit();
    expect(policies.keyFor('e2e')).toBe('test-seconds@1');
    expect(policies.keyFor('web')).toBe('cn-2020@1');
  });
});
