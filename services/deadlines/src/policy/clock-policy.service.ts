import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClockEngine } from '../clocks/clock-engine';
import { DeadlineCalculator } from '../clocks/deadline-calculator';
import { DeadlinesConfig } from '../config/deadlines.config';
import { ClockPolicy, policyByKey } from './clock-policy';
import { Holiday } from './holiday.entity';
import { HolidayCalendar, NO_HOLIDAYS } from './working-days';

/**
 * The policies in force and their holiday calendars, loaded once at start: every clock of a
 * complaint is computed under the policy it started with.
 */
@Injectable()
export class ClockPolicies implements OnModuleInit {
  private calendars = new Map<string, HolidayCalendar>();

  constructor(
    private readonly config: DeadlinesConfig,
    private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    // An unknown policy in the configuration stops the service at start, not at first use.
    const keys = [
      this.config.DEADLINES_POLICY,
      ...(this.config.DEADLINES_POLICY_BY_CALLER_SYSTEM ?? []).map((pair) => pair.split('=')[1]),
    ];
    for (const key of keys)
      if (policyByKey(key).testDayMs && this.config.DEADLINES_TEST_POLICIES !== 'on')
        throw new Error(`${key} is a test-only policy: set DEADLINES_TEST_POLICIES=on to use it`);
    const rows = await this.dataSource.getRepository(Holiday).find();
    const calendars = new Map<string, { holidays: Set<string>; workdays: Set<string> }>();
    for (const row of rows) {
      const c = calendars.get(row.calendar) ?? { holidays: new Set(), workdays: new Set() };
      (row.kind === 'holiday' ? c.holidays : c.workdays).add(row.day);
      calendars.set(row.calendar, c);
    }
    this.calendars = calendars;
  }

  /**
   * The policy a complaint starts under: its calling system's (DEADLINES_POLICY_BY_CALLER_SYSTEM),
   * else the default. Fixed once the complaint's receipt is known.
   */
  keyFor(callerSystem: string | undefined): string {
    for (const pair of this.config.DEADLINES_POLICY_BY_CALLER_SYSTEM ?? []) {
      const [caller, key] = pair.split('=');
      if (caller === callerSystem) return key;
    }
    return this.config.DEADLINES_POLICY;
  }

  /** The policy with this instance's warning lead times, where configured. */
  policy(key: string): ClockPolicy {
    const policy = policyByKey(key);
    const leads = this.config.DEADLINES_WARNING_LEAD_MINUTES;
    const green = this.config.DEADLINES_GREEN_WARNING_LEAD_MINUTES;
    return {
      ...policy,
      ...(leads ? { warningLeadMinutes: leads } : {}),
      ...(green ? { greenWarningLeadMinutes: green } : {}),
    };
  }

  engine(key: string): ClockEngine {
    const policy = policyByKey(key);
    const calendar = this.calendars.get(policy.calendar) ?? NO_HOLIDAYS;
    return new ClockEngine(
      policy,
      new DeadlineCalculator(policy, this.config.DEADLINES_TIME_ZONE, calendar),
    );
  }
}
