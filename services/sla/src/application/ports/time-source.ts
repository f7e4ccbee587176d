/** Wall-clock time; named apart from the SLA clocks the service keeps. */
export interface TimeSource {
  now(): Date;
}

export const TIME_SOURCE = Symbol('TimeSource');

export const systemTime: TimeSource = { now: () => new Date() };
