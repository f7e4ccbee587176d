import { formatFigure, percentile, type ResultRow } from '@itsm/testing';
import type { Arrival } from './receiver';

export const BENCHMARK = 'notifications';

/** Events per second over a span of the bench process's clock; NaN for an empty span. */
export function perSecond(count: number, fromMs: number, toMs: number): number {
  const spanMs = toMs - fromMs;
  return spanMs > 0 && Number.isFinite(spanMs) ? (count * 1000) / spanMs : Number.NaN;
}

/** platform / baseline; NaN when the baseline is zero or unknown. */
export function ratio(platform: number, baseline: number): number {
  return baseline > 0 && Number.isFinite(platform) ? platform / baseline : Number.NaN;
}

/** The first and the last arrival (performance.now() of the bench process). */
export function arrivalSpan(arrivals: Iterable<Arrival>): { firstMs: number; lastMs: number } {
  let firstMs = Number.POSITIVE_INFINITY;
  let lastMs = Number.NEGATIVE_INFINITY;
  for (const { atMs } of arrivals) {
    firstMs = Math.min(firstMs, atMs);
    lastMs = Math.max(lastMs, atMs);
  }
  return Number.isFinite(firstMs) ? { firstMs, lastMs } : { firstMs: NaN, lastMs: NaN };
}

export interface LatencyFigures {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Arrival at the receiver − the ticket's created_at, both wall clocks of this machine. */
export function latencyFigures(arrivals: Iterable<Arrival>): LatencyFigures {
  const samples = [...arrivals]
    .map(({ wallMs, createdAtMs }) => wallMs - createdAtMs)
    .filter(Number.isFinite);
  return {
    count: samples.length,
    p50Ms: percentile(samples, 50),
    p99Ms: percentile(samples, 99),
    maxMs: samples.length > 0 ? Math.max(...samples) : Number.NaN,
  };
}

/** One side of the backlog phase. */
export interface BacklogSide {
  /** Events per second, first → last (the headline). */
  throughput: number;
  /** Events per second including the start: the process (platform) or the consumer (baseline). */
  throughputFromStart: number;
  spanMs: number;
  fromStartMs: number;
}

export interface RunFigures {
  events: number;
  platform: BacklogSide;
  baseline: BacklogSide;
  /** Set when the latency phase ran. */
  latency?: { platform: LatencyFigures; baseline: LatencyFigures };
}

/** A side of the backlog phase from the instants it was measured between. */
export function backlogSide(
  events: number,
  { startMs, firstMs, lastMs }: { startMs: number; firstMs: number; lastMs: number },
): BacklogSide {
  return {
    throughput: perSecond(events, firstMs, lastMs),
    throughputFromStart: perSecond(events, startMs, lastMs),
    spanMs: lastMs - firstMs,
    fromStartMs: lastMs - startMs,
  };
}

const rate = (value: number): string => formatFigure(value, 1);
const ms = (value: number): string => formatFigure(value, 1);

/** Both sides and the ratios, as printed at the end of a run. */
export function formatTable(figures: RunFigures): string {
  const widths = [30, 14, 14, 12, 12];
  const line = (cells: string[]): string =>
    cells
      .map((cell, index) =>
        index === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[index] ?? 0),
      )
      .join('');
  const { platform, baseline, latency } = figures;
  return [
    line(['', 'events/s', 'from start', 'p50 ms', 'p99 ms']),
    line([
      'platform (notifications)',
      rate(platform.throughput),
      rate(platform.throughputFromStart),
      latency ? ms(latency.platform.p50Ms) : '-',
      latency ? ms(latency.platform.p99Ms) : '-',
    ]),
    line([
      'baseline (kafkajs → fetch)',
      rate(baseline.throughput),
      rate(baseline.throughputFromStart),
      latency ? ms(latency.baseline.p50Ms) : '-',
      latency ? ms(latency.baseline.p99Ms) : '-',
    ]),
    line([
      'ratio',
      formatFigure(ratio(platform.throughput, baseline.throughput), 2),
      formatFigure(ratio(platform.throughputFromStart, baseline.throughputFromStart), 2),
      latency ? formatFigure(ratio(latency.platform.p50Ms, latency.baseline.p50Ms), 2) : '-',
      latency ? formatFigure(ratio(latency.platform.p99Ms, latency.baseline.p99Ms), 2) : '-',
    ]),
  ].join('\n');
}

/**
 * Rows for RESULTS.md: `throughput` (first → last delivered webhook, the headline),
 * `throughput-from-start`, and with the latency phase `latency-p50`, `latency-p99`.
 */
export function notificationsResultRows(
  figures: RunFigures,
  { date, commit }: { date: string; commit: string },
): ResultRow[] {
  const row = (
    metric: string,
    value: number,
    unit: string,
    baseline: number,
    decimals: number,
  ): ResultRow => ({
    date,
    benchmark: BENCHMARK,
    metric,
    value: formatFigure(value, decimals),
    unit,
    baseline: formatFigure(baseline, decimals),
    ratio: formatFigure(ratio(value, baseline), 2),
    commit,
  });
  const { platform, baseline, latency } = figures;
  return [
    row('throughput', platform.throughput, 'events/s', baseline.throughput, 1),
    row(
      'throughput-from-start',
      platform.throughputFromStart,
      'events/s',
      baseline.throughputFromStart,
      1,
    ),
    ...(latency
      ? [
          row('latency-p50', latency.platform.p50Ms, 'ms', latency.baseline.p50Ms, 1),
          row('latency-p99', latency.platform.p99Ms, 'ms', latency.baseline.p99Ms, 1),
        ]
      : []),
  ];
}

/** How the dispatcher's claims looked, estimated from when each post was started. */
export interface ClaimEstimate {
  claims: number;
  meanSize: number;
  /** Claims that took a whole batch (the dispatcher then looks again at once). */
  fullClaims: number;
  /** Median pause between the end of one claim's starts and the next claim. */
  medianGapMs: number;
}

/**
 * Groups send start times (ms, any order) into claims: a claim's posts all start within a few
 * milliseconds (Promise.all over the batch), and the next claim comes only after the whole
 * batch was recorded. Posts starting more than `gapMs` apart, or more than `batchSize` in a
 * row, belong to different claims. An estimate: two claims of two replicas would merge.
 */
export function estimateClaims(
  startedAtMs: readonly number[],
  batchSize: number,
  gapMs = 5,
): ClaimEstimate {
  const sorted = [...startedAtMs].sort((a, b) => a - b);
  const sizes: number[] = [];
  const gaps: number[] = [];
  let size = 0;
  let previous = Number.NaN;
  for (const at of sorted) {
    if (size > 0 && (at - previous > gapMs || size >= batchSize)) {
      sizes.push(size);
      gaps.push(at - previous);
      size = 0;
    }
    size += 1;
    previous = at;
  }
  if (size > 0) sizes.push(size);
  return {
    claims: sizes.length,
    meanSize: sizes.length > 0 ? sorted.length / sizes.length : Number.NaN,
    fullClaims: sizes.filter((claimed) => claimed >= batchSize).length,
    medianGapMs: percentile(gaps, 50),
  };
}

/**
 * The warnings and errors a service logged (pino JSON lines, level ≥ 40), most frequent first,
 * as `message ×count`: a consumer retrying an event it cannot apply shows up here.
 */
export function summarizeLogs(output: string, limit = 3): { count: number; top: string[] } {
  const counts = new Map<string, number>();
  let count = 0;
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    let entry: { level?: unknown; msg?: unknown };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    if (typeof entry.level !== 'number' || entry.level < 40) continue;
    count += 1;
    const message = typeof entry.msg === 'string' ? entry.msg : '?';
    counts.set(message, (counts.get(message) ?? 0) + 1);
  }
  const top = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([message, times]) => `${message} ×${times}`);
  return { count, top };
}
