export interface TimeSource {
  now(): Date;
}

export const systemTime: TimeSource = { now: () => new Date() };
