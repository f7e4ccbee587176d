import { formatFigure, percentile, type ResultRow } from '@itsm/testing';

/** The target: a routing decision takes less than this at p99. */
export const P99_TARGET_MS = 5;

export interface DecisionFigures {
  decisions: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Percentiles (nearest rank) of the decisions' `duration_us`, in milliseconds. */
export function decisionFigures(durationsUs: readonly number[]): DecisionFigures {
  const ms = durationsUs.map((us) => us / 1000);
  return {
    decisions: ms.length,
    p50Ms: percentile(ms, 50),
    p95Ms: percentile(ms, 95),
    p99Ms: percentile(ms, 99),
    maxMs: ms.length > 0 ? Math.max(...ms) : Number.NaN,
  };
}

const ratio = (value: number, baseline: number): number =>
  baseline > 0 && Number.isFinite(value) ? value / baseline : Number.NaN;

const METRICS = [
  ['decision-p50', 'p50Ms'],
  ['decision-p95', 'p95Ms'],
  ['decision-p99', 'p99Ms'],
] as const;

/** One row per percentile: the scaled configuration, against the baseline configuration. */
export function routingResultRows(
  scale: DecisionFigures,
  baseline: DecisionFigures,
  { date, commit }: { date: string; commit: string },
): ResultRow[] {
  return METRICS.map(([metric, key]) => ({
    date,
    benchmark: 'routing',
    metric,
    value: formatFigure(scale[key], 2),
    unit: 'ms',
    baseline: formatFigure(baseline[key], 2),
    ratio: formatFigure(ratio(scale[key], baseline[key]), 2),
    commit,
  }));
}

/** The table printed at the end of a run. */
export function formatSummary(scale: DecisionFigures, baseline: DecisionFigures): string {
  const cell = (value: number): string => formatFigure(value, 2).padStart(10);
  const line = (name: string, values: number[]): string =>
    `${name.padEnd(10)}${values.map(cell).join('')}`;
  return [
    `${''.padEnd(10)}${['p50 ms', 'p95 ms', 'p99 ms', 'max ms'].map((h) => h.padStart(10)).join('')}`,
    line('scale', [scale.p50Ms, scale.p95Ms, scale.p99Ms, scale.maxMs]),
    line('baseline', [baseline.p50Ms, baseline.p95Ms, baseline.p99Ms, baseline.maxMs]),
    line('ratio', [
      ratio(scale.p50Ms, baseline.p50Ms),
      ratio(scale.p95Ms, baseline.p95Ms),
      ratio(scale.p99Ms, baseline.p99Ms),
      ratio(scale.maxMs, baseline.maxMs),
    ]),
  ].join('\n');
}
