import { formatFigure, percentile, type ResultRow } from '@itsm/testing';
import type { SeedPlan } from './seed';

/** The target: impact analysis at depth 5 over 1,000,000 items, p95 below this. */
export const P95_TARGET_MS = 100;

export interface LatencyFigures {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

/** Nearest-rank percentiles of the measured calls (failed calls, NaN, are not samples). */
export function latencyFigures(latenciesMs: readonly number[]): LatencyFigures {
  const samples = latenciesMs.filter(Number.isFinite);
  return {
    count: samples.length,
    p50Ms: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
    p99Ms: percentile(samples, 99),
    maxMs: samples.length > 0 ? Math.max(...samples) : Number.NaN,
    meanMs: samples.length > 0 ? samples.reduce((a, b) => a + b, 0) / samples.length : Number.NaN,
  };
}

/** What one answer held: items reported, business services among them, whether cut at the limit. */
export interface Answer {
  items: number;
  businessServices: number;
  truncated: boolean;
}

export interface ReachFigures {
  answers: number;
  meanItems: number;
  p50Items: number;
  maxItems: number;
  meanBusinessServices: number;
  /** Answers cut at the limit. */
  truncated: number;
}

export function reachFigures(answers: readonly Answer[]): ReachFigures {
  const items = answers.map((answer) => answer.items);
  const mean = (values: readonly number[]): number =>
    values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN;
  return {
    answers: answers.length,
    meanItems: mean(items),
    p50Items: percentile(items, 50),
    maxItems: items.length > 0 ? Math.max(...items) : Number.NaN,
    meanBusinessServices: mean(answers.map((answer) => answer.businessServices)),
    truncated: answers.filter((answer) => answer.truncated).length,
  };
}

export const ratio = (value: number, baseline: number): number =>
  baseline > 0 && Number.isFinite(value) ? value / baseline : Number.NaN;

const METRICS = [
  ['impact-p50', 'p50Ms'],
  ['impact-p95', 'p95Ms'],
  ['impact-p99', 'p99Ms'],
] as const;

/** One row per percentile: AnalyzeImpact through the service against one indexed hop in SQL. */
export function cmdbResultRows(
  impact: LatencyFigures,
  baseline: LatencyFigures,
  { date, commit }: { date: string; commit: string },
): ResultRow[] {
  return METRICS.map(([metric, key]) => ({
    date,
    benchmark: 'cmdb',
    metric,
    value: formatFigure(impact[key], 2),
    unit: 'ms',
    baseline: formatFigure(baseline[key], 2),
    ratio: formatFigure(ratio(impact[key], baseline[key]), 1),
    commit,
  }));
}

/** The table printed at the end of a run. */
export function formatSummary(impact: LatencyFigures, baseline: LatencyFigures): string {
  const cell = (value: number): string => formatFigure(value, 2).padStart(10);
  const line = (name: string, values: number[]): string =>
    `${name.padEnd(10)}${values.map(cell).join('')}`;
  const keys = ['p50Ms', 'p95Ms', 'p99Ms', 'maxMs', 'meanMs'] as const;
  return [
    `${''.padEnd(10)}${['p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'mean ms'].map((h) => h.padStart(10)).join('')}`,
    line(
      'impact',
      keys.map((key) => impact[key]),
    ),
    line(
      'baseline',
      keys.map((key) => baseline[key]),
    ),
    line(
      'ratio',
      keys.map((key) => ratio(impact[key], baseline[key])),
    ),
  ].join('\n');
}

/** `2,000 business_service, 20,000 application, …` in the plan's order. */
export function describeLayers(plan: SeedPlan): string {
  return plan.layers.map((layer) => `${layer.count.toLocaleString('en')} ${layer.key}`).join(', ');
}

/** Relationships per type, largest first: `1,861,010 uses_licence, …`. */
export function describeRelationshipTypes(plan: SeedPlan): string {
  const byType = new Map<string, number>();
  for (const group of plan.groups)
    byType.set(group.type, (byType.get(group.type) ?? 0) + group.rows);
  return [...byType]
    .sort(([, a], [, b]) => b - a)
    .map(([type, rows]) => `${rows.toLocaleString('en')} ${type}`)
    .join(', ');
}

export interface RunDescription {
  date: string;
  commit: string;
  machine: string;
  plan: SeedPlan;
  seed: {
    itemsS: number;
    relationshipsS: number;
    settleS: number;
    size: string;
    foreignKeysChecked: boolean;
  };
  depth: number;
  limit: number;
  requests: number;
  warmup: number;
  reach: ReachFigures;
  /** Mean rows of the baseline's one-hop query. */
  baselineMeanRows: number;
  loadWhenMeasuring: number;
}

/** The RESULTS.md run note: machine, graph, seeding, the measurement and what the answers held. */
export function runNote(run: RunDescription): string {
  const seedTotal = run.seed.itemsS + run.seed.relationshipsS + run.seed.settleS;
  const { reach } = run;
  return (
    `${run.date} cmdb ${run.commit}: ${run.machine}, ${run.loadWhenMeasuring.toFixed(2)} when ` +
    `measuring; ${run.plan.items.toLocaleString('en')} configuration items and ` +
    `${run.plan.relationships.toLocaleString('en')} relationships seeded by SQL in ` +
    `${seedTotal.toFixed(1)} s (items ${run.seed.itemsS.toFixed(1)} s, relationships ` +
    `${run.seed.relationshipsS.toFixed(1)} s, VACUUM ANALYZE/CHECKPOINT ${run.seed.settleS.toFixed(1)} s; ` +
    `${run.seed.size} with indexes; the migration's indexes in place, foreign keys ` +
    `${run.seed.foreignKeysChecked ? 'checked' : 'not checked (session_replication_role = replica)'}); AnalyzeImpact upstream of random servers, depth ${run.depth}, ` +
    `limit ${run.limit}, ${run.requests} calls after ${run.warmup} warm-up, 1 in flight, over gRPC ` +
    `to the service process; baseline: \`SELECT source_id FROM ci_relationships WHERE target_id = $1\` ` +
    `with pg from the bench process for other random servers, same counts\n` +
    `items: ${describeLayers(run.plan)}; relationships: ${describeRelationshipTypes(run.plan)}. ` +
    `Items returned per analysis: mean ${formatFigure(reach.meanItems, 1)}, median ` +
    `${formatFigure(reach.p50Items, 0)}, max ${formatFigure(reach.maxItems, 0)} ` +
    `(${reach.truncated} of ${reach.answers} cut at the limit), business services among them ` +
    `${formatFigure(reach.meanBusinessServices, 1)} on average; the baseline's hop returned ` +
    `${formatFigure(run.baselineMeanRows, 1)} rows on average.`
  );
}
