/**
 * The one source of time. Services inject it instead of calling `new Date()`, so SLA rules
 * can be tested in seconds with a clock the test moves.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
