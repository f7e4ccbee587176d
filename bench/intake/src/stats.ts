import { percentile } from '@itsm/testing';

export interface LatencySummary {
  count: number;
  /** Completed operations per second of wall-clock time. */
  throughputPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export function throughput(count: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (count * 1000) / elapsedMs : Number.NaN;
}

export function summarize(latenciesMs: readonly number[], elapsedMs: number): LatencySummary {
  return {
    count: latenciesMs.length,
    throughputPerSecond: throughput(latenciesMs.length, elapsedMs),
    p50Ms: percentile(latenciesMs, 50),
    p99Ms: percentile(latenciesMs, 99),
  };
}

/** platform / baseline; NaN when the baseline is zero or unknown. */
export function ratio(platform: number, baseline: number): number {
  return baseline > 0 && Number.isFinite(platform) ? platform / baseline : Number.NaN;
}
