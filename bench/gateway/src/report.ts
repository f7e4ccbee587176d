import { formatFigure, percentile, type ResultRow } from '@itsm/testing';

export const BENCHMARK = 'gateway';

/** What one side of a concurrency level did, over all its rounds. */
export interface SideFigures {
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Requests answered per second of the side's own measuring time. */
  throughput: number;
}

/** The gateway with a bearer token, with an API key (when measured), and the direct gRPC call. */
export interface LevelFigures {
  concurrency: number;
  bearer: SideFigures;
  apiKey?: SideFigures;
  baseline: SideFigures;
}

/** Latencies of every measured request of a side, and the summed time of its rounds. */
export function sideFigures(latenciesMs: readonly number[], elapsedMs: number): SideFigures {
  return {
    requests: latenciesMs.length,
    p50Ms: percentile(latenciesMs, 50),
    p95Ms: percentile(latenciesMs, 95),
    p99Ms: percentile(latenciesMs, 99),
    throughput: elapsedMs > 0 ? (latenciesMs.length * 1000) / elapsedMs : Number.NaN,
  };
}

/** platform / baseline; NaN when the baseline is zero or unknown. */
export function ratio(platform: number, baseline: number): number {
  return baseline > 0 && Number.isFinite(platform) ? platform / baseline : Number.NaN;
}

/** What the gateway adds to a typical request: platform p50 − baseline p50. */
export function overheadMs(platform: SideFigures, baseline: SideFigures): number {
  return platform.p50Ms - baseline.p50Ms;
}

const ms = (value: number): string => formatFigure(value, 2);

/** Per side: n, p50/p95/p99, throughput, and against the baseline the ratios and the overhead. */
export function formatLevelTable(level: LevelFigures): string {
  const widths = [18, 7, 9, 9, 9, 10, 8, 8, 9, 14];
  const line = (cells: string[]): string =>
    cells
      .map((cell, index) =>
        index === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[index] ?? 0),
      )
      .join('');
  const { baseline } = level;
  const platformRow = (label: string, side: SideFigures): string =>
    line([
      label,
      String(side.requests),
      ms(side.p50Ms),
      ms(side.p95Ms),
      ms(side.p99Ms),
      formatFigure(side.throughput, 1),
      formatFigure(ratio(side.p50Ms, baseline.p50Ms), 2),
      formatFigure(ratio(side.p99Ms, baseline.p99Ms), 2),
      formatFigure(ratio(side.throughput, baseline.throughput), 2),
      ms(overheadMs(side, baseline)),
    ]);
  return [
    `concurrency ${level.concurrency}`,
    line([
      '',
      'n',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'req/s',
      'p50 x',
      'p99 x',
      'req/s x',
      'overhead ms',
    ]),
    platformRow('gateway, bearer', level.bearer),
    ...(level.apiKey ? [platformRow('gateway, API key', level.apiKey)] : []),
    line([
      'gRPC direct',
      String(baseline.requests),
      ms(baseline.p50Ms),
      ms(baseline.p95Ms),
      ms(baseline.p99Ms),
      formatFigure(baseline.throughput, 1),
      '-',
      '-',
      '-',
      '-',
    ]),
  ].join('\n');
}

/**
 * The recorded level's rows: p50, p99 and throughput of the gateway with a bearer token against
 * the direct gRPC call, and the overhead per request (p50 difference, no baseline of its own).
 */
export function gatewayResultRows(
  level: LevelFigures,
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
    benchmark: BENCHMARK,
    metric,
    value: formatFigure(value, decimals),
    unit,
    baseline: baseline === undefined ? '-' : formatFigure(baseline, decimals),
    ratio: baseline === undefined ? '-' : formatFigure(ratio(value, baseline), 2),
    commit,
  });
  const { bearer, baseline } = level;
  return [
    row('p50', bearer.p50Ms, 'ms', baseline.p50Ms, 2),
    row('p99', bearer.p99Ms, 'ms', baseline.p99Ms, 2),
    row('throughput', bearer.throughput, 'req/s', baseline.throughput, 1),
    row('overhead-p50', overheadMs(bearer, baseline), 'ms', undefined, 2),
  ];
}

/** One level in a sentence of the run note: p50/p95/p99 and throughput of each side. */
export function levelSummary(level: LevelFigures): string {
  const side = (label: string, figures: SideFigures): string =>
    `${label} ${ms(figures.p50Ms)}/${ms(figures.p95Ms)}/${ms(figures.p99Ms)} ms, ` +
    `${formatFigure(figures.throughput, 1)} req/s`;
  const overheads = [
    `bearer ${ms(overheadMs(level.bearer, level.baseline))} ms`,
    ...(level.apiKey ? [`API key ${ms(overheadMs(level.apiKey, level.baseline))} ms`] : []),
  ];
  return (
    `Concurrency ${level.concurrency} (p50/p95/p99): ` +
    [
      side('bearer', level.bearer),
      ...(level.apiKey ? [side('API key', level.apiKey)] : []),
      side('gRPC direct', level.baseline),
    ].join('; ') +
    `; overhead p50 ${overheads.join(', ')}.`
  );
}
