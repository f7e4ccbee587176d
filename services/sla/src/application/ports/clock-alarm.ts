/**
 * Tells the scheduler of this process about instants at which clock events fall due, so a
 * clock changed here fires on time without waiting for the scheduler's next look at the
 * database. Only a hint: the database stays the schedule of record.
 */
export interface ClockAlarm {
  wakeAt(instants: readonly Date[]): void;
}

export const CLOCK_ALARM = Symbol('ClockAlarm');
