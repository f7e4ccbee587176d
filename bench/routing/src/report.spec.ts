import { decisionFigures, formatSummary, routingResultRows } from './report';

describe('decision figures', () => {
  const hundred = Array.from({ length: 100 }, (_, index) => (index + 1) * 100); // 0.1..10 ms

  it('turns duration_us into millisecond percentiles', () => {
    expect(decisionFigures(hundred)).toEqual({
      decisions: 100,
      p50Ms: 5,
      p95Ms: 9.5,
      p99Ms: 9.9,
      maxMs: 10,
    });
  });

  it('writes one row per percentile against the baseline', () => {
    const scale = decisionFigures(hundred);
    const baseline = decisionFigures(hundred.map((us) => us / 2));
    const rows = routingResultRows(scale, baseline, { date: '2026-11-27', commit: 'abc' });
    expect(rows.map((row) => [row.metric, row.value, row.baseline, row.ratio])).toEqual([
      ['decision-p50', '5.00', '2.50', '2.00'],
      ['decision-p95', '9.50', '4.75', '2.00'],
      ['decision-p99', '9.90', '4.95', '2.00'],
    ]);
    expect(rows.every((row) => row.benchmark === 'routing' && row.unit === 'ms')).toBe(true);
    expect(formatSummary(scale, baseline)).toContain('ratio');
  });

  it('has no figures without decisions', () => {
    const rows = routingResultRows(decisionFigures([]), decisionFigures([]), {
      date: 'd',
      commit: 'c',
    });
    expect(rows[0]).toMatchObject({ value: '-', baseline: '-', ratio: '-' });
  });
});
