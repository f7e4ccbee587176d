import { formatFigure, type ResultRow } from '@itsm/testing';
import { ratio, type LatencySummary } from './stats';

/** Platform throughput must reach this share of the baseline's (DESIGN.md, "Performance model"). */
export const THROUGHPUT_RATIO_TARGET = 0.5;

export interface IntakeFigures {
  platform: LatencySummary;
  baseline: LatencySummary;
  /** From the end of the platform load until its outbox was empty. */
  outboxDrainMs: number;
  /** Outbox rows still waiting when the platform load ended. */
  outboxBacklog: number;
}

export function throughputRatio({ platform, baseline }: IntakeFigures): number {
  return ratio(platform.throughputPerSecond, baseline.throughputPerSecond);
}

/** The console summary: one line per side, then the ratios and the target. */
export function formatIntakeTable(figures: IntakeFigures): string {
  const { platform, baseline } = figures;
  const line = (label: string, values: string[]): string =>
    `${label.padEnd(10)}${values.map((value) => value.padStart(12)).join('')}`;
  const side = (label: string, summary: LatencySummary): string =>
    line(label, [
      formatFigure(summary.throughputPerSecond, 1),
      formatFigure(summary.p50Ms, 2),
      formatFigure(summary.p99Ms, 2),
    ]);
  const throughputShare = throughputRatio(figures);
  const met = throughputShare >= THROUGHPUT_RATIO_TARGET;
  return [
    line('', ['tickets/s', 'p50 ms', 'p99 ms']),
    side('platform', platform),
    side('baseline', baseline),
    line('ratio', [
      formatFigure(throughputShare, 2),
      formatFigure(ratio(platform.p50Ms, baseline.p50Ms), 2),
      formatFigure(ratio(platform.p99Ms, baseline.p99Ms), 2),
    ]),
    `throughput ratio target >= ${THROUGHPUT_RATIO_TARGET}: ${met ? 'met' : 'NOT met'}`,
    `outbox drained in ${formatFigure(figures.outboxDrainMs, 0)} ms ` +
      `(${figures.outboxBacklog} events waiting when the load ended)`,
  ].join('\n');
}

/** One results row per figure: throughput, p50, p99, outbox drain. */
export function intakeResultRows(
  figures: IntakeFigures,
  { date, commit }: { date: string; commit: string },
): ResultRow[] {
  const { platform, baseline } = figures;
  const row = (
    metric: string,
    value: number,
    unit: string,
    baselineValue: number | undefined,
    decimals: number,
  ): ResultRow => ({
    date,
    benchmark: 'intake',
    metric,
    value: formatFigure(value, decimals),
    unit,
    baseline: baselineValue === undefined ? '-' : formatFigure(baselineValue, decimals),
    ratio: baselineValue === undefined ? '-' : formatFigure(ratio(value, baselineValue), 2),
    commit,
  });
  return [
    row('throughput', platform.throughputPerSecond, 'tickets/s', baseline.throughputPerSecond, 1),
    row('p50', platform.p50Ms, 'ms', baseline.p50Ms, 2),
    row('p99', platform.p99Ms, 'ms', baseline.p99Ms, 2),
    row('outbox-drain', figures.outboxDrainMs, 'ms', undefined, 0),
  ];
}
