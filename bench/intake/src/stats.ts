export interface LatencySummary {
  count: number;
  /** Completed operations per second of wall-clock time. */
  throughputPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** Nearest-rank percentile (0 < p <= 100) of unsorted samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[rank - 1] ?? Number.NaN;
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
