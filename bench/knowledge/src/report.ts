import { formatFigure, percentile, type ResultRow } from '@itsm/testing';

export const P95_TARGET_MS = 50;

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export function summarize(latenciesMs: readonly number[]): LatencySummary {
  const measured = latenciesMs.filter(Number.isFinite);
  return {
    count: measured.length,
    p50Ms: percentile(measured, 50),
    p95Ms: percentile(measured, 95),
    p99Ms: percentile(measured, 99),
  };
}

export interface KnowledgeFigures {
  articles: number;
  /** The reindex command's own timing: reading PostgreSQL and bulk-indexing into a new index. */
  bulkIndexMs: number;
  /** The index projector draining every article queued at once (the outbox path). */
  catchUpMs: number | undefined;
  ratePerSecond: number;
  platform: LatencySummary;
  baseline: LatencySummary;
}

const ratio = (value: number, base: number): string =>
  Number.isFinite(value) && Number.isFinite(base) && base > 0 ? (value / base).toFixed(2) : '-';

export function formatSearchTable({ platform, baseline, ratePerSecond }: KnowledgeFigures): string {
  const row = (name: string, summary: LatencySummary) =>
    `${name.padEnd(10)}${formatFigure(summary.p50Ms, 2).padStart(10)}${formatFigure(summary.p95Ms, 2).padStart(10)}${formatFigure(summary.p99Ms, 2).padStart(10)}`;
  return [
    `search at ${ratePerSecond} requests/s      p50 ms    p95 ms    p99 ms`,
    row('platform', platform),
    row('baseline', baseline),
    `${'ratio'.padEnd(10)}${ratio(platform.p50Ms, baseline.p50Ms).padStart(10)}${ratio(platform.p95Ms, baseline.p95Ms).padStart(10)}${ratio(platform.p99Ms, baseline.p99Ms).padStart(10)}`,
  ].join('\n');
}

/** The rows of one run for bench/RESULTS.md. */
export function knowledgeResultRows(
  figures: KnowledgeFigures,
  { date, commit }: { date: string; commit: string },
): ResultRow[] {
  const row = (
    metric: string,
    value: string,
    unit: string,
    baseline = '-',
    ratioText = '-',
  ): ResultRow => ({
    date,
    benchmark: 'knowledge',
    metric,
    value,
    unit,
    baseline,
    ratio: ratioText,
    commit,
  });
  const rate = figures.articles / (figures.bulkIndexMs / 1000);
  const rows = [
    row('bulk-index', formatFigure(figures.bulkIndexMs / 1000, 1), 's'),
    row('bulk-index-rate', formatFigure(rate, 0), 'articles/s'),
  ];
  if (figures.catchUpMs !== undefined) {
    rows.push(row('index-catch-up', formatFigure(figures.catchUpMs / 1000, 1), 's'));
  }
  for (const [metric, key] of [
    ['search-p50', 'p50Ms'],
    ['search-p95', 'p95Ms'],
    ['search-p99', 'p99Ms'],
  ] as const) {
    rows.push(
      row(
        metric,
        formatFigure(figures.platform[key], 2),
        'ms',
        formatFigure(figures.baseline[key], 2),
        ratio(figures.platform[key], figures.baseline[key]),
      ),
    );
  }
  return rows;
}
