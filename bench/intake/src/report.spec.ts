import { formatIntakeTable, intakeResultRows, type IntakeFigures } from './report';

const figures: IntakeFigures = {
  platform: { count: 3000, throughputPerSecond: 900, p50Ms: 16, p99Ms: 40 },
  baseline: { count: 3000, throughputPerSecond: 1500, p50Ms: 10, p99Ms: 25 },
  outboxDrainMs: 123.4,
  outboxBacklog: 42,
};

describe('intakeResultRows', () => {
  it('has one row per figure with platform / baseline ratios', () => {
    const rows = intakeResultRows(figures, { date: '2026-11-27', commit: 'abc1234-dirty' });
    expect(
      rows.map(({ metric, value, unit, baseline, ratio }) => [
        metric,
        value,
        unit,
        baseline,
        ratio,
      ]),
    ).toEqual([
      ['throughput', '900.0', 'tickets/s', '1500.0', '0.60'],
      ['p50', '16.00', 'ms', '10.00', '1.60'],
      ['p99', '40.00', 'ms', '25.00', '1.60'],
      ['outbox-drain', '123', 'ms', '-', '-'],
    ]);
    expect(rows.every((row) => row.benchmark === 'intake' && row.commit === 'abc1234-dirty')).toBe(
      true,
    );
  });
});

describe('formatIntakeTable', () => {
  it('says whether the throughput target is met', () => {
    expect(formatIntakeTable(figures)).toContain('target >= 0.5: met');
    const slow = { ...figures, platform: { ...figures.platform, throughputPerSecond: 600 } };
    expect(formatIntakeTable(slow)).toContain('target >= 0.5: NOT met');
  });
});
