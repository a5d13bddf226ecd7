import { LocalDate, weekday } from './local-days';

/** A calendar's special days: public holidays, and weekend days made working days. */
export interface HolidayCalendar {
  holidays: ReadonlySet<LocalDate>;
  /** adjusted working days (调休): a Saturday or Sunday people work */
  workdays: ReadonlySet<LocalDate>;
}

export const NO_HOLIDAYS: HolidayCalendar = { holidays: new Set(), workdays: new Set() };

export function isWorkingDay(date: LocalDate, calendar: HolidayCalendar): boolean {
  if (calendar.holidays.has(date)) return false;
  if (calendar.workdays.has(date)) return true;
  const day = weekday(date);
  return day !== 0 && day !== 6;
}
