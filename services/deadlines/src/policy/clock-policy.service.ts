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
    const rows = await this.dataSource.getRepository(Holiday).find();
    const calendars = new Map<string, { holidays: Set<string>; workdays: Set<string> }>();
    for (const row of rows) {
      const c = calendars.get(row.calendar) ?? { holidays: new Set(), workdays: new Set() };
      (row.kind === 'holiday' ? c.holidays : c.workdays).add(row.day);
      calendars.set(row.calendar, c);
    }
    this.calendars = calendars;
  }

  /** The policy new complaints start under. */
  get defaultKey(): string {
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
