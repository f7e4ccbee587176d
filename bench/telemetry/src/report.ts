import { formatFigure, percentile, type ResultRow } from '@itsm/testing';
import type { OtlpCounts } from './otlp-sink';
import type { TelemetryMode } from './telemetry-env';

export const BENCHMARK = 'telemetry';

/** The operations requirement: OpenTelemetry may take at most this share of the throughput. */
export const COST_TARGET_PERCENT = 15;

/** What one round (one platform, one side) did. */
export interface RoundFigures {
  mode: TelemetryMode;
  /** Latency of every measured request. */
  latenciesMs: number[];
  /** From the first measured request until the last answer. */
  elapsedMs: number;
  /** From the last answer until the event pipeline was quiet. */
  drainMs: number;
  /** CPU of the platform's services from the first measured request until the pipeline was quiet. */
  serviceCpuMs: number;
  /** Tickets in the platform's database at the end (set-up, warm-up and measured). */
  tickets: number;
  /**
   * Events each consuming service applied (its inbox), over the platform's life. Other
   * platforms on the shared local Kafka write to the same topics, so a figure above the
   * same side's usual means this round did work for someone else too.
   */
  eventsApplied: EventsApplied;
  /** What the platform exported over its whole life, start-up and shutdown included. */
  exports: OtlpCounts;
  /** Spans the services' SDKs dropped because their queue was full. */
  droppedSpans: number;
}

export interface EventsApplied {
  tickets: number;
  sla: number;
  routing: number;
}

/** One side over all its rounds. */
export interface SideFigures {
  mode: TelemetryMode;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Measured requests over the summed time of the side's rounds. */
  throughput: number;
  roundThroughputs: number[];
  /** CPU of the services per measured ticket, its events' processing included. */
  cpuMsPerTicket: number;
  drainMs: number[];
  /** Events the consuming services applied per ticket (see {@link RoundFigures.eventsApplied}). */
  eventsPerTicket: EventsApplied;
  spansPerTicket: number;
  exportedKiBPerTicket: number;
  traceExports: number;
  metricExports: number;
  droppedSpans: number;
}

export function roundThroughput(round: Pick<RoundFigures, 'latenciesMs' | 'elapsedMs'>): number {
  return round.elapsedMs > 0 ? (round.latenciesMs.length * 1000) / round.elapsedMs : Number.NaN;
}

export function sideFigures(mode: TelemetryMode, allRounds: readonly RoundFigures[]): SideFigures {
  const rounds = allRounds.filter((round) => round.mode === mode);
  const sum = (of: (round: RoundFigures) => number): number =>
    rounds.reduce((total, round) => total + of(round), 0);
  const latencies = rounds.flatMap((round) => round.latenciesMs);
  const elapsedMs = sum((round) => round.elapsedMs);
  const tickets = sum((round) => round.tickets);
  return {
    mode,
    requests: latencies.length,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    throughput: elapsedMs > 0 ? (latencies.length * 1000) / elapsedMs : Number.NaN,
    roundThroughputs: rounds.map(roundThroughput),
    cpuMsPerTicket:
      latencies.length > 0 ? sum((round) => round.serviceCpuMs) / latencies.length : Number.NaN,
    drainMs: rounds.map((round) => round.drainMs),
    eventsPerTicket: {
      tickets: tickets > 0 ? sum((round) => round.eventsApplied.tickets) / tickets : Number.NaN,
      sla: tickets > 0 ? sum((round) => round.eventsApplied.sla) / tickets : Number.NaN,
      routing: tickets > 0 ? sum((round) => round.eventsApplied.routing) / tickets : Number.NaN,
    },
    spansPerTicket: tickets > 0 ? sum((round) => round.exports.spans) / tickets : Number.NaN,
    exportedKiBPerTicket:
      tickets > 0 ? sum((round) => round.exports.bytes) / 1024 / tickets : Number.NaN,
    traceExports: sum((round) => round.exports.traceExports),
    metricExports: sum((round) => round.exports.metricExports),
    droppedSpans: sum((round) => round.droppedSpans),
  };
}

/** on / off; NaN when off is zero or unknown. */
export function ratio(on: number, off: number): number {
  return off > 0 && Number.isFinite(on) ? on / off : Number.NaN;
}

/** The share of the throughput OpenTelemetry takes, in percent (negative: "on" was faster). */
export function throughputCostPercent(onThroughput: number, offThroughput: number): number {
  return (1 - ratio(onThroughput, offThroughput)) * 100;
}

/**
 * The cost within each pair of neighbouring rounds (one per side), to show how much the
 * figure moves from pair to pair on this machine.
 */
export function pairCostsPercent(rounds: readonly RoundFigures[]): number[] {
  const costs: number[] = [];
  for (let index = 0; index + 1 < rounds.length; index += 2) {
    const pair = [rounds[index], rounds[index + 1]];
    const on = pair.find((round) => round?.mode === 'on');
    const off = pair.find((round) => round?.mode === 'off');
    if (on && off) costs.push(throughputCostPercent(roundThroughput(on), roundThroughput(off)));
  }
  return costs;
}

/**
 * Why the figures cannot stand: an "off" side that exported anything (the switch did not
 * work), an "on" side that exported no spans or metrics (nothing was measured), or exports
 * the sink could not read (their spans uncounted). Empty when the run is sound.
 */
export function exportProblems(rounds: readonly RoundFigures[]): string[] {
  const problems: string[] = [];
  rounds.forEach((round, index) => {
    const { exports } = round;
    const name = `round ${index + 1} (${round.mode})`;
    const requests = exports.traceExports + exports.metricExports + exports.otherExports;
    if (round.mode === 'off' && requests > 0)
      problems.push(`${name}: OpenTelemetry was switched off, yet ${requests} exports arrived`);
    if (round.mode === 'on' && exports.spans === 0) problems.push(`${name}: no spans arrived`);
    if (round.mode === 'on' && exports.metricExports === 0)
      problems.push(`${name}: no metrics arrived`);
    if (exports.unreadable > 0)
      problems.push(`${name}: ${exports.unreadable} trace exports could not be read`);
  });
  return problems;
}

const ms = (value: number): string => formatFigure(value, 2);
const percent = (value: number): string => `${formatFigure(value, 1)} %`;

/** Per side: n, p50/p95/p99, throughput, CPU per ticket; then on / off and the cost. */
export function formatTable(off: SideFigures, on: SideFigures): string {
  const widths = [16, 7, 9, 9, 9, 9, 12, 12];
  const line = (cells: string[]): string =>
    cells
      .map((cell, index) =>
        index === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[index] ?? 0),
      )
      .join('');
  const side = (label: string, figures: SideFigures): string =>
    line([
      label,
      String(figures.requests),
      ms(figures.p50Ms),
      ms(figures.p95Ms),
      ms(figures.p99Ms),
      formatFigure(figures.throughput, 1),
      ms(figures.cpuMsPerTicket),
      formatFigure(figures.spansPerTicket, 1),
    ]);
  const cost = throughputCostPercent(on.throughput, off.throughput);
  return [
    line(['', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'CPU ms/tkt', 'spans/tkt']),
    side('OpenTelemetry off', off),
    side('OpenTelemetry on', on),
    line([
      'on / off',
      '',
      formatFigure(ratio(on.p50Ms, off.p50Ms), 2),
      formatFigure(ratio(on.p95Ms, off.p95Ms), 2),
      formatFigure(ratio(on.p99Ms, off.p99Ms), 2),
      formatFigure(ratio(on.throughput, off.throughput), 2),
      formatFigure(ratio(on.cpuMsPerTicket, off.cpuMsPerTicket), 2),
      '',
    ]),
    `throughput cost ${percent(cost)} (target <= ${COST_TARGET_PERCENT} %): ` +
      (cost <= COST_TARGET_PERCENT ? 'met' : 'NOT met'),
  ].join('\n');
}

/**
 * Rows: the "on" side's throughput, p50, p99 and CPU per ticket against the "off" side as the
 * baseline (ratio on / off), and the throughput cost in percent (no baseline of its own).
 */
export function telemetryResultRows(
  off: SideFigures,
  on: SideFigures,
  { date, commit, traceRatio = 1 }: { date: string; commit: string; traceRatio?: number },
): ResultRow[] {
  // Rows of a sampled run say so (throughput-cost@10%); every-trace rows keep the plain names.
  const suffix = traceRatio >= 1 ? '' : `@${Math.round(traceRatio * 1000) / 10}%`;
  const row = (
    name: string,
    value: number,
    unit: string,
    baseline: number | undefined,
    decimals: number,
  ): ResultRow => ({
    date,
    benchmark: BENCHMARK,
    metric: `${name}${suffix}`,
    value: formatFigure(value, decimals),
    unit,
    baseline: baseline === undefined ? '-' : formatFigure(baseline, decimals),
    ratio: baseline === undefined ? '-' : formatFigure(ratio(value, baseline), 2),
    commit,
  });
  return [
    row('throughput', on.throughput, 'req/s', off.throughput, 1),
    row('p50', on.p50Ms, 'ms', off.p50Ms, 2),
    row('p99', on.p99Ms, 'ms', off.p99Ms, 2),
    row('cpu-per-ticket', on.cpuMsPerTicket, 'ms', off.cpuMsPerTicket, 2),
    row('throughput-cost', throughputCostPercent(on.throughput, off.throughput), '%', undefined, 1),
  ];
}

/** One side in a sentence of the run note. */
export function sideSummary(figures: SideFigures): string {
  const list = (values: readonly number[], decimals: number): string =>
    values.map((value) => formatFigure(value, decimals)).join(', ');
  return (
    `OpenTelemetry ${figures.mode}: p50/p95/p99 ${ms(figures.p50Ms)}/${ms(figures.p95Ms)}/` +
    `${ms(figures.p99Ms)} ms, ${formatFigure(figures.throughput, 1)} req/s (rounds ` +
    `${list(figures.roundThroughputs, 1)}), services' CPU ${ms(figures.cpuMsPerTicket)} ms per ` +
    `ticket, pipeline quiet ${list(figures.drainMs, 0)} ms after the last answer, events ` +
    `applied per ticket by tickets/SLA/routing ${formatFigure(figures.eventsPerTicket.tickets, 2)}/` +
    `${formatFigure(figures.eventsPerTicket.sla, 2)}/${formatFigure(figures.eventsPerTicket.routing, 2)}` +
    (figures.mode === 'on'
      ? `; ${formatFigure(figures.spansPerTicket, 1)} spans and ` +
        `${formatFigure(figures.exportedKiBPerTicket, 1)} KiB exported per ticket ` +
        `(${figures.traceExports} trace and ${figures.metricExports} metric exports), ` +
        `${figures.droppedSpans} spans dropped`
      : '')
  );
}
