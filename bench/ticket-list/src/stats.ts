import { percentile } from '@itsm/testing';

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export function summarize(latenciesMs: readonly number[]): LatencySummary {
  return {
    count: latenciesMs.length,
    p50Ms: percentile(latenciesMs, 50),
    p95Ms: percentile(latenciesMs, 95),
    p99Ms: percentile(latenciesMs, 99),
  };
}

/** The samples grouped by a key of each (e.g. the query kind), in first-seen key order. */
export function groupBy<K>(samples: readonly { key: K; latencyMs: number }[]): Map<K, number[]> {
  const groups = new Map<K, number[]>();
  for (const { key, latencyMs } of samples) {
    const group = groups.get(key);
    if (group) group.push(latencyMs);
    else groups.set(key, [latencyMs]);
  }
  return groups;
}

/** platform / baseline; NaN when the baseline is zero or unknown. */
export function ratio(platform: number, baseline: number): number {
  return baseline > 0 && Number.isFinite(platform) ? platform / baseline : Number.NaN;
}
