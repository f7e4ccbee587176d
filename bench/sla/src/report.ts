import { formatFigure, percentile, type ResultRow } from '@itsm/testing';
import type { ObservedBreach } from './breach-probe';
import type { MemorySample } from './memory';

/** The target: warnings and breaches on Kafka no later than this after their instant. */
export const P99_TARGET_MS = 1_000;

export interface LagFigures {
  expected: number;
  received: number;
  /** Clocks announced more than once; must be none. */
  duplicates: string[];
  /** Clocks never announced; must be none. */
  missing: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * Breach lag of a phase: arrival on Kafka − due instant, one sample per clock. Each expected
 * clock must be announced exactly once.
 */
export function lagFigures(breaches: readonly ObservedBreach[], expected: number): LagFigures {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const lags: number[] = [];
  for (const { ticketNumber, dueAt, receivedAt } of breaches) {
    if (seen.has(ticketNumber)) {
      duplicates.push(ticketNumber);
      continue;
    }
    seen.add(ticketNumber);
    lags.push(receivedAt - dueAt);
  }
  return {
    expected,
    received: seen.size,
    duplicates,
    missing: expected - seen.size,
    p50Ms: percentile(lags, 50),
    p99Ms: percentile(lags, 99),
    maxMs: lags.length > 0 ? Math.max(...lags) : Number.NaN,
  };
}

export interface SlaFigures {
  /** The idle scheduler: only the due clocks, no ticket events. */
  baseline: { lag: LagFigures; memoryPeak: MemorySample };
  /** The same with the steady stream of starts, pauses, resumptions and resolutions. */
  load: { lag: LagFigures; memoryPeak: MemorySample };
  seedSeconds: number;
}

const MIB = 2 ** 20;
const ratio = (value: number, baseline: number): number =>
  baseline > 0 && Number.isFinite(value) ? value / baseline : Number.NaN;

export function slaResultRows(
  figures: SlaFigures,
  { date, commit }: { date: string; commit: string },
): ResultRow[] {
  const row = (
    metric: string,
    value: number,
    unit: string,
    baseline: number | undefined,
    decimals: number,
  ): ResultRow => ({
    date,
    benchmark: 'sla',
    metric,
    value: formatFigure(value, decimals),
    unit,
    baseline: baseline === undefined ? '-' : formatFigure(baseline, decimals),
    ratio: baseline === undefined ? '-' : formatFigure(ratio(value, baseline), 2),
    commit,
  });
  const { baseline, load } = figures;
  return [
    row('lag-p50', load.lag.p50Ms, 'ms', baseline.lag.p50Ms, 1),
    row('lag-p99', load.lag.p99Ms, 'ms', baseline.lag.p99Ms, 1),
    row('lag-max', load.lag.maxMs, 'ms', baseline.lag.maxMs, 1),
    row('rss', load.memoryPeak.rssBytes / MIB, 'MiB', baseline.memoryPeak.rssBytes / MIB, 1),
    row(
      'heap',
      load.memoryPeak.heapUsedBytes / MIB,
      'MiB',
      baseline.memoryPeak.heapUsedBytes / MIB,
      1,
    ),
    row('seed', figures.seedSeconds, 's', undefined, 1),
  ];
}

/** The two phases side by side. */
export function formatSummary({ baseline, load }: SlaFigures): string {
  const ms = (value: number) => formatFigure(value, 1).padStart(10);
  const mib = (bytes: number) => formatFigure(bytes / MIB, 1).padStart(10);
  const line = (label: string, phase: SlaFigures['load']) =>
    `${label.padEnd(10)}${String(phase.lag.received).padStart(8)}${ms(phase.lag.p50Ms)}` +
    `${ms(phase.lag.p99Ms)}${ms(phase.lag.maxMs)}${mib(phase.memoryPeak.rssBytes)}` +
    `${mib(phase.memoryPeak.heapUsedBytes)}`;
  return [
    `${''.padEnd(10)}${'breaches'.padStart(8)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}` +
      `${'max ms'.padStart(10)}${'RSS MiB'.padStart(10)}${'heap MiB'.padStart(10)}`,
    line('load', load),
    line('baseline', baseline),
    `${'ratio'.padEnd(18)}${formatFigure(ratio(load.lag.p50Ms, baseline.lag.p50Ms), 2).padStart(10)}` +
      `${formatFigure(ratio(load.lag.p99Ms, baseline.lag.p99Ms), 2).padStart(10)}`,
  ].join('\n');
}
