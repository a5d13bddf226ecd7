/** ms */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date in a time zone: `2026-01-05`. */
export type LocalDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** ms the zone is ahead of UTC at `instant` (+8 h for Asia/Shanghai). */
function offsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts['year']),
    Number(parts['month']) - 1,
    Number(parts['day']),
    Number(parts['hour']),
    Number(parts['minute']),
    Number(parts['second']),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The local calendar date of an instant. */
export function localDate(instant: number, timeZone: string): LocalDate {
  return new Date(instant + offsetMs(instant, timeZone)).toISOString().slice(0, 10);
}

/** The date `days` natural days after `date` (negative: before). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant local midnight begins `date` (twice corrected: offsets change at DST edges). */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  const naive = Date.parse(`${date}T00:00:00Z`);
  let guess = naive - offsetMs(naive, timeZone);
  guess = naive - offsetMs(guess, timeZone);
  return guess;
}

/** 0 Sunday ... 6 Saturday. */
export function weekday(date: LocalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
