import { knowledgeResultRows, summarize } from './report';

describe('knowledge benchmark report', () => {
  it('summarises measured latencies only', () => {
    expect(summarize([5, Number.NaN, 1, 3, 2, 4])).toEqual({
      count: 5,
      p50Ms: 3,
      p95Ms: 5,
      p99Ms: 5,
    });
  });

  it('writes bulk indexing, catch-up and search rows with their baseline ratios', () => {
    const rows = knowledgeResultRows(
      {
        articles: 100_000,
        bulkIndexMs: 80_000,
        catchUpMs: 95_500,
        ratePerSecond: 50,
        platform: { count: 1000, p50Ms: 12, p95Ms: 30, p99Ms: 60 },
        baseline: { count: 1000, p50Ms: 6, p95Ms: 15, p99Ms: 40 },
      },
      { date: '2026-11-27', commit: 'abc1234' },
    );
    expect(rows.map((row) => [row.metric, row.value, row.unit, row.baseline, row.ratio])).toEqual([
      ['bulk-index', '80.0', 's', '-', '-'],
      ['bulk-index-rate', '1250', 'articles/s', '-', '-'],
      ['index-catch-up', '95.5', 's', '-', '-'],
      ['search-p50', '12.00', 'ms', '6.00', '2.00'],
      ['search-p95', '30.00', 'ms', '15.00', '2.00'],
      ['search-p99', '60.00', 'ms', '40.00', '1.50'],
    ]);
    expect(rows.every((row) => row.benchmark === 'knowledge' && row.commit === 'abc1234')).toBe(
      true,
    );
  });
});
