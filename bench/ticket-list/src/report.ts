import { formatFigure, type ResultRow } from '@itsm/testing';
import { groupBy, type LatencySummary, ratio, summarize } from './stats';

/** The product target: a filtered 50-row page over 1,000,000 tickets, p95 below this. */
export const P95_TARGET_MS = 100;

export interface SideFigures {
  overall: LatencySummary;
  /** Per query kind, in workload order. */
  byKind: Map<string, LatencySummary>;
  /** Per `kind: variant`, in workload order. */
  byVariant: Map<string, LatencySummary>;
}

export interface LevelFigures {
  concurrency: number;
  platform: SideFigures;
  baseline: SideFigures;
}

export interface Sample {
  kind: string;
  label: string;
  latencyMs: number;
}

export function sideFigures(samples: readonly Sample[]): SideFigures {
  const summaries = (groups: Map<string, number[]>): Map<string, LatencySummary> =>
    new Map([...groups].map(([key, latencies]) => [key, summarize(latencies)]));
  return {
    overall: summarize(samples.map((sample) => sample.latencyMs)),
    byKind: summaries(groupBy(samples.map((s) => ({ key: s.kind, latencyMs: s.latencyMs })))),
    byVariant: summaries(
      groupBy(samples.map((s) => ({ key: `${s.kind}: ${s.label}`, latencyMs: s.latencyMs }))),
    ),
  };
}

const ms = (value: number): string => formatFigure(value, 2);

/** One line per kind and one for all: platform and baseline p50/p95/p99 and the p95 ratio. */
export function formatLevelTable({ concurrency, platform, baseline }: LevelFigures): string {
  const line = (cells: string[]): string =>
    `${(cells[0] ?? '').padEnd(14)}${cells
      .slice(1)
      .map((cell, index) => cell.padStart(index === 0 ? 6 : 10))
      .join('')}`;
  const row = (
    label: string,
    p: LatencySummary | undefined,
    b: LatencySummary | undefined,
  ): string =>
    line([
      label,
      String(p?.count ?? 0),
      ms(p?.p50Ms ?? Number.NaN),
      ms(p?.p95Ms ?? Number.NaN),
      ms(p?.p99Ms ?? Number.NaN),
      ms(b?.p50Ms ?? Number.NaN),
      ms(b?.p95Ms ?? Number.NaN),
      ms(b?.p99Ms ?? Number.NaN),
      formatFigure(ratio(p?.p95Ms ?? Number.NaN, b?.p95Ms ?? Number.NaN), 2),
    ]);
  return [
    `concurrency ${concurrency}          --------- platform ms --------  --------- baseline ms --------`,
    line(['kind', 'n', 'p50', 'p95', 'p99', 'p50', 'p95', 'p99', 'p95 ratio']),
    ...[...platform.byKind.keys()].map((kind) =>
      row(kind, platform.byKind.get(kind), baseline.byKind.get(kind)),
    ),
    row('all', platform.overall, baseline.overall),
  ].join('\n');
}

/** `kind: variant  platform p50/p95  baseline p50/p95`, slowest platform p95 first. */
export function formatVariants({ platform, baseline }: LevelFigures): string {
  return [...platform.byVariant]
    .sort(([, a], [, b]) => b.p95Ms - a.p95Ms)
    .map(([key, p]) => {
      const b = baseline.byVariant.get(key);
      return (
        `  ${key.padEnd(40)} platform ${ms(p.p50Ms).padStart(7)} / ${ms(p.p95Ms).padStart(7)}` +
        `   baseline ${ms(b?.p50Ms ?? Number.NaN).padStart(7)} / ${ms(b?.p95Ms ?? Number.NaN).padStart(7)}  (p50 / p95 ms, n=${p.count})`
      );
    })
    .join('\n');
}

/** Kinds whose platform p95 misses the target, slowest first. */
export function kindsOverTarget(side: SideFigures, targetMs = P95_TARGET_MS): [string, number][] {
  return [...side.byKind]
    .filter(([, summary]) => !(summary.p95Ms < targetMs))
    .map(([kind, summary]): [string, number] => [kind, summary.p95Ms])
    .sort(([, a], [, b]) => b - a);
}

/** p50, p95, p99 (platform vs baseline) of the recorded level, and the seeding time. */
export function ticketListResultRows(
  level: LevelFigures,
  seedSeconds: number,
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
    benchmark: 'ticket-list',
    metric,
    value: formatFigure(value, decimals),
    unit,
    baseline: baseline === undefined ? '-' : formatFigure(baseline, decimals),
    ratio: baseline === undefined ? '-' : formatFigure(ratio(value, baseline), 2),
    commit,
  });
  const { platform, baseline } = level;
  return [
    row('p50', platform.overall.p50Ms, 'ms', baseline.overall.p50Ms, 2),
    row('p95', platform.overall.p95Ms, 'ms', baseline.overall.p95Ms, 2),
    row('p99', platform.overall.p99Ms, 'ms', baseline.overall.p99Ms, 2),
    row('seed', seedSeconds, 's', undefined, 1),
  ];
}
